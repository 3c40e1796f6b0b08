package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Parameter values as MySQL literals, for deferred prepared statements: the statement text with
 * each {@code ?} replaced runs through {@code query()} like any COM_QUERY, so the session's own
 * statements (SHOW, DDL, ...) and statements H2 cannot prepare still take parameters. Strings
 * are escaped for MySQL's lexer (backslash and quote), binary values are hex literals, temporal
 * values typed literals; every literal is set off by spaces so it never fuses with a neighbour
 * ({@code 1-?} with -5 must not read {@code 1--5}, a comment).
 */
final class SqlLiterals {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SqlLiterals() {
    }

    /** The statement's text with its {@code ?} placeholders replaced by {@code values}, in order. */
    static String substitute(List<Token> tokens, List<Object> values) throws BackendException {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.PARAM) {
                sb.append(' ').append(of(values.get(next++))).append(' ');
            } else {
                sb.append(t.text());
            }
        }
        return sb.toString();
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
