package io.porpoise.backend.h2;

import io.porpoise.backend.StringLiteral;
import java.util.List;

/**
 * A statement's text with its string literals of {@link io.porpoise.backend.StringLiteral}
 * (see {@link io.porpoise.backend.EncodedString}) replaced by placeholders, so that they are bound by the type of the column they go to instead
 * of converted by H2 from their text.
 */
final class LiteralParameters {
    private LiteralParameters() {
    }

    /** {@code sql} with each of {@code literals} replaced by {@code ?}, a charset introducer before it dropped. */
    static String replace(String sql, List<StringLiteral> literals) {
        StringBuilder out = new StringBuilder(sql.length());
        int from = 0;
        for (StringLiteral l : literals) {
            out.append(sql, from, introducerStart(sql, from, l.start())).append('?');
            from = l.end();
        }
        return out.append(sql, from, sql.length()).toString();
    }

    /** {@code sql} with each of {@code literals} whose bytes are no text as a string literal of its text with replacement characters. */
    static String asText(String sql, List<StringLiteral> literals) {
        StringBuilder out = new StringBuilder(sql.length());
        int from = 0;
        for (StringLiteral l : literals) {
            if (!l.value().isText()) {
                out.append(sql, from, l.start()).append(SqlLiterals.string(l.value().lenientText()));
                from = l.end();
            }
        }
        return out.append(sql, from, sql.length()).toString();
    }

    /** Where a {@code _charset} introducer before {@code literal} starts (MySQL allows spaces between), else {@code literal}. */
    private static int introducerStart(String sql, int floor, int literal) {
        int j = literal;
        while (j > floor && Character.isWhitespace(sql.charAt(j - 1))) {
            j--;
        }
        int end = j;
        while (j > floor && (Character.isLetterOrDigit(sql.charAt(j - 1)) || sql.charAt(j - 1) == '_')) {
            j--;
        }
        boolean introducer = end - j > 1 && sql.charAt(j) == '_' && (j == floor || !isWordChar(sql.charAt(j - 1)));
        return introducer ? j : literal;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
