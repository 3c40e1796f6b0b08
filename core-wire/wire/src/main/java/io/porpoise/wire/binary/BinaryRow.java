package io.porpoise.wire.binary;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The codec of binary result rows for one result set: header 0x00, the NULL bitmap with offset
 * 2, then each non-NULL value by its column's type (see {@link BinaryValueWriter}). Built once
 * per result set from the column definitions; {@link #encode} then allocates nothing per row or
 * per value beyond what a value's own bytes need. Immutable and thread-safe.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html">Binary Protocol Resultset Row</a>
 */
public final class BinaryRow {
    /** The first byte of every binary row, where an OK packet would have 0x00 too (and EOF 0xFE). */
    public static final int HEADER = 0x00;

    private final int[] types;
    private final boolean[] unsigned;
    private final int[] decimals;
    private final Charset[] charsets;

    private BinaryRow(int[] types, boolean[] unsigned, int[] decimals, Charset[] charsets) {
        int n = types.length;
        if (unsigned.length != n || decimals.length != n || charsets.length != n) {
            throw new IllegalArgumentException("unsigned/decimals/charsets length: " + unsigned.length + "/" + decimals.length
                    + "/" + charsets.length + " (expected: " + n + ", one per column)");
        }
        for (int i = 0; i < n; i++) {
            if (!BinaryTypes.isWireType(types[i])) {
                throw new IllegalArgumentException("types[" + i + "]: " + BinaryTypes.name(types[i]) + " (expected: a wire type)");
            }
            if (charsets[i] == null) {
                throw new IllegalArgumentException("charsets[" + i + "]: null (expected: a charset)");
            }
        }
        this.types = types.clone();
        this.unsigned = unsigned.clone();
        this.decimals = decimals.clone();
        this.charsets = charsets.clone();
    }

    /**
     * A row codec whose String values all use {@code text} (the connection's result charset).
     *
     * @param types the columns' type codes, as in their ColumnDefinition41
     * @param unsigned the columns' UNSIGNED flags
     * @param decimals the columns' decimals (DECIMAL scale, fractional-second digits)
     */
    public static BinaryRow of(int[] types, boolean[] unsigned, int[] decimals, Charset text) {
        Charset[] charsets = new Charset[types.length];
        Arrays.fill(charsets, text);
        return new BinaryRow(types, unsigned, decimals, charsets);
    }

    /**
     * A row codec with a charset per column: for a binary column (collation 63) pass the charset
     * the backend's Strings should become bytes in; the text protocol uses UTF-8 there.
     */
    public static BinaryRow of(int[] types, boolean[] unsigned, int[] decimals, Charset[] charsets) {
        return new BinaryRow(types, unsigned, decimals, charsets);
    }

    public int columnCount() {
        return types.length;
    }

    /**
     * Writes one row payload (without the packet header) into {@code out}.
     *
     * @param values one per column, null for SQL NULL
     * @throws IllegalArgumentException if the count is wrong or a value does not fit its column;
     *     {@code out} may then hold part of the row, so write into a packet the caller can discard
     */
    public void encode(ByteBuf out, Object[] values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException("values.length: " + values.length + " (expected: " + types.length + ")");
        }
        out.writeByte(HEADER);
        int bitmapIndex = out.writerIndex();
        out.writeZero(NullBitmap.length(types.length, NullBitmap.RESULT_ROW_OFFSET));
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                NullBitmap.setNull(out, bitmapIndex, i, NullBitmap.RESULT_ROW_OFFSET);
            } else {
                BinaryValueWriter.write(out, types[i], unsigned[i], decimals[i], v, charsets[i]);
            }
        }
    }

    /**
     * Reads one row payload, as a client does, into the Java types of {@link BinaryValueReader}.
     * The payload must end after the last value.
     */
    public Object[] decode(PayloadReader in) {
        int header = in.readInt1();
        if (header != HEADER) {
            throw new MalformedPacketException("binary row header: 0x" + Integer.toHexString(header) + " (expected: 0x00)");
        }
        byte[] bitmap = in.readFixedBytes(NullBitmap.length(types.length, NullBitmap.RESULT_ROW_OFFSET));
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (!NullBitmap.isNull(bitmap, i, NullBitmap.RESULT_ROW_OFFSET)) {
                values[i] = BinaryValueReader.read(in, types[i], unsigned[i], charsets[i]);
            }
        }
        if (in.hasRemaining()) {
            throw new MalformedPacketException("binary row: " + in.remaining() + " trailing bytes (expected: 0)");
        }
        return values;
    }
}
