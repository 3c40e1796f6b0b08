package io.porpoise.command.accounts;

import java.util.List;

/** A cursor over lexed tokens. */
final class Tokens {
    private final List<Token> list;
    private int i;

    Tokens(List<Token> list) {
        this.list = list;
    }

    /** Tokens of {@code sql}, or null when it cannot be lexed. */
    static Tokens of(String sql) {
        List<Token> t = SqlLexer.lex(sql);
        return t == null ? null : new Tokens(t);
    }

    /** Whether any token of the statement satisfies {@code test}. */
    boolean any(java.util.function.Predicate<Token> test) {
        return list.stream().anyMatch(test);
    }

    Token peek() {
        return list.get(i);
    }

    Token peek(int ahead) {
        return list.get(Math.min(i + ahead, list.size() - 1));
    }

    Token next() {
        Token t = list.get(i);
        if (t.kind() != Token.Kind.END) {
            i++;
        }
        return t;
    }

    boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            i++;
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String s) {
        if (peek().isSymbol(s)) {
            i++;
            return true;
        }
        return false;
    }

    /** True at the end, allowing one trailing semicolon. */
    boolean atEnd() {
        if (peek().isSymbol(";") && peek(1).kind() == Token.Kind.END) {
            i++;
        }
        return peek().kind() == Token.Kind.END;
    }
}
