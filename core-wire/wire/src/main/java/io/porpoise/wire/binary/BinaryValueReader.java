package io.porpoise.wire.binary;

import static io.porpoise.wire.binary.BinaryTypes.*;

import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads one non-NULL value of a given type code in the binary protocol's format, into the
 * Java types a backend receives as parameters:
 *
 * <ul>
 * <li>TINY, SHORT, YEAR, LONG, INT24, LONGLONG: Long (an unsigned value as its unsigned
 * magnitude), or BigInteger for an unsigned LONGLONG above {@link Long#MAX_VALUE}. INT24 and
 * YEAR use the result-row sizes (4 and 2 bytes); no client sends them as parameter types
 * (libmysql rejects them as buffer types).
 * <li>FLOAT: Float; DOUBLE: Double; DECIMAL/NEWDECIMAL: BigDecimal parsed from its string.
 * <li>DATE: LocalDate; DATETIME/TIMESTAMP: LocalDateTime; TIME: Duration (see
 * {@link BinaryTemporal} for the zero date, which arrives as a String).
 * <li>VARCHAR, VAR_STRING, STRING, ENUM, SET, JSON: String in the given charset.
 * <li>TINY_BLOB, MEDIUM_BLOB, LONG_BLOB, BLOB, GEOMETRY, BIT: byte[].
 * <li>NULL: null, reading nothing (the NULL bitmap carries it).
 * </ul>
 *
 * Every failure (short data, a lying length, an unknown type, a number that does not parse,
 * an impossible date) is a {@link MalformedPacketException}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html#sect_protocol_binary_resultset_row_value">Binary Protocol Value</a>
 */
public final class BinaryValueReader {
    private BinaryValueReader() {
    }

    /**
     * String-typed values are text when they decode cleanly in the client's charset, else the
     * raw bytes: clients bind byte arrays with string types too (Connector/J's setBytes), and
     * MySQL stores such a value into a binary column untouched, so no replacement characters
     * may creep in. With {@code charset} null the bytes are returned as they are (the caller
     * decides by the type).
     */
    public static Object textOrBytes(byte[] bytes, Charset charset) {
        if (charset == null) {
            return bytes;
        }
        if (isAscii(bytes) && ASCII_COMPATIBLE.contains(charset.name())) {
            // The common case, without a decoder per value.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return bytes;
        }
    }

    /** Charsets whose first 128 code points are ASCII byte for byte. */
    private static final java.util.Set<String> ASCII_COMPATIBLE = java.util.Set.of("UTF-8", "windows-1252", "ISO-8859-1",
            "US-ASCII", "GBK", "GB18030", "Big5", "EUC-JP", "EUC-KR", "windows-1251", "windows-1250", "ISO-8859-2");

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    public static Object read(PayloadReader in, int type, boolean unsigned, Charset text) {
        return switch (type) {
            case MYSQL_TYPE_TINY -> {
                int v = in.readInt1();
                yield (long) (unsigned ? v : (byte) v);
            }
            case MYSQL_TYPE_SHORT, MYSQL_TYPE_YEAR -> {
                int v = in.readInt2();
                yield (long) (unsigned ? v : (short) v);
            }
            case MYSQL_TYPE_LONG, MYSQL_TYPE_INT24 -> {
                long v = in.readInt4();
                yield unsigned ? v : (long) (int) v;
            }
            case MYSQL_TYPE_LONGLONG -> {
                long v = in.readInt8();
                yield unsigned && v < 0 ? BigInteger.valueOf(v & Long.MAX_VALUE).setBit(63) : (Object) v;
            }
            case MYSQL_TYPE_FLOAT -> Float.intBitsToFloat((int) in.readInt4());
            case MYSQL_TYPE_DOUBLE -> Double.longBitsToDouble(in.readInt8());
            case MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL -> decimal(in.readLengthEncodedString(StandardCharsets.ISO_8859_1));
            case MYSQL_TYPE_DATE -> BinaryTemporal.readDate(in);
            case MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP -> BinaryTemporal.readDateTime(in);
            case MYSQL_TYPE_TIME -> BinaryTemporal.readTime(in);
            case MYSQL_TYPE_VARCHAR, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_STRING, MYSQL_TYPE_ENUM, MYSQL_TYPE_SET,
                    MYSQL_TYPE_JSON -> textOrBytes(in.readLengthEncodedBytes(), text);
            case MYSQL_TYPE_TINY_BLOB, MYSQL_TYPE_MEDIUM_BLOB, MYSQL_TYPE_LONG_BLOB, MYSQL_TYPE_BLOB, MYSQL_TYPE_GEOMETRY,
                    MYSQL_TYPE_BIT -> in.readLengthEncodedBytes();
            case MYSQL_TYPE_NULL -> null;
            default -> throw new MalformedPacketException("type: " + BinaryTypes.name(type) + " (expected: a wire type)");
        };
    }

    private static BigDecimal decimal(String s) {
        // BigDecimal also takes exponents; MySQL's own decimal parser (str2my_decimal) does too.
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new MalformedPacketException("decimal: \"" + s + "\" (expected: a decimal number)");
        }
    }
}
