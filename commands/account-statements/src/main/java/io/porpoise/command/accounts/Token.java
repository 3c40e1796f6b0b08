package io.porpoise.command.accounts;

import java.util.Locale;

/** One lexical token of a statement, with its place in the source text. */
record Token(Kind kind, String text, int start, int end) {
    enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYSTEM_VARIABLE, USER_VARIABLE, SYMBOL, END }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String s) {
        return kind == Kind.SYMBOL && text.equals(s);
    }

    /** A name: an unquoted word or a back-quoted identifier. */
    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
