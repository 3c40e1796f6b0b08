package io.porpoise.command;

import io.porpoise.backend.EncodedString;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code ?} placeholders of a statement, for prepared statements the server emulates over
 * COM_QUERY: counted and replaced by SQL literals. A {@code ?} inside a string, a quoted
 * identifier or a comment is not a placeholder. The SQL is already decoded to a Java string, so
 * multi-byte charsets whose second bytes look like {@code \} or {@code '} cannot confuse it.
 */
public final class Placeholders {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private Placeholders() {
    }

    /** The number of placeholders. */
    public static int count(String sql) {
        int[] n = {0};
        scan(sql, null, pos -> n[0]++);
        return n[0];
    }

    /** The statement with each placeholder replaced by its value as a literal. */
    public static String substitute(String sql, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length() + 16 * values.size());
        int[] next = {0};
        scan(sql, out, pos -> {
            if (next[0] >= values.size()) {
                throw new IllegalArgumentException("parameters: " + values.size() + " (expected: " + count(sql) + ")");
            }
            out.append(literal(values.get(next[0]++)));
        });
        return out.toString();
    }

    /** A value as MySQL literal text. */
    public static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            return b.length == 0 ? "''" : "X'" + HexFormat.of().formatHex(b) + "'";
        }
        if (v instanceof EncodedString) {
            EncodedString e = (EncodedString) v;
            return e.isText() ? quote(e.text()) : literal(e.bytes());
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? "1" : "0";
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof LocalDateTime) {
            return "'" + DATETIME.format((LocalDateTime) v) + "'";
        }
        if (v instanceof LocalDate || v instanceof LocalTime) {
            return "'" + v + "'";
        }
        if (v instanceof Duration) {
            Duration d = (Duration) v;
            Duration a = d.abs();
            long s = a.getSeconds();
            return String.format("'%s%02d:%02d:%02d.%06d'", d.isNegative() ? "-" : "", s / 3600, s / 60 % 60, s % 60, a.getNano() / 1000);
        }
        return quote(v.toString());
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\0': sb.append("\\0"); break;
                case '\'': sb.append("\\'"); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\u001A': sb.append("\\Z"); break;
                default: sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    private interface Hit {
        void at(int pos);
    }

    /** Copies {@code sql} into {@code out} (when given), calling {@code hit} for each placeholder instead. */
    private static void scan(String sql, StringBuilder out, Hit hit) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"' || c == '`') {
                end = closing(sql, i, c);
            } else if (c == '#' || c == '-' && sql.startsWith("-- ", i)) {
                int nl = sql.indexOf('\n', i);
                end = nl < 0 ? n : nl + 1;
            } else if (c == '/' && sql.startsWith("/*", i) && !sql.startsWith("/*!", i)) {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
            } else if (c == '?') {
                hit.at(i);
                i++;
                continue;
            }
            if (out != null) {
                out.append(sql, i, end);
            }
            i = end;
        }
    }

    private static int closing(String sql, int start, char q) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && q != '`') {
                i += 2;
                continue;
            }
            if (c == q) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
