package io.porpoise.command.changeuser;

import io.porpoise.command.ChangeUserRequest;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes COM_CHANGE_USER's payload (after the command byte): user, auth response (length-prefixed
 * with CLIENT_SECURE_CONNECTION, else NUL-terminated), database, then optionally the character
 * set (2 bytes), the client's plugin name (CLIENT_PLUGIN_AUTH) and connection attributes
 * (CLIENT_CONNECT_ATTRS). Connector/J and libmysqlclient write a 2-byte charset; the plugin name
 * and attributes may be missing from older clients.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_change_user.html">COM_CHANGE_USER</a>
 */
final class ComChangeUserDecoder {
    private ComChangeUserDecoder() {
    }

    static ChangeUserRequest decode(PayloadReader in, Capabilities caps, Charset text) {
        String user = in.readNulTerminatedString(text);
        byte[] auth;
        if (caps.has(CapabilityFlag.CLIENT_SECURE_CONNECTION)) {
            auth = in.readFixedBytes(in.readInt1());
        } else {
            auth = in.readNulTerminatedBytes();
        }
        String database = in.hasRemaining() ? in.readNulTerminatedString(text) : "";
        int charset = 0;
        String plugin = "";
        Map<String, String> attrs = Map.of();
        if (in.remaining() >= 2) {
            charset = in.readInt2();
            if (caps.has(CapabilityFlag.CLIENT_PLUGIN_AUTH) && in.hasRemaining()) {
                plugin = in.readNulTerminatedString(StandardCharsets.US_ASCII);
            }
            if (caps.has(CapabilityFlag.CLIENT_CONNECT_ATTRS) && in.hasRemaining()) {
                attrs = attributes(in, text);
            }
        }
        return new ChangeUserRequest(user, auth, database.isEmpty() ? null : database, charset, plugin, attrs);
    }

    private static Map<String, String> attributes(PayloadReader in, Charset text) {
        long total = in.readLengthEncodedInt();
        if (total > in.remaining()) {
            throw new MalformedPacketException("connect attributes length: " + total + " (expected: <= " + in.remaining() + ")");
        }
        int end = in.remaining() - (int) total;
        Map<String, String> attrs = new LinkedHashMap<>();
        while (in.remaining() > end) {
            attrs.put(in.readLengthEncodedString(text), in.readLengthEncodedString(text));
        }
        if (in.remaining() != end) {
            throw new MalformedPacketException("connect attributes: overran their declared length " + total);
        }
        return attrs;
    }
}
