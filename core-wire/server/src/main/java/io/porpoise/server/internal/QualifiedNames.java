package io.porpoise.server.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the qualifiers of {@code db.table} references in SQL text, skipping string literals,
 * quoted names' contents and comments, so that a statement naming another backend's database
 * can be routed to it. A qualifier is an identifier (bare or back-quoted) directly followed
 * by a dot and another identifier; names come back lower case.
 */
final class QualifiedNames {
    private QualifiedNames() {
    }

    static Set<String> qualifiers(String sql) {
        Set<String> out = new LinkedHashSet<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '#' || c == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && Character.isWhitespace(sql.charAt(i + 2))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '`' || isNameStart(c)) {
                int start = i;
                String name;
                if (c == '`') {
                    i = skipQuoted(sql, i, '`');
                    name = sql.substring(start + 1, Math.max(start + 1, i - 1)).replace("``", "`");
                } else {
                    while (i < n && isNamePart(sql.charAt(i))) {
                        i++;
                    }
                    name = sql.substring(start, i);
                }
                if (i + 1 < n && sql.charAt(i) == '.' && (sql.charAt(i + 1) == '`' || isNameStart(sql.charAt(i + 1)))) {
                    out.add(name.toLowerCase(Locale.ROOT));
                }
            } else {
                i++;
            }
        }
        return out;
    }

    /** Index after the closing quote (a doubled quote or a backslash escape stays inside). */
    private static int skipQuoted(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
