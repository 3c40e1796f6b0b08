package io.porpoise.command.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A cursor over a statement's tokens, lexed on demand: interceptors decide from the first
 * words whether a statement is theirs, so a large statement (a 20 MB INSERT) is not lexed once
 * per interceptor. Text that cannot be lexed shows as an ERROR token, which no {@code accept}
 * and no {@link #atEnd} matches.
 */
public final class Tokens {
    private final SqlLexer lexer;
    private final List<Token> read = new ArrayList<>();
    private int i;

    private Tokens(SqlLexer lexer) {
        this.lexer = lexer;
    }

    /** The tokens of {@code sql} (never null). */
    public static Tokens of(String sql) {
        return new Tokens(new SqlLexer(sql));
    }

    /** The token {@code k} places from the start, lexing up to it; the last one repeats (END or ERROR). */
    private Token at(int k) {
        while (read.size() <= k) {
            if (!read.isEmpty() && isLast(read.get(read.size() - 1))) {
                return read.get(read.size() - 1);
            }
            read.add(lexer.next());
        }
        return read.get(k);
    }

    private static boolean isLast(Token t) {
        return t.kind() == Token.Kind.END || t.kind() == Token.Kind.ERROR;
    }

    /** Whether any token of the statement satisfies {@code test} (lexes the rest of it). */
    public boolean any(Predicate<Token> test) {
        for (int k = 0;; k++) {
            Token t = at(k);
            if (test.test(t)) {
                return true;
            }
            if (isLast(t)) {
                return false;
            }
        }
    }

    public Token peek() {
        return at(i);
    }

    public Token peek(int ahead) {
        return at(i + ahead);
    }

    public Token next() {
        Token t = at(i);
        if (!isLast(t)) {
            i++;
        }
        return t;
    }

    public boolean acceptWord(String word) {
        if (peek().isWord(word)) {
            i++;
            return true;
        }
        return false;
    }

    public boolean acceptSymbol(String s) {
        if (peek().isSymbol(s)) {
            i++;
            return true;
        }
        return false;
    }

    /** True at the end, allowing one trailing semicolon; false on text that cannot be lexed. */
    public boolean atEnd() {
        if (peek().isSymbol(";") && peek(1).kind() == Token.Kind.END) {
            i++;
        }
        return peek().kind() == Token.Kind.END;
    }
}
