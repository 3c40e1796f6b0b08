package io.porpoise.server.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hides passwords in statement text shown to others (SHOW PROCESSLIST's Info), as MySQL rewrites
 * {@code IDENTIFIED BY 'pw'} to {@code IDENTIFIED BY <secret>}: the string after
 * {@code IDENTIFIED [WITH plugin] BY} and after {@code SET PASSWORD [FOR account] =|TO} is replaced.
 */
final class SecretText {
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(IDENTIFIED\\s+(?:WITH\\s+\\S+\\s+)?BY\\s+|PASSWORD\\s+(?:FOR\\s+\\S+\\s+)?(?:=|TO)\\s*|PASSWORD\\s*=\\s*)"
                    + "('(?:[^'\\\\]++|\\\\.|'')*+'|\"(?:[^\"\\\\]++|\\\\.|\"\")*+\")");

    private SecretText() {
    }

    static String redact(String sql) {
        if (sql == null) {
            return null;
        }
        String upper = sql.toUpperCase(Locale.ROOT);
        if (!upper.contains("IDENTIFIED") && !upper.contains("PASSWORD")) {
            return sql;
        }
        return SECRET.matcher(sql).replaceAll("$1<secret>");
    }
}
