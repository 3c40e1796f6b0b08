package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.PayloadWriter;
import io.porpoise.wire.ServerStatus;

/**
 * The 4.1 EOF packet, sent only to clients without CLIENT_DEPRECATE_EOF (after column
 * definitions and at the end of rows).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_eof_packet.html">EOF_Packet</a>
 */
public record EofPacket(int warnings, ServerStatus status) {
    public static final int HEADER = 0xFE;

    public void encode(ByteBuf out) {
        PayloadWriter.writeInt1(out, HEADER);
        PayloadWriter.writeInt2(out, warnings);
        PayloadWriter.writeInt2(out, status.mask());
    }
}
