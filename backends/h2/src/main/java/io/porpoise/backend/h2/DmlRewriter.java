package io.porpoise.backend.h2;

import java.util.List;

/**
 * Rewrites the MySQL spellings H2's MySQL mode does not accept in ordinary statements:
 * {@code information_schema.} in any case points at the MySQL-shaped views, {@code IF(c, a, b)}
 * becomes H2's CASEWHEN, {@code LENGTH(x)} H2's OCTET_LENGTH (bytes, as in MySQL), {@code CAST(x AS SIGNED|UNSIGNED [INTEGER])} and {@code AS CHAR)} get
 * H2 types, a string alias ({@code AS 'name'}) becomes an identifier, and
 * {@code DATABASE()}/{@code SCHEMA()}/{@code LAST_INSERT_ID()} take the session's values (H2's
 * differ: its DATABASE() is the catalog, its LAST_INSERT_ID() the last id of a multi-row insert
 * where MySQL reports the first). {@code expr COLLATE name} loses the COLLATE: comparisons keep
 * the column's own rules (case-insensitive for the catalog views, exact for table columns),
 * which is where a changed collation would differ from MySQL. {@code CONCAT(a, b, ...)} becomes
 * {@code (a || b || ...)}: MySQL's CONCAT is NULL when any argument is NULL, H2's skips NULLs.
 * {@code HEX(x)}, which H2 lacks, becomes the same by H2's functions.
 */
final class DmlRewriter {
    /** SELECT modifiers that only steer MySQL's optimizer or cache. */
    private static final java.util.Set<String> SELECT_MODIFIERS = java.util.Set.of("SQL_NO_CACHE", "SQL_CACHE", "HIGH_PRIORITY",
            "SQL_BUFFER_RESULT", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "STRAIGHT_JOIN");

    private DmlRewriter() {
    }

    /** Whether the token at {@code i} follows SELECT directly or after other modifiers. */
    private static boolean afterSelectKeyword(List<Token> t, int i) {
        int p = prevSig(t, i);
        while (p >= 0) {
            Token prev = t.get(p);
            if (prev.is("SELECT")) {
                return true;
            }
            if (!(prev.is("DISTINCT") || prev.is("ALL") || SELECT_MODIFIERS.contains(prev.text().toUpperCase(java.util.Locale.ROOT)))) {
                return false;
            }
            p = prevSig(t, p);
        }
        return false;
    }

    private static int nextSig(List<Token> t, int i) {
        int j = i + 1;
        while (j < t.size() && t.get(j).isSpace()) {
            j++;
        }
        return j;
    }

    private static int prevSig(List<Token> t, int i) {
        int j = i - 1;
        while (j >= 0 && t.get(j).isSpace()) {
            j--;
        }
        return j;
    }

    private static Token at(List<Token> t, int i) {
        return i >= 0 && i < t.size() ? t.get(i) : Token.of(Token.Kind.SYMBOL, "");
    }

    /**
     * The top-level commas of the call whose "(" is at {@code open} (added to {@code commas});
     * false when the parenthesis is not closed.
     */
    private static boolean argumentCommas(List<Token> t, int open, java.util.Set<Integer> commas) {
        int depth = 0;
        for (int j = open; j < t.size(); j++) {
            Token tok = t.get(j);
            if (tok.isSymbol("(")) {
                depth++;
            } else if (tok.isSymbol(")") && --depth == 0) {
                return true;
            } else if (depth == 1 && tok.isSymbol(",")) {
                commas.add(j);
            }
        }
        return false;
    }

    /** The index of the ")" closing the "(" at {@code open}, or -1. */
    private static int closing(List<Token> t, int open) {
        int depth = 0;
        for (int j = open; j < t.size(); j++) {
            if (t.get(j).isSymbol("(")) {
                depth++;
            } else if (t.get(j).isSymbol(")") && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    /**
     * MySQL's HEX(x) in H2 terms: a number is rounded to BIGINT and written in hexadecimal
     * without leading zeros (two's complement for negatives: HEX(-1) is 16 F's); anything else is
     * the hex of its bytes (UTF-8 for text, as a utf8mb4 column holds it), upper case.
     */
    private static String hex(String arg) {
        String x = "(" + arg + ")";
        String isNumber = x + " IS OF (TINYINT, SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE PRECISION, DECFLOAT)";
        // The number branch casts only a number: H2 folds constants in branches never taken (CAST('ab' AS BIGINT) fails).
        return "CASE WHEN " + isNumber
                + " THEN REGEXP_REPLACE(UPPER(RAWTOHEX(CAST(CAST(CASE WHEN " + isNumber + " THEN " + x + " END AS BIGINT) AS VARBINARY))), '^0+(?=.)', '')"
                + " ELSE UPPER(RAWTOHEX(CAST(" + x + " AS VARBINARY))) END";
    }

    static String rewrite(List<Token> t, String schema, long lastInsertId) {
        StringBuilder sb = new StringBuilder();
        java.util.Set<Integer> concatCommas = new java.util.HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            int n = nextSig(t, i);
            Token next = at(t, n);
            if (concatCommas.contains(i)) {
                sb.append(" || ");
            } else if (tok.is("CONCAT") && next.isSymbol("(") && !at(t, prevSig(t, i)).isSymbol(".")
                    && !at(t, nextSig(t, n)).isSymbol(")")) {
                // CONCAT(a, b) is NULL when an argument is NULL in MySQL; H2's CONCAT skips NULLs, its || does not.
                java.util.Set<Integer> commas = new java.util.HashSet<>();
                if (!argumentCommas(t, n, commas)) {
                    sb.append(tok.toH2());
                    continue;
                }
                concatCommas.addAll(commas);
                // one argument: still a string, as in MySQL
                sb.append(commas.isEmpty() ? "(''||" : "(");
                i = n;
            } else if (tok.isIdentifier() && tok.value().equalsIgnoreCase(Catalog.INFO) && next.isSymbol(".")) {
                sb.append(Token.quoteIdentifier(Catalog.INFO));
            } else if (tok.is("USER") && !next.isSymbol("(")) {
                // A bare USER is a column in MySQL; H2 would read it as the USER function.
                sb.append(Token.quoteIdentifier(tok.text()));
            } else if (tok.is("COLLATE") && (next.isIdentifier() || next.kind() == Token.Kind.STRING)) {
                // H2 has no COLLATE on expressions. Connector/J writes IS_NULLABLE COLLATE utf8mb4_0900_ai_ci = 'NO';
                // the catalog's text columns already compare case-insensitively, like that collation.
                i = n;
            } else if (tok.kind() == Token.Kind.STRING && at(t, prevSig(t, i)).is("AS")) {
                // SELECT x AS 'alias': MySQL takes a string as an alias, H2 only an identifier.
                sb.append(Token.quoteIdentifier(tok.value()));
            } else if (SELECT_MODIFIERS.contains(tok.text().toUpperCase(java.util.Locale.ROOT)) && afterSelectKeyword(t, i)) {
                // SQL_NO_CACHE, HIGH_PRIORITY, ... (mysqldump sends SQL_NO_CACHE): hints without meaning here.
                continue;
            } else if (tok.is("HEX") && next.isSymbol("(") && !at(t, prevSig(t, i)).isSymbol(".") && closing(t, n) > 0) {
                int close = closing(t, n);
                sb.append(hex(rewrite(t.subList(n + 1, close), schema, lastInsertId)));
                i = close;
            } else if (tok.is("IF") && next.isSymbol("(")) {
                sb.append("CASEWHEN");
            } else if (tok.is("LENGTH") && next.isSymbol("(") && !at(t, prevSig(t, i)).isSymbol(".")) {
                // MySQL's LENGTH counts bytes (H2's counts characters); CHAR_LENGTH is the same in both.
                sb.append("OCTET_LENGTH");
            } else if ((tok.is("SIGNED") || tok.is("UNSIGNED")) && (at(t, prevSig(t, i)).is("AS") || at(t, prevSig(t, i)).isSymbol(","))) {
                sb.append(tok.is("SIGNED") ? "BIGINT" : "NUMERIC(20)");
                if (next.is("INTEGER") || next.is("INT")) {
                    i = n;
                }
            } else if (tok.is("CHAR") && at(t, prevSig(t, i)).is("AS") && next.isSymbol(")")) {
                sb.append("VARCHAR");
            } else if ((tok.is("DATABASE") || tok.is("SCHEMA") || tok.is("LAST_INSERT_ID")) && next.isSymbol("(") && at(t, nextSig(t, n)).isSymbol(")")) {
                if (tok.is("LAST_INSERT_ID")) {
                    sb.append("CAST(").append(lastInsertId).append(" AS BIGINT)");
                } else {
                    sb.append(schema == null ? "CAST(NULL AS VARCHAR)" : Token.quoteString(schema));
                }
                i = nextSig(t, n);
            } else {
                sb.append(tok.toH2());
            }
        }
        return sb.toString().trim();
    }
}
