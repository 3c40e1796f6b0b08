package io.porpoise.wire.binary;

import static io.porpoise.wire.binary.BinaryTypes.*;
import static io.porpoise.wire.binary.Wire.assertValue;
import static io.porpoise.wire.binary.Wire.hex;
import static io.porpoise.wire.binary.Wire.readAll;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extreme values through a result row and through COM_STMT_EXECUTE parameters. */
class BinaryRoundTripTest {
    static final BigInteger TWO_64_MINUS_1 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    static final Duration MAX_TIME = Duration.ofDays(0xFFFF_FFFFL).plusHours(23).plusMinutes(59).plusSeconds(59).plusNanos(999_999_000);

    private final List<Integer> types = new ArrayList<>();
    private final List<Boolean> unsigned = new ArrayList<>();
    private final List<Integer> decimals = new ArrayList<>();
    private final List<Charset> charsets = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();
    private final List<Object> expected = new ArrayList<>();

    private void column(int type, boolean isUnsigned, int scale, Charset charset, Object value, Object back) {
        types.add(type);
        unsigned.add(isUnsigned);
        decimals.add(scale);
        charsets.add(charset);
        values.add(value);
        expected.add(back);
    }

    private void column(int type, boolean isUnsigned, Object value) {
        column(type, isUnsigned, NOT_FIXED_DECIMALS, UTF_8, value, value);
    }

    private void extremes() {
        StringBuilder allChars = new StringBuilder();
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
            allChars.append((char) i);
        }
        BigDecimal wide = new BigDecimal("-12345678901234567890123456789012345.123456789012345678901234567890");
        column(MYSQL_TYPE_LONGLONG, false, Long.MIN_VALUE);
        column(MYSQL_TYPE_LONGLONG, false, Long.MAX_VALUE);
        column(MYSQL_TYPE_LONGLONG, true, TWO_64_MINUS_1);
        column(MYSQL_TYPE_LONGLONG, true, BigInteger.ONE.shiftLeft(63));
        column(MYSQL_TYPE_LONG, false, (long) Integer.MIN_VALUE);
        column(MYSQL_TYPE_LONG, true, 0xFFFF_FFFFL);
        column(MYSQL_TYPE_TINY, false, (long) Byte.MIN_VALUE);
        column(MYSQL_TYPE_SHORT, true, 0xFFFFL);
        column(MYSQL_TYPE_NEWDECIMAL, false, 30, UTF_8, wide, wide);
        column(MYSQL_TYPE_DECIMAL, false, new BigDecimal("0.000000000000000000000000000001"));
        column(MYSQL_TYPE_DOUBLE, false, Double.MAX_VALUE);
        column(MYSQL_TYPE_DOUBLE, false, -Double.MIN_VALUE);
        column(MYSQL_TYPE_DOUBLE, false, -0.0);
        column(MYSQL_TYPE_DOUBLE, false, Double.NaN);
        column(MYSQL_TYPE_FLOAT, false, Float.MIN_VALUE);
        column(MYSQL_TYPE_FLOAT, false, Float.NEGATIVE_INFINITY);
        column(MYSQL_TYPE_TIME, false, Duration.ofHours(-838).minusMinutes(59).minusSeconds(59).minusNanos(999_999_000));
        column(MYSQL_TYPE_TIME, false, MAX_TIME);
        column(MYSQL_TYPE_TIME, false, MAX_TIME.negated());
        column(MYSQL_TYPE_TIME, false, Duration.ofNanos(-1_000));
        column(MYSQL_TYPE_TIME, false, 6, UTF_8, LocalTime.MAX, Duration.ofDays(1).minusNanos(1_000));
        column(MYSQL_TYPE_DATE, false, LocalDate.of(0, 1, 1));
        column(MYSQL_TYPE_DATE, false, LocalDate.of(9999, 12, 31));
        column(MYSQL_TYPE_DATE, false, "2024-02-30");
        column(MYSQL_TYPE_DATETIME, false, LocalDateTime.of(0, 1, 1, 0, 0, 0, 1_000));
        column(MYSQL_TYPE_TIMESTAMP, false, LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
        column(MYSQL_TYPE_VAR_STRING, false, "\uD834\uDD1E clef, \uD83D\uDE00 face, \u00e9, \u4e2d");
        column(MYSQL_TYPE_JSON, false, "{\"k\":\"\uD83E\uDD80\"}");
        column(MYSQL_TYPE_BLOB, false, allBytes);
        column(MYSQL_TYPE_STRING, false, NOT_FIXED_DECIMALS, ISO_8859_1, allChars.toString(), allChars.toString());
        column(MYSQL_TYPE_LONG_BLOB, false, new byte[70_000]);
        column(MYSQL_TYPE_NULL, false, null);
        column(MYSQL_TYPE_VARCHAR, false, null);
    }

    @Test
    void throughAResultRow() {
        extremes();
        int n = types.size();
        int[] t = new int[n];
        boolean[] u = new boolean[n];
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = types.get(i);
            u[i] = unsigned.get(i);
            d[i] = decimals.get(i);
        }
        BinaryRow row = BinaryRow.of(t, u, d, charsets.toArray(new Charset[0]));
        String bytes = hex(out -> row.encode(out, values.toArray()));
        Object[] back = readAll(bytes, row::decode);
        for (int i = 0; i < n; i++) {
            assertValue(expected.get(i), back[i]);
        }
    }

    @Test
    void throughParameters() {
        extremes();
        int n = types.size();
        for (int i = 0; i < n; i++) {
            // Parameters carry one charset; check the Latin-1 column with its own single-parameter statement.
            if (charsets.get(i) != UTF_8) {
                roundTripParameters(new int[] {types.get(i)}, new boolean[] {unsigned.get(i)}, values.subList(i, i + 1),
                        expected.subList(i, i + 1), charsets.get(i));
            }
        }
        List<Integer> utf8 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (charsets.get(i) == UTF_8) {
                utf8.add(i);
            }
        }
        int[] t = utf8.stream().mapToInt(types::get).toArray();
        boolean[] u = new boolean[t.length];
        List<Object> in = new ArrayList<>();
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < t.length; k++) {
            u[k] = unsigned.get(utf8.get(k));
            in.add(values.get(utf8.get(k)));
            out.add(expected.get(utf8.get(k)));
        }
        roundTripParameters(t, u, in, out, UTF_8);
    }

    private static void roundTripParameters(int[] t, boolean[] u, List<Object> in, List<Object> expected, Charset charset) {
        ParameterTypes parameterTypes = ParameterTypes.of(t, u);
        String bytes = hex(out -> BinaryParameters.encode(out, parameterTypes, true, in.toArray(), charset));
        BinaryParameters p = readAll(bytes, r -> BinaryParameters.decode(r, t.length, null, charset));
        assertEquals(parameterTypes, p.types());
        for (int i = 0; i < t.length; i++) {
            assertValue(expected.get(i), p.value(i));
        }
    }
}
