package io.porpoise.command.statements;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The optional filter of {@code SHOW ... VARIABLES/STATUS}: {@code LIKE 'pattern'} or
 * {@code WHERE <column> = 'x' | LIKE 'p' | IN ('a', ...)} joined with OR. Names compare
 * case-insensitively, as MySQL's variable names do.
 */
final class NameFilter {

    private NameFilter() {
    }

    /**
     * Reads the filter at the tokens' position; no filter matches everything.
     *
     * @return null when the text is not a filter this class understands (the statement then
     *     goes to the backend, which answers with its own error)
     */
    static Predicate<String> parse(Tokens t, String column) {
        if (t.acceptWord("LIKE")) {
            Token p = t.next();
            return p.kind() == Token.Kind.STRING ? name -> Results.like(name, p.text()) : null;
        }
        if (t.acceptWord("WHERE")) {
            return where(t, column);
        }
        return name -> true;
    }

    private static Predicate<String> where(Tokens t, String column) {
        Predicate<String> result = null;
        do {
            Token col = t.next();
            if (!col.isName() || !col.text().equalsIgnoreCase(column)) {
                return null;
            }
            Predicate<String> p;
            if (t.acceptSymbol("=")) {
                Token v = t.next();
                if (v.kind() != Token.Kind.STRING) {
                    return null;
                }
                p = name -> name.equalsIgnoreCase(v.text());
            } else if (t.acceptWord("LIKE")) {
                Token v = t.next();
                if (v.kind() != Token.Kind.STRING) {
                    return null;
                }
                p = name -> Results.like(name, v.text());
            } else if (t.acceptWord("IN") && t.acceptSymbol("(")) {
                List<String> names = new ArrayList<>();
                do {
                    Token v = t.next();
                    if (v.kind() != Token.Kind.STRING) {
                        return null;
                    }
                    names.add(v.text());
                } while (t.acceptSymbol(","));
                if (!t.acceptSymbol(")")) {
                    return null;
                }
                p = name -> names.stream().anyMatch(name::equalsIgnoreCase);
            } else {
                return null;
            }
            result = result == null ? p : result.or(p);
        } while (t.acceptWord("OR"));
        return result;
    }
}
