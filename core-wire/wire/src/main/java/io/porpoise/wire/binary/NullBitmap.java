package io.porpoise.wire.binary;

import io.netty.buffer.ByteBuf;

/**
 * The NULL bitmap of the binary protocol: one bit per value, least significant bit first,
 * shifted by an offset. Result rows use offset 2 (the first two bits are reserved, a leftover
 * of the OK/EOF header days); COM_STMT_EXECUTE uses offset 0.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html#sect_protocol_binary_resultset_row_null_bitmap">NULL-Bitmap</a>
 */
public final class NullBitmap {
    /** The offset of a binary result row's bitmap. */
    public static final int RESULT_ROW_OFFSET = 2;
    /** The offset of a COM_STMT_EXECUTE bitmap. */
    public static final int PARAMETER_OFFSET = 0;

    private NullBitmap() {
    }

    /** {@code (count + 7 + offset) / 8}: bytes needed for {@code count} values. */
    public static int length(int count, int offset) {
        if (count < 0) {
            throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
        }
        return (count + 7 + offset) / 8;
    }

    /** Whether value {@code index} is marked NULL in {@code bitmap}. */
    public static boolean isNull(byte[] bitmap, int index, int offset) {
        int bit = index + offset;
        return (bitmap[bit >>> 3] & (1 << (bit & 7))) != 0;
    }

    /**
     * Marks value {@code index} NULL in a bitmap already written (zeroed) into {@code out} at
     * {@code bitmapIndex}; sets the bit in place so the encoder needs no bitmap array.
     */
    public static void setNull(ByteBuf out, int bitmapIndex, int index, int offset) {
        int bit = index + offset;
        int at = bitmapIndex + (bit >>> 3);
        out.setByte(at, out.getByte(at) | (1 << (bit & 7)));
    }
}
