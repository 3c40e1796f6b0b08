package io.porpoise.wire.binary;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * DATE, DATETIME/TIMESTAMP and TIME in the binary protocol. Each value starts with its length
 * and is cut to the shortest form that keeps it exact, as the server's Protocol_binary does:
 * dates and datetimes 0 (the zero date only), 4 (date), 7 (+ time), 11 (+ microseconds);
 * times 0 (zero), 8 (sign, days, h, m, s), 12 (+ microseconds).
 *
 * <p>java.time cannot hold MySQL's zero date {@code 0000-00-00} nor dates with a zero month or
 * day, which MySQL accepts outside strict mode. Those travel as MySQL's text form
 * ({@code "0000-00-00"}, {@code "2024-00-00 10:00:00"}): the reader returns such a String and
 * the writer accepts it, so nothing valid on the wire is lost or turned into NULL.
 */
final class BinaryTemporal {
    /** The largest TIME magnitude the wire can carry: days are an unsigned int&lt;4&gt;. */
    private static final long MAX_TIME_SECONDS = 0xFFFF_FFFFL * 86_400 + 86_399;
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private BinaryTemporal() {
    }

    static void writeDate(ByteBuf out, Object value, int type) {
        if (value instanceof LocalDate d) {
            writeFields(out, d.getYear(), d.getMonthValue(), d.getDayOfMonth(), 0, 0, 0, 0);
        } else if (value instanceof LocalDateTime dt) {
            writeDate(out, dt.toLocalDate(), type);
        } else if (value instanceof String s) {
            int[] f = parse(s, type);
            writeFields(out, f[0], f[1], f[2], 0, 0, 0, 0);
        } else {
            throw wrongValue(value, type, "LocalDate or a MySQL date string");
        }
    }

    static void writeDateTime(ByteBuf out, Object value, int type, int decimals) {
        LocalDateTime dt;
        if (value instanceof LocalDateTime v) {
            dt = v;
        } else if (value instanceof LocalDate d) {
            dt = d.atStartOfDay();
        } else if (value instanceof OffsetDateTime o) {
            dt = o.toLocalDateTime();
        } else if (value instanceof ZonedDateTime z) {
            dt = z.toLocalDateTime();
        } else if (value instanceof String s) {
            int[] f = parse(s, type);
            writeFields(out, f[0], f[1], f[2], f[3], f[4], f[5], truncate(f[6], decimals));
            return;
        } else {
            throw wrongValue(value, type, "LocalDateTime, LocalDate, OffsetDateTime, ZonedDateTime or a MySQL datetime string");
        }
        writeFields(out, dt.getYear(), dt.getMonthValue(), dt.getDayOfMonth(), dt.getHour(), dt.getMinute(), dt.getSecond(),
                truncate(dt.getNano() / 1000, decimals));
    }

    static void writeTime(ByteBuf out, Object value, int decimals) {
        if (value instanceof LocalTime t) {
            writeTimeFields(out, false, 0, t.getHour(), t.getMinute(), t.getSecond(), truncate(t.getNano() / 1000, decimals));
            return;
        }
        if (!(value instanceof Duration d)) {
            throw wrongValue(value, BinaryTypes.MYSQL_TYPE_TIME, "Duration or LocalTime");
        }
        // Magnitude without allocating: getSeconds() floors, so -1.5 s is (-2 s, +0.5e9 ns).
        long seconds = d.getSeconds();
        int nanos = d.getNano();
        boolean negative = seconds < 0;
        if (negative && nanos > 0) {
            seconds = -seconds - 1;
            nanos = 1_000_000_000 - nanos;
        } else if (negative) {
            seconds = -seconds;
        }
        // Long.MIN_VALUE stays negative after negation, hence the first test.
        if (seconds < 0 || seconds > MAX_TIME_SECONDS) {
            throw new IllegalArgumentException("value: " + d + " (expected: |value| < 2^32 days for MYSQL_TYPE_TIME)");
        }
        writeTimeFields(out, negative, seconds / 86_400, (int) (seconds / 3_600 % 24), (int) (seconds / 60 % 60),
                (int) (seconds % 60), truncate(nanos / 1000, decimals));
    }

    private static void writeFields(ByteBuf out, int year, int month, int day, int hour, int minute, int second, int micros) {
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year: " + year + " (expected: 0..9999)");
        }
        int length = micros != 0 ? 11 : (hour | minute | second) != 0 ? 7 : (year | month | day) != 0 ? 4 : 0;
        out.writeByte(length);
        if (length >= 4) {
            out.writeShortLE(year);
            out.writeByte(month);
            out.writeByte(day);
        }
        if (length >= 7) {
            out.writeByte(hour);
            out.writeByte(minute);
            out.writeByte(second);
        }
        if (length == 11) {
            out.writeIntLE(micros);
        }
    }

    private static void writeTimeFields(ByteBuf out, boolean negative, long days, int hour, int minute, int second, int micros) {
        int length = micros != 0 ? 12 : (days | hour | minute | second) != 0 ? 8 : 0;
        out.writeByte(length);
        if (length == 0) {
            return;
        }
        out.writeByte(negative ? 1 : 0);
        out.writeIntLE((int) days);
        out.writeByte(hour);
        out.writeByte(minute);
        out.writeByte(second);
        if (length == 12) {
            out.writeIntLE(micros);
        }
    }

    /** Keeps the column's fractional digits (at most 6), as the text protocol formats them. */
    private static int truncate(int micros, int decimals) {
        int digits = Math.max(0, Math.min(decimals, 6));
        return micros - micros % POW10[6 - digits];
    }

    /** A DATE read as a LocalDate, or as text when java.time cannot hold it. The time part of a longer form is dropped, as the server does. */
    static Object readDate(PayloadReader in) {
        int[] f = readFields(in);
        return f == null ? "0000-00-00" : dateOrText(f, false);
    }

    /** A DATETIME/TIMESTAMP read as a LocalDateTime, or as text when java.time cannot hold it. */
    static Object readDateTime(PayloadReader in) {
        int[] f = readFields(in);
        return f == null ? "0000-00-00 00:00:00" : dateOrText(f, true);
    }

    static Duration readTime(PayloadReader in) {
        int length = in.readInt1();
        if (length == 0) {
            return Duration.ZERO;
        }
        if (length != 8 && length != 12) {
            throw new MalformedPacketException("time length: " + length + " (expected: 0, 8 or 12)");
        }
        boolean negative = in.readInt1() != 0;
        long days = in.readInt4();
        int hour = in.readInt1();
        int minute = in.readInt1();
        int second = in.readInt1();
        long micros = length == 12 ? in.readInt4() : 0;
        // Hours above 23 are accepted: libmysql sends MYSQL_TIME as is, with day 0 and hour up to 838.
        if (minute > 59 || second > 59 || micros > 999_999) {
            throw new MalformedPacketException("time: " + minute + "m " + second + "s " + micros + "us (expected: m, s <= 59, us <= 999999)");
        }
        Duration d = Duration.ofSeconds(days * 86_400 + hour * 3_600L + minute * 60L + second, micros * 1000);
        return negative ? d.negated() : d;
    }

    /** Year, month, day, hour, minute, second, micros; null for length 0 (the zero date). */
    private static int[] readFields(PayloadReader in) {
        int length = in.readInt1();
        if (length == 0) {
            return null;
        }
        if (length != 4 && length != 7 && length != 11) {
            throw new MalformedPacketException("datetime length: " + length + " (expected: 0, 4, 7 or 11)");
        }
        int[] f = new int[7];
        f[0] = in.readInt2();
        f[1] = in.readInt1();
        f[2] = in.readInt1();
        if (length >= 7) {
            f[3] = in.readInt1();
            f[4] = in.readInt1();
            f[5] = in.readInt1();
        }
        if (length == 11) {
            long micros = in.readInt4();
            f[6] = micros > 999_999 ? -1 : (int) micros;
        }
        if (!inMysqlRange(f)) {
            throw new MalformedPacketException("datetime: " + text(f, true) + " (expected: month <= 12, day <= 31, hh:mm:ss <= 23:59:59, us <= 999999)");
        }
        return f;
    }

    private static Object dateOrText(int[] f, boolean withTime) {
        boolean representable = f[1] >= 1 && f[2] >= 1 && f[2] <= YearMonth.of(f[0], f[1]).lengthOfMonth();
        if (!representable) {
            return text(f, withTime);
        }
        LocalDate date = LocalDate.of(f[0], f[1], f[2]);
        return withTime ? date.atTime(f[3], f[4], f[5], f[6] * 1000) : date;
    }

    private static boolean inMysqlRange(int[] f) {
        return f[0] <= 9999 && f[1] <= 12 && f[2] <= 31 && f[3] <= 23 && f[4] <= 59 && f[5] <= 59 && f[6] >= 0;
    }

    /** MySQL's text form: YYYY-MM-DD[ hh:mm:ss[.ffffff]]. */
    private static String text(int[] f, boolean withTime) {
        String s = String.format(Locale.ROOT, "%04d-%02d-%02d", f[0], f[1], f[2]);
        if (!withTime) {
            return s;
        }
        s += String.format(Locale.ROOT, " %02d:%02d:%02d", f[3], f[4], f[5]);
        return f[6] == 0 ? s : s + String.format(Locale.ROOT, ".%06d", f[6]);
    }

    /** Parses MySQL's text form back (the writer's side of the zero-date rule). */
    private static int[] parse(String s, int type) {
        int[] f = new int[7];
        boolean ok = (s.length() == 10 || s.length() == 19 || (s.length() >= 21 && s.length() <= 26 && s.charAt(19) == '.'))
                && (f[0] = digits(s, 0, 4)) >= 0 && s.charAt(4) == '-' && (f[1] = digits(s, 5, 2)) >= 0 && s.charAt(7) == '-'
                && (f[2] = digits(s, 8, 2)) >= 0;
        if (ok && s.length() > 10) {
            ok = s.charAt(10) == ' ' && (f[3] = digits(s, 11, 2)) >= 0 && s.charAt(13) == ':' && (f[4] = digits(s, 14, 2)) >= 0
                    && s.charAt(16) == ':' && (f[5] = digits(s, 17, 2)) >= 0;
        }
        if (ok && s.length() > 20) {
            int fraction = digits(s, 20, s.length() - 20);
            ok = fraction >= 0;
            f[6] = fraction * POW10[6 - (s.length() - 20)];
        }
        if (!ok || !inMysqlRange(f)) {
            throw new IllegalArgumentException("value: \"" + s + "\" (expected: YYYY-MM-DD[ hh:mm:ss[.ffffff]] for " + BinaryTypes.name(type) + ")");
        }
        return f;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static IllegalArgumentException wrongValue(Object value, int type, String expected) {
        return new IllegalArgumentException("value: " + value.getClass().getName() + " (expected: " + expected + " for " + BinaryTypes.name(type) + ")");
    }
}
