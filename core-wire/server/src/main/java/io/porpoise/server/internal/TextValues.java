package io.porpoise.server.internal;

import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.backend.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Formats backend values as MySQL's text protocol shows them: numbers in MySQL's spelling
 * (DOUBLE {@code 1e20}, not Java's {@code 1.0E20}), temporal values with the column's
 * fractional digits, text in the result charset, binary values untouched.
 */
final class TextValues {
    private TextValues() {
    }

    static byte[] format(Object value, Column column, Charset resultCharset) {
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof String) {
            return io.porpoise.charset.Transcoding.encode((String) value,
                    column.isBinary() || resultCharset == null ? StandardCharsets.UTF_8 : resultCharset);
        }
        // A number or date in a text column is text too (it matters for ucs2/utf16/utf32 results).
        return column.isBinary() || resultCharset == null ? ascii(formatNonText(value, column))
                : formatNonText(value, column).getBytes(resultCharset);
    }

    static String formatNonText(Object value, Column column) {
        if (value instanceof Long) {
            long v = (Long) value;
            return v < 0 && column.has(ColumnFlag.UNSIGNED) ? Long.toUnsignedString(v) : Long.toString(v);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "1" : "0";
        }
        if (value instanceof BigDecimal) {
            BigDecimal d = (BigDecimal) value;
            if (column.type() == ColumnType.NEWDECIMAL || column.type() == ColumnType.DECIMAL) {
                if (d.scale() != column.decimals() && column.decimals() <= 30) {
                    d = d.setScale(column.decimals(), RoundingMode.HALF_UP);
                }
            }
            return d.toPlainString();
        }
        if (value instanceof Double) {
            return formatDouble((Double) value, Double.toString((Double) value));
        }
        if (value instanceof Float) {
            return formatDouble(((Float) value).doubleValue(), Float.toString((Float) value));
        }
        if (value instanceof LocalDateTime) {
            return formatDateTime((LocalDateTime) value, column.decimals());
        }
        if (value instanceof OffsetDateTime) {
            return formatDateTime(((OffsetDateTime) value).toLocalDateTime(), column.decimals());
        }
        if (value instanceof ZonedDateTime) {
            return formatDateTime(((ZonedDateTime) value).toLocalDateTime(), column.decimals());
        }
        if (value instanceof LocalDate) {
            return formatDate((LocalDate) value);
        }
        if (value instanceof LocalTime) {
            LocalTime t = (LocalTime) value;
            return formatTime(false, t.getHour(), t.getMinute(), t.getSecond(), t.getNano(), column.decimals());
        }
        if (value instanceof Duration) {
            Duration d = (Duration) value;
            boolean negative = d.isNegative();
            Duration abs = d.abs();
            long seconds = abs.getSeconds();
            return formatTime(negative, seconds / 3600, (int) (seconds / 60 % 60), (int) (seconds % 60), abs.getNano(),
                    column.decimals());
        }
        return value.toString();
    }

    /**
     * MySQL prints floating-point values with the shortest digits that round-trip, in plain
     * notation for moderate exponents and as {@code 1.5e20} / {@code 1e-7} otherwise.
     */
    static String formatDouble(double v, String javaRepr) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return javaRepr;
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(javaRepr).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -5 && exponent < 15) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder();
        if (d.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(exponent).toString();
    }

    private static String formatDate(LocalDate d) {
        StringBuilder sb = new StringBuilder(10);
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        return pad(sb, d.getDayOfMonth(), 2).toString();
    }

    private static String formatDateTime(LocalDateTime dt, int decimals) {
        StringBuilder sb = new StringBuilder(26).append(formatDate(dt.toLocalDate())).append(' ');
        pad(sb, dt.getHour(), 2).append(':');
        pad(sb, dt.getMinute(), 2).append(':');
        pad(sb, dt.getSecond(), 2);
        return appendFraction(sb, dt.getNano(), decimals).toString();
    }

    private static String formatTime(boolean negative, long hours, int minutes, int seconds, int nanos, int decimals) {
        StringBuilder sb = new StringBuilder(16);
        if (negative) {
            sb.append('-');
        }
        pad(sb, hours, 2).append(':');
        pad(sb, minutes, 2).append(':');
        pad(sb, seconds, 2);
        return appendFraction(sb, nanos, decimals).toString();
    }

    private static StringBuilder appendFraction(StringBuilder sb, int nanos, int decimals) {
        int digits = Math.min(decimals, 6);
        if (digits > 0) {
            String micros = String.valueOf(1_000_000 + nanos / 1000).substring(1);
            sb.append('.').append(micros, 0, digits);
        }
        return sb;
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
