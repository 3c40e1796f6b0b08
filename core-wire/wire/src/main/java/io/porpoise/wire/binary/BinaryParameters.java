package io.porpoise.wire.binary;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The parameter section of COM_STMT_EXECUTE, decoded: the types in force and one Java value per
 * parameter (types as {@link BinaryValueReader} produces them). Immutable, no ByteBuf inside;
 * byte[] values are handed out as decoded, not copied.
 *
 * <p>Wire layout when the statement has parameters: NULL bitmap (offset 0, {@code (n+7)/8}
 * bytes), new-params-bound-flag (1 byte), when it is 1 the types (2 bytes each), then the values
 * of the parameters that are neither NULL nor supplied by COM_STMT_SEND_LONG_DATA. Parameters
 * with long data have no value in the packet (libmysql skips them) and win over their NULL bit,
 * as in the server: {@link #value} is null for them and {@link #isLongData} true, and the
 * caller substitutes the data it collected.
 *
 * <p>Not handled here: the CLIENT_QUERY_ATTRIBUTES form (parameter count first, a name after
 * each type), which the caller must not advertise until it is.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_execute.html">COM_STMT_EXECUTE</a>
 */
public final class BinaryParameters {
    private static final BinaryParameters NONE = new BinaryParameters(ParameterTypes.EMPTY, new Object[0], new boolean[0], new boolean[0]);

    private final ParameterTypes types;
    private final Object[] values;
    private final boolean[] nulls;
    private final boolean[] longData;

    private BinaryParameters(ParameterTypes types, Object[] values, boolean[] nulls, boolean[] longData) {
        this.types = types;
        this.values = values;
        this.nulls = nulls;
        this.longData = longData;
    }

    /** Decodes the section of a statement without long data. */
    public static BinaryParameters decode(PayloadReader in, int count, ParameterTypes previous, Charset text) {
        return decode(in, count, previous, new boolean[count], text);
    }

    /**
     * Decodes the parameter section; {@code in} stands at the NULL bitmap (after statement id,
     * flags and iteration count) and is left after the last value. Nothing is read when
     * {@code count} is 0. Trailing bytes are the caller's business.
     *
     * @param count the statement's parameter count (from COM_STMT_PREPARE)
     * @param previous the types of the previous execution, or null before the first one
     * @param longDataSupplied per parameter, whether COM_STMT_SEND_LONG_DATA supplied it
     * @param text the charset of string parameters (character_set_client), or null to leave
     *     string-typed values as their bytes
     * @throws MalformedPacketException for flag 0 without previous types, types of another
     *     count, a flag other than 0/1, an unknown type code, or short or invalid data
     */
    public static BinaryParameters decode(PayloadReader in, int count, ParameterTypes previous, boolean[] longDataSupplied,
            Charset text) {
        if (count < 0 || count > 0xFFFF) {
            throw new IllegalArgumentException("count: " + count + " (expected: 0..65535)");
        }
        if (longDataSupplied.length != count) {
            throw new IllegalArgumentException("longDataSupplied.length: " + longDataSupplied.length + " (expected: " + count + ")");
        }
        if (count == 0) {
            return NONE;
        }
        byte[] bitmap = in.readFixedBytes(NullBitmap.length(count, NullBitmap.PARAMETER_OFFSET));
        int flag = in.readInt1();
        ParameterTypes types;
        if (flag == 1) {
            types = ParameterTypes.decode(in, count);
        } else if (flag != 0) {
            throw new MalformedPacketException("new_params_bind_flag: " + flag + " (expected: 0 or 1)");
        } else if (previous == null) {
            throw new MalformedPacketException("new_params_bind_flag: 0 (expected: 1 on the first execution, no types are bound yet)");
        } else if (previous.count() != count) {
            throw new MalformedPacketException("previous parameter types: " + previous.count() + " (expected: " + count + ")");
        } else {
            types = previous;
        }
        Object[] values = new Object[count];
        boolean[] nulls = new boolean[count];
        boolean[] longData = longDataSupplied.clone();
        for (int i = 0; i < count; i++) {
            if (longData[i]) {
                continue;
            }
            if (NullBitmap.isNull(bitmap, i, NullBitmap.PARAMETER_OFFSET) || types.type(i) == BinaryTypes.MYSQL_TYPE_NULL) {
                nulls[i] = true;
                continue;
            }
            values[i] = BinaryValueReader.read(in, types.type(i), types.isUnsigned(i), text);
        }
        return new BinaryParameters(types, values, nulls, longData);
    }

    /** Encodes a section without long data, as a client sends it. */
    public static void encode(ByteBuf out, ParameterTypes types, boolean sendTypes, Object[] values, Charset text) {
        encode(out, types, sendTypes, values, new boolean[types.count()], text);
    }

    /**
     * Encodes the parameter section as a client sends it: null values set their bit, long-data
     * parameters are left out (their value is ignored), the types go only when {@code sendTypes}.
     *
     * @throws IllegalArgumentException if the counts differ or a value does not fit its type
     */
    public static void encode(ByteBuf out, ParameterTypes types, boolean sendTypes, Object[] values, boolean[] longDataSupplied,
            Charset text) {
        int count = types.count();
        if (values.length != count || longDataSupplied.length != count) {
            throw new IllegalArgumentException("values/longDataSupplied length: " + values.length + "/" + longDataSupplied.length
                    + " (expected: " + count + ")");
        }
        if (count == 0) {
            return;
        }
        int bitmapIndex = out.writerIndex();
        out.writeZero(NullBitmap.length(count, NullBitmap.PARAMETER_OFFSET));
        out.writeByte(sendTypes ? 1 : 0);
        if (sendTypes) {
            types.encode(out);
        }
        for (int i = 0; i < count; i++) {
            if (longDataSupplied[i]) {
                continue;
            }
            if (values[i] == null) {
                NullBitmap.setNull(out, bitmapIndex, i, NullBitmap.PARAMETER_OFFSET);
            } else {
                BinaryValueWriter.write(out, types.type(i), types.isUnsigned(i), BinaryTypes.NOT_FIXED_DECIMALS, values[i], text);
            }
        }
    }

    /** The types in force for this execution: keep them for the next one (flag 0 reuses them). */
    public ParameterTypes types() {
        return types;
    }

    public int count() {
        return values.length;
    }

    /** The value of parameter {@code index}; null for SQL NULL and for long data. */
    public Object value(int index) {
        return values[index];
    }

    /** Whether parameter {@code index} is SQL NULL (its bit is set, or its type is MYSQL_TYPE_NULL) and not long data. */
    public boolean isNull(int index) {
        return nulls[index];
    }

    /** Whether parameter {@code index} came by COM_STMT_SEND_LONG_DATA: its value is the caller's to fill in. */
    public boolean isLongData(int index) {
        return longData[index];
    }

    /** All values in order, unmodifiable; long-data parameters are null. */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public String toString() {
        return "BinaryParameters[" + types + ", " + Arrays.deepToString(values) + "]";
    }
}
