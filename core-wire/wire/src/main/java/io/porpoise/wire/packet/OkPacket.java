package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import io.porpoise.wire.ServerStatus;
import java.nio.charset.StandardCharsets;

/**
 * The OK packet; with CLIENT_DEPRECATE_EOF it also ends a result set (header 0xFE).
 * Session-state tracking is not advertised, so no state-change block is written.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_ok_packet.html">OK_Packet</a>
 */
public record OkPacket(long affectedRows, long lastInsertId, ServerStatus status, int warnings, String info) {
    public static final int HEADER = 0x00;
    public static final int EOF_HEADER = 0xFE;

    public OkPacket {
        info = info == null ? "" : info;
    }

    public void encode(ByteBuf out, Capabilities caps) {
        encode(out, caps, HEADER);
    }

    /** The result-set terminator used instead of EOF when CLIENT_DEPRECATE_EOF is on. */
    public void encodeAsEof(ByteBuf out, Capabilities caps) {
        encode(out, caps, EOF_HEADER);
    }

    private void encode(ByteBuf out, Capabilities caps, int header) {
        PayloadWriter.writeInt1(out, header);
        PayloadWriter.writeLengthEncodedInt(out, affectedRows);
        PayloadWriter.writeLengthEncodedInt(out, lastInsertId);
        PayloadWriter.writeInt2(out, status.mask());
        PayloadWriter.writeInt2(out, warnings);
        if (caps.has(CapabilityFlag.CLIENT_SESSION_TRACK)) {
            PayloadWriter.writeLengthEncodedInt(out, info.isEmpty() ? 0 : info.getBytes(StandardCharsets.UTF_8).length);
            out.writeCharSequence(info, StandardCharsets.UTF_8);
        } else if (!info.isEmpty()) {
            out.writeCharSequence(info, StandardCharsets.UTF_8);
        }
    }

    public static OkPacket decode(PayloadReader in, Capabilities caps) {
        in.readInt1();
        long affected = in.readLengthEncodedInt();
        long insertId = in.readLengthEncodedInt();
        ServerStatus status = ServerStatus.fromMask(in.readInt2());
        int warnings = in.readInt2();
        String info = caps.has(CapabilityFlag.CLIENT_SESSION_TRACK) && in.hasRemaining()
                ? in.readLengthEncodedString(StandardCharsets.UTF_8)
                : in.readRestOfPacketString(StandardCharsets.UTF_8);
        return new OkPacket(affected, insertId, status, warnings, info);
    }
}
