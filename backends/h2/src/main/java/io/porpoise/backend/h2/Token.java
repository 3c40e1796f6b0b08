package io.porpoise.backend.h2;

import java.util.Locale;

/**
 * One lexical token of MySQL SQL. {@code text} is the source text; {@code value} is the decoded
 * content for quoted identifiers and strings (escapes resolved), else the text itself.
 */
record Token(Kind kind, String text, String value) {

    enum Kind { WORD, QUOTED_IDENT, STRING, HEX, NUMBER, PARAM, SYMBOL, SPACE }

    static Token of(Kind kind, String text) {
        return new Token(kind, text, text);
    }

    boolean isSpace() {
        return kind == Kind.SPACE;
    }

    /** Whether this is the unquoted word {@code w} (case-insensitive). */
    boolean is(String w) {
        return kind == Kind.WORD && text.equalsIgnoreCase(w);
    }

    boolean isSymbol(String s) {
        return kind == Kind.SYMBOL && text.equals(s);
    }

    /** An identifier: a word or a quoted identifier. */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }

    /** Upper-cased word text, for keyword switches. */
    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The token as H2 SQL: identifiers double-quoted, strings in standard SQL quoting. */
    String toH2() {
        switch (kind) {
            case QUOTED_IDENT:
                return quoteIdentifier(value);
            case STRING:
                return quoteString(value);
            default:
                return text;
        }
    }

    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String quoteString(String s) {
        return '\'' + s.replace("'", "''") + '\'';
    }
}
