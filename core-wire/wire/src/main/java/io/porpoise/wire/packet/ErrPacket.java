package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import io.porpoise.wire.ServerError;
import java.nio.charset.StandardCharsets;

/**
 * The ERR packet, always in its 4.1 form with the SQLSTATE marker.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_err_packet.html">ERR_Packet</a>
 */
public record ErrPacket(int errorCode, String sqlState, String message) {
    public static final int HEADER = 0xFF;

    public ErrPacket {
        if (sqlState.length() != 5) {
            throw new IllegalArgumentException("sqlState: " + sqlState + " (expected: 5 characters)");
        }
    }

    /** An ERR for a table entry with its message formatted from {@code args}. */
    public static ErrPacket of(ServerError error, Object... args) {
        return new ErrPacket(error.code(), error.sqlState(), error.format(args));
    }

    public void encode(ByteBuf out) {
        PayloadWriter.writeInt1(out, HEADER);
        PayloadWriter.writeInt2(out, errorCode);
        out.writeByte('#');
        out.writeCharSequence(sqlState, StandardCharsets.US_ASCII);
        out.writeBytes(message.getBytes(StandardCharsets.UTF_8));
    }

    public static ErrPacket decode(PayloadReader in) {
        int header = in.readInt1();
        if (header != HEADER) {
            throw new MalformedPacketException("ERR header: " + header + " (expected: 0xFF)");
        }
        int code = in.readInt2();
        String state = "HY000";
        if (in.hasRemaining() && in.peekInt1() == '#') {
            in.skip(1);
            state = new String(in.readFixedBytes(5), StandardCharsets.US_ASCII);
        }
        return new ErrPacket(code, state, in.readRestOfPacketString(StandardCharsets.UTF_8));
    }
}
