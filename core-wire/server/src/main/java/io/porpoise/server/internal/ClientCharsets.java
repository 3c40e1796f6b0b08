package io.porpoise.server.internal;

import io.porpoise.charset.Collation;
import io.porpoise.charset.Collations;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.packet.ErrPacket;

/**
 * The collation id of a HandshakeResponse41, checked as MySQL's {@code thd_init_client_charset}
 * does before authentication: an id it does not know means the server defaults (no error);
 * ucs2, utf16, utf16le and utf32 cannot be parsed and are refused with ER_WRONG_VALUE_FOR_VAR;
 * every other one, {@code binary} (63) included, becomes the session's client, connection and
 * results charset. Only a charset whose converter the runtime lacks (GBK and the like on an
 * image without {@code jdk.charsets}) is refused, with ER_NOT_SUPPORTED_YET, rather than
 * silently misread.
 */
final class ClientCharsets {
    private ClientCharsets() {
    }

    /** The ERR that refuses the connection, or null when the id is acceptable. */
    static ErrPacket refusal(int collationId) {
        Collation c = Collations.byId(collationId).orElse(null);
        if (c == null || c.isBinary() || c.isParserCharset() && c.javaCharset().isPresent()) {
            return null;
        }
        if (!c.isParserCharset()) {
            return ErrPacket.of(ServerErrors.of("ER_WRONG_VALUE_FOR_VAR"), "character_set_client", c.charsetName());
        }
        return ErrPacket.of(ServerErrors.of("ER_NOT_SUPPORTED_YET"), "character set '" + c.charsetName() + "'");
    }
}
