package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.PayloadWriter;

/**
 * Extra authentication data from the server (caching_sha2_password's fast-auth result, a PEM
 * public key, ...).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_more_data.html">Protocol::AuthMoreData</a>
 */
public record AuthMoreData(byte[] data) {
    public static final int HEADER = 0x01;

    public void encode(ByteBuf out) {
        PayloadWriter.writeInt1(out, HEADER);
        out.writeBytes(data);
    }
}
