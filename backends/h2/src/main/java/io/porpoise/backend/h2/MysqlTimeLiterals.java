package io.porpoise.backend.h2;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's TIME literal forms H2 does not read: {@code 'D HH:MM:SS[.f]'} with a day count and
 * one-digit fields (MySQLdb formats timedelta values so). Used only to retry a statement that
 * H2 rejected with exactly such a value, so a statement H2 accepts is never touched (in a
 * rejected one, every literal equal to the rejected value is normalized, including one that
 * was meant for a text column of the same statement).
 */
final class MysqlTimeLiterals {
    private static final Pattern DAY_TIME = Pattern.compile("(\\d{1,2}) (\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(\\.\\d{1,6})?)?");
    private static final Pattern REJECTED = Pattern.compile("Incorrect time value: '([^']*)'");

    private MysqlTimeLiterals() {
    }

    /** The rejected value of a 1292 message when it is a day-time literal H2 cannot read, else null. */
    static String rejected(String message) {
        Matcher m = REJECTED.matcher(message == null ? "" : message);
        return m.find() && normalize(m.group(1)) != null ? m.group(1) : null;
    }

    /** {@code '1 02:03:04.5'} as {@code '26:03:04.5'}, or null when it is not that form or exceeds a day for H2. */
    static String normalize(String value) {
        Matcher m = DAY_TIME.matcher(value.trim());
        if (!m.matches()) {
            return null;
        }
        int hours = Integer.parseInt(m.group(1)) * 24 + Integer.parseInt(m.group(2));
        if (hours > 23) {
            return null;
        }
        int minutes = Integer.parseInt(m.group(3));
        int seconds = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        String fraction = m.group(5) == null ? "" : m.group(5);
        return String.format("%02d:%02d:%02d%s", hours, minutes, seconds, fraction);
    }

    /** The statement's MySQL text with every string literal equal to {@code value} normalized. */
    static String rewrite(List<Token> tokens, String value) {
        String normalized = normalize(value);
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            sb.append(t.kind() == Token.Kind.STRING && t.value().equals(value) ? Token.quoteString(normalized) : t.text());
        }
        return sb.toString();
    }
}
