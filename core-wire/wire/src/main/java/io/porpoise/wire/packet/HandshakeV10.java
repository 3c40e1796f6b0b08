package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import io.porpoise.wire.ServerStatus;
import java.nio.charset.StandardCharsets;

/**
 * The initial handshake the server sends. The scramble is always 20 bytes (8 in part 1, 12 plus
 * a NUL in part 2); the character-set byte is the low 8 bits of the default collation id.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_v10.html">Protocol::HandshakeV10</a>
 */
public record HandshakeV10(
        String serverVersion,
        long connectionId,
        byte[] authPluginData,
        Capabilities capabilities,
        int characterSet,
        ServerStatus status,
        String authPluginName) {

    public static final int PROTOCOL_VERSION = 10;
    /** Length of the scramble we send: always 20 (clients assume it). */
    public static final int SCRAMBLE_LENGTH = 20;

    public HandshakeV10 {
        if (authPluginData.length != SCRAMBLE_LENGTH) {
            throw new IllegalArgumentException("authPluginData length: " + authPluginData.length + " (expected: 20)");
        }
    }

    public void encode(ByteBuf out) {
        long caps = capabilities.mask();
        PayloadWriter.writeInt1(out, PROTOCOL_VERSION);
        PayloadWriter.writeNulTerminatedBytes(out, serverVersion.getBytes(StandardCharsets.UTF_8));
        PayloadWriter.writeInt4(out, connectionId);
        out.writeBytes(authPluginData, 0, 8);
        PayloadWriter.writeInt1(out, 0);
        PayloadWriter.writeInt2(out, (int) (caps & 0xFFFF));
        PayloadWriter.writeInt1(out, characterSet & 0xFF);
        PayloadWriter.writeInt2(out, status.mask());
        PayloadWriter.writeInt2(out, (int) (caps >>> 16));
        PayloadWriter.writeInt1(out, capabilities.has(CapabilityFlag.CLIENT_PLUGIN_AUTH) ? SCRAMBLE_LENGTH + 1 : 0);
        out.writeZero(10);
        out.writeBytes(authPluginData, 8, SCRAMBLE_LENGTH - 8);
        PayloadWriter.writeInt1(out, 0);
        if (capabilities.has(CapabilityFlag.CLIENT_PLUGIN_AUTH)) {
            PayloadWriter.writeNulTerminatedBytes(out, authPluginName.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Decodes a handshake (used by tests and by client-side tools). */
    public static HandshakeV10 decode(PayloadReader in) {
        int protocol = in.readInt1();
        if (protocol != PROTOCOL_VERSION) {
            throw new io.porpoise.wire.MalformedPacketException("protocol version: " + protocol + " (expected: 10)");
        }
        String version = in.readNulTerminatedString(StandardCharsets.UTF_8);
        long connectionId = in.readInt4();
        byte[] part1 = in.readFixedBytes(8);
        in.skip(1);
        long caps = in.readInt2();
        int charset = in.readInt1();
        int status = in.readInt2();
        caps |= (long) in.readInt2() << 16;
        int dataLength = in.readInt1();
        in.skip(10);
        int part2Length = Math.max(13, dataLength - 8);
        byte[] part2 = in.readFixedBytes(part2Length);
        byte[] data = new byte[SCRAMBLE_LENGTH];
        System.arraycopy(part1, 0, data, 0, 8);
        System.arraycopy(part2, 0, data, 8, SCRAMBLE_LENGTH - 8);
        Capabilities capabilities = Capabilities.fromMask(caps);
        String plugin = capabilities.has(CapabilityFlag.CLIENT_PLUGIN_AUTH) && in.hasRemaining()
                ? in.readNulTerminatedString(StandardCharsets.US_ASCII) : "";
        return new HandshakeV10(version, connectionId, data, capabilities, charset, ServerStatus.fromMask(status), plugin);
    }
}
