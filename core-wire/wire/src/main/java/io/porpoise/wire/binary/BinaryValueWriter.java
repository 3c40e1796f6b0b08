package io.porpoise.wire.binary;

import static io.porpoise.wire.binary.BinaryTypes.*;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.porpoise.wire.PayloadWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Writes one non-NULL value in the binary protocol's format for its type code, from the Java
 * types the backend SPI's RowWriter takes. Nothing is allocated beyond what the value itself
 * needs (a String's bytes in a non-UTF-8 charset, a DECIMAL's digits).
 *
 * <ul>
 * <li>TINY 1 byte, SHORT/YEAR 2, LONG/INT24 4, LONGLONG 8, little-endian, from Long, Integer,
 * Short, Byte, BigInteger or Boolean (1/0). The value must fit the wire size and signedness:
 * nothing is silently wrapped. One exception, shared with the text protocol: a negative Long
 * in an unsigned LONGLONG is read as unsigned (Java's unsigned-long convention).
 * <li>FLOAT 4 bytes, DOUBLE 8, IEEE 754 little-endian, from any Number.
 * <li>DECIMAL/NEWDECIMAL as a length-encoded string in plain notation, rounded half-up to the
 * column's decimals unless they are {@link BinaryTypes#NOT_FIXED_DECIMALS}, from BigDecimal or
 * any other Number.
 * <li>DATE, DATETIME/TIMESTAMP, TIME: see {@link BinaryTemporal}; fractional seconds are cut
 * to the column's decimals, as the text protocol formats them.
 * <li>String, text, BLOB, BIT, GEOMETRY, JSON, ENUM, SET: byte[] as is, String in the given
 * charset, Boolean as "1"/"0", BigDecimal in plain notation, anything else as toString().
 * </ul>
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html#sect_protocol_binary_resultset_row_value">Binary Protocol Value</a>
 */
public final class BinaryValueWriter {
    private static final int MAX_DECIMAL_SCALE = 30;

    private BinaryValueWriter() {
    }

    /**
     * Writes {@code value} (not null) as type {@code type}.
     *
     * @param decimals the column's decimals (0..31); pass {@link BinaryTypes#NOT_FIXED_DECIMALS} to keep values as they are
     * @param text the charset of String values in string columns
     * @throws IllegalArgumentException if the type is not a wire type or the value does not fit it
     */
    public static void write(ByteBuf out, int type, boolean unsigned, int decimals, Object value, Charset text) {
        switch (type) {
            case MYSQL_TYPE_TINY -> writeInteger(out, type, 1, unsigned, value);
            case MYSQL_TYPE_SHORT, MYSQL_TYPE_YEAR -> writeInteger(out, type, 2, unsigned, value);
            case MYSQL_TYPE_LONG, MYSQL_TYPE_INT24 -> writeInteger(out, type, 4, unsigned, value);
            case MYSQL_TYPE_LONGLONG -> writeInteger(out, type, 8, unsigned, value);
            case MYSQL_TYPE_FLOAT -> out.writeIntLE(Float.floatToRawIntBits(number(value, type).floatValue()));
            case MYSQL_TYPE_DOUBLE -> out.writeLongLE(Double.doubleToRawLongBits(number(value, type).doubleValue()));
            case MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL -> writeAscii(out, decimal(value, type, decimals).toPlainString());
            case MYSQL_TYPE_DATE -> BinaryTemporal.writeDate(out, value, type);
            case MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP -> BinaryTemporal.writeDateTime(out, value, type, decimals);
            case MYSQL_TYPE_TIME -> BinaryTemporal.writeTime(out, value, decimals);
            case MYSQL_TYPE_VARCHAR, MYSQL_TYPE_BIT, MYSQL_TYPE_JSON, MYSQL_TYPE_ENUM, MYSQL_TYPE_SET, MYSQL_TYPE_TINY_BLOB,
                    MYSQL_TYPE_MEDIUM_BLOB, MYSQL_TYPE_LONG_BLOB, MYSQL_TYPE_BLOB, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_STRING,
                    MYSQL_TYPE_GEOMETRY -> writeBytes(out, value, text);
            case MYSQL_TYPE_NULL -> throw new IllegalArgumentException(
                    "value: " + value.getClass().getName() + " (expected: null for MYSQL_TYPE_NULL)");
            default -> throw new IllegalArgumentException("type: " + BinaryTypes.name(type) + " (expected: a wire type)");
        }
    }

    private static void writeInteger(ByteBuf out, int type, int size, boolean unsigned, Object value) {
        long v;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            v = ((Number) value).longValue();
            boolean unsignedLong = unsigned && size == 8 && value instanceof Long;
            if (!unsignedLong && !fits(v, size, unsigned)) {
                throw outOfRange(value, type, unsigned);
            }
        } else if (value instanceof BigInteger b) {
            int maxBits = size * 8 - (unsigned ? 0 : 1);
            if ((unsigned && b.signum() < 0) || b.bitLength() > maxBits) {
                throw outOfRange(value, type, unsigned);
            }
            v = b.longValue();
        } else if (value instanceof Boolean b) {
            v = b ? 1 : 0;
        } else {
            throw BinaryTemporal.wrongValue(value, type, "Long, Integer, Short, Byte, BigInteger or Boolean");
        }
        switch (size) {
            case 1 -> out.writeByte((int) v);
            case 2 -> out.writeShortLE((int) v);
            case 4 -> out.writeIntLE((int) v);
            default -> out.writeLongLE(v);
        }
    }

    private static boolean fits(long v, int size, boolean unsigned) {
        if (unsigned) {
            return v >= 0 && (size == 8 || v < 1L << (size * 8));
        }
        return size == 8 || (v >= -(1L << (size * 8 - 1)) && v < 1L << (size * 8 - 1));
    }

    private static IllegalArgumentException outOfRange(Object value, int type, boolean unsigned) {
        return new IllegalArgumentException("value: " + value + " (expected: within " + (unsigned ? "unsigned " : "signed ")
                + BinaryTypes.name(type) + ")");
    }

    private static Number number(Object value, int type) {
        if (value instanceof Number n) {
            return n;
        }
        throw BinaryTemporal.wrongValue(value, type, "a Number");
    }

    private static BigDecimal decimal(Object value, int type, int decimals) {
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("value: " + v + " (expected: finite for " + BinaryTypes.name(type) + ")");
            }
            d = new BigDecimal(value.toString());
        } else if (value instanceof BigInteger b) {
            d = new BigDecimal(b);
        } else if (value instanceof Number n) {
            d = BigDecimal.valueOf(n.longValue());
        } else {
            throw BinaryTemporal.wrongValue(value, type, "BigDecimal or another Number");
        }
        if (decimals >= 0 && decimals <= MAX_DECIMAL_SCALE && d.scale() != decimals) {
            d = d.setScale(decimals, RoundingMode.HALF_UP);
        }
        return d;
    }

    private static void writeBytes(ByteBuf out, Object value, Charset text) {
        if (value instanceof byte[] bytes) {
            PayloadWriter.writeLengthEncodedBytes(out, bytes);
        } else if (value instanceof String s) {
            writeString(out, s, text);
        } else if (value instanceof Boolean b) {
            writeAscii(out, b ? "1" : "0");
        } else if (value instanceof BigDecimal d) {
            writeAscii(out, d.toPlainString());
        } else {
            writeString(out, value.toString(), text);
        }
    }

    /** UTF-8 is measured first and written straight into the buffer: no intermediate byte[]. */
    private static void writeString(ByteBuf out, String s, Charset text) {
        if (text == StandardCharsets.UTF_8 || StandardCharsets.UTF_8.equals(text)) {
            int length = ByteBufUtil.utf8Bytes(s);
            PayloadWriter.writeLengthEncodedInt(out, length);
            ByteBufUtil.reserveAndWriteUtf8(out, s, length);
        } else {
            PayloadWriter.writeLengthEncodedBytes(out, s.getBytes(text));
        }
    }

    /** For strings known to be ASCII (digits, signs, points): one byte per char. */
    private static void writeAscii(ByteBuf out, String s) {
        PayloadWriter.writeLengthEncodedInt(out, s.length());
        ByteBufUtil.writeAscii(out, s);
    }
}
