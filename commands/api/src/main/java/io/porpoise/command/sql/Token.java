package io.porpoise.command.sql;

import java.util.Locale;

/** One lexical token of a statement, with its place in the source text. */
public record Token(Kind kind, String text, int start, int end) {
    /** Token kinds; {@code ERROR} stands for text that cannot be lexed (an unterminated quote) and matches nothing. */
    public enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYSTEM_VARIABLE, USER_VARIABLE, SYMBOL, END, ERROR }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String s) {
        return kind == Kind.SYMBOL && text.equals(s);
    }

    /** A name: an unquoted word or a back-quoted identifier. */
    public boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
