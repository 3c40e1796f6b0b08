package io.porpoise.command;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hides passwords in statement text shown to others or logged (SHOW PROCESSLIST's Info, debug
 * logs of emulated prepared statements), as MySQL rewrites {@code IDENTIFIED BY 'pw'} to
 * {@code IDENTIFIED BY <secret>}: the literal after {@code IDENTIFIED [WITH plugin] BY} and after
 * {@code SET PASSWORD [FOR account] =|TO} is replaced, whether a quoted string (with an optional
 * {@code _charset} introducer) or a hexadecimal literal ({@code X'..'}, {@code 0x..}), the forms
 * a bound parameter becomes.
 */
public final class SecretText {
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(IDENTIFIED\\s+(?:WITH\\s+\\S+\\s+)?BY\\s+|PASSWORD\\s+(?:FOR\\s+\\S+\\s+)?(?:=|TO)\\s*|PASSWORD\\s*=\\s*)"
                    + "((?:_\\w+\\s*)?(?:'(?:[^'\\\\]++|\\\\.|'')*+'|\"(?:[^\"\\\\]++|\\\\.|\"\")*+\")|X'[0-9A-F]*+'|0x[0-9A-F]++)");

    private SecretText() {
    }

    /** The text with every password literal replaced by {@code <secret>}; null for null. */
    public static String redact(String sql) {
        if (!mayHoldSecret(sql)) {
            return sql;
        }
        return SECRET.matcher(sql).replaceAll("$1<secret>");
    }

    /**
     * Whether the text could carry a password ({@code IDENTIFIED} or {@code PASSWORD} occurs): a
     * prepared statement for which this is true must not have its parameter values logged.
     */
    public static boolean mayHoldSecret(String sql) {
        if (sql == null) {
            return false;
        }
        String upper = sql.toUpperCase(Locale.ROOT);
        return upper.contains("IDENTIFIED") || upper.contains("PASSWORD");
    }
}
