package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;

/**
 * The fixed 32-byte head of a HandshakeResponse41. Sent alone (with CLIENT_SSL) it is the
 * SSLRequest, after which the client starts TLS; otherwise the response body follows it.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_ssl_request.html">Protocol::SSLRequest</a>
 */
public record SslRequest(Capabilities capabilities, long maxPacketSize, int characterSet) {

    public static SslRequest decode(PayloadReader in) {
        Capabilities caps = Capabilities.fromMask(in.readInt4());
        if (!caps.has(CapabilityFlag.CLIENT_PROTOCOL_41)) {
            throw new MalformedPacketException("client capabilities: " + caps + " (expected: CLIENT_PROTOCOL_41)");
        }
        long maxPacket = in.readInt4();
        int charset = in.readInt1();
        in.skip(23);
        return new SslRequest(caps, maxPacket, charset);
    }

    /** True when the whole payload was just this header and asks for TLS. */
    public boolean isSslRequest(int payloadLength) {
        return payloadLength == HandshakeResponse41.FIXED_HEADER_LENGTH && capabilities.has(CapabilityFlag.CLIENT_SSL);
    }

    public void encode(ByteBuf out) {
        PayloadWriter.writeInt4(out, capabilities.mask());
        PayloadWriter.writeInt4(out, maxPacketSize);
        PayloadWriter.writeInt1(out, characterSet);
        out.writeZero(23);
    }
}
