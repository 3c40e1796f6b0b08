package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.PayloadWriter;

/**
 * Encoder of a text-protocol result row: each value a length-encoded string, NULL as 0xFB.
 * Values arrive already converted to the bytes of the result charset.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_row.html">Text Resultset Row</a>
 */
public final class TextRow {
    private TextRow() {
    }

    public static void encodeNull(ByteBuf out) {
        out.writeByte(PayloadWriter.NULL_VALUE);
    }

    public static void encodeValue(ByteBuf out, byte[] value) {
        PayloadWriter.writeLengthEncodedBytes(out, value);
    }

    public static void encode(ByteBuf out, byte[][] values) {
        for (byte[] v : values) {
            if (v == null) {
                encodeNull(out);
            } else {
                encodeValue(out, v);
            }
        }
    }
}
