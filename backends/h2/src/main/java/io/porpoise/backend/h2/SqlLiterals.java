package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.EncodedString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Parameter values as literals, for deferred prepared statements: the statement text with each
 * {@code ?} replaced runs through {@code query()} like any COM_QUERY, so the session's own
 * statements (SHOW, DDL, ...) and statements H2 cannot prepare still take parameters. Strings
 * are escaped for MySQL's lexer (backslash and quote), binary values are hex literals; every
 * literal is set off by spaces so it never fuses with a neighbour ({@code 1-?} with -5 must not
 * read {@code 1--5}, a comment).
 *
 * <p>In statements H2 runs, a literal carries the type MySQL gives a parameter bound with that
 * value, so {@code SELECT COALESCE(?, ?)} or {@code SELECT ? + ?} types its result as MySQL does:
 * integers are BIGINT, doubles DOUBLE, floats FLOAT, decimals DECIMAL of the value's precision
 * and scale, temporal values DATETIME(6) and TIME(6) (the wire carries microseconds, not a
 * declared precision). Plain literals would take H2's literal types instead: INTEGER for small
 * integers, DECFLOAT for {@code 4.9E-324}, TIME(9). The session's own statements read their
 * parameters as tokens ({@code AUTO_INCREMENT = ?}, {@code SET autocommit = ?}, a column's
 * {@code DEFAULT ?}), so they get plain MySQL literals.
 */
final class SqlLiterals {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqlLiterals() {
    }

    /** The statement's text with its {@code ?} placeholders replaced by {@code values} as MySQL literals, in order. */
    static String substitute(List<Token> tokens, List<Object> values) throws BackendException {
        return substitute(tokens, values, false);
    }

    /** The statement's text with its {@code ?} placeholders replaced by {@code values} as typed H2 literals, in order. */
    static String substituteTyped(List<Token> tokens, List<Object> values) throws BackendException {
        return substitute(tokens, values, true);
    }

    private static String substitute(List<Token> tokens, List<Object> values, boolean typed) throws BackendException {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.PARAM) {
                Object v = values.get(next++);
                sb.append(' ').append(typed ? typed(v) : of(v)).append(' ');
            } else {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** One value as an H2 literal of the type MySQL gives a parameter with that value. */
    private static String typed(Object v) throws BackendException {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger && ((BigInteger) v).bitLength() < 64) {
            return "CAST(" + v + " AS BIGINT)";
        }
        if (v instanceof BigDecimal) {
            // Without the cast a value of scale 0 would read as INTEGER or BIGINT.
            BigDecimal d = ((BigDecimal) v).scale() < 0 ? ((BigDecimal) v).setScale(0) : (BigDecimal) v;
            return "CAST(" + d.toPlainString() + " AS DECIMAL(" + Math.max(d.precision(), d.scale()) + ", " + d.scale() + "))";
        }
        if (v instanceof Double || v instanceof Float) {
            // Java's shortest spelling that reads back as the same value; H2 reads it as a decimal, the cast makes it binary again.
            return "CAST(" + of(v) + (v instanceof Float ? " AS REAL)" : " AS DOUBLE PRECISION)");
        }
        if (v instanceof LocalDateTime) {
            return "CAST(" + of(v) + " AS TIMESTAMP(6))";
        }
        if (v instanceof LocalTime || v instanceof Duration) {
            return "CAST(" + of(v) + " AS TIME(6))";
        }
        return of(v);
    }

    /** One value as a MySQL literal. */
    static String of(Object v) throws BackendException {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            return signed(v.toString());
        }
        if (v instanceof BigDecimal) {
            return signed(((BigDecimal) v).toPlainString());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new BackendException(1367, "22007", "Illegal double '" + v + "' value found during parsing");
            }
            return signed(v.toString());
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "TRUE" : "FALSE";
        }
        if (v instanceof EncodedString) {
            // No column type here (a deferred statement): the text, or the bytes when they are none.
            EncodedString e = (EncodedString) v;
            return e.isText() ? string(e.text()) : of(e.bytes());
        }
        if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            StringBuilder sb = new StringBuilder(b.length * 2 + 3).append("X'");
            for (byte x : b) {
                sb.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
            }
            return sb.append('\'').toString();
        }
        if (v instanceof LocalDate) {
            return "DATE '" + v + "'";
        }
        if (v instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) v;
            return "TIMESTAMP '" + t.toLocalDate() + " " + time(t.toLocalTime()) + "'";
        }
        if (v instanceof LocalTime) {
            return "TIME '" + time((LocalTime) v) + "'";
        }
        if (v instanceof Duration) {
            return "TIME '" + time(ParameterBinder.timeOfDay((Duration) v)) + "'";
        }
        return string(v.toString());
    }

    /** A MySQL string literal: backslash and quote escaped, everything else as is. */
    static String string(String s) {
        return '\'' + s.replace("\\", "\\\\").replace("'", "''") + '\'';
    }

    /** A negative number in parentheses: it may follow a minus sign. */
    private static String signed(String n) {
        return n.startsWith("-") ? "(" + n + ")" : n;
    }

    /** hh:mm:ss[.fffffffff] (LocalTime.toString drops zero seconds). */
    private static String time(LocalTime t) {
        String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        return t.getNano() == 0 ? s : s + String.format(".%09d", t.getNano());
    }
}
