package io.porpoise.command.statements;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code LIKE 'pattern' | WHERE expr} tail of SHOW statements that MySQL rewrites into a
 * query over an INFORMATION_SCHEMA view, evaluated over rows held in memory. {@code expr} is
 * comparisons of a column with a literal ({@code = != <> < <= > >= [NOT] LIKE [NOT] IN (...)})
 * joined with AND, OR and parentheses; text compares case-insensitively, as MySQL's
 * INFORMATION_SCHEMA columns do, and numbers numerically.
 */
final class ShowFilter {
    private final Tokens t;
    private final List<String> columns;

    private ShowFilter(Tokens t, List<String> columns) {
        this.t = t;
        this.columns = columns;
    }

    /**
     * The row filter for what follows the SHOW statement's name, or null for a tail this does not
     * understand. {@code likeColumn} is the column {@code LIKE 'pattern'} applies to.
     */
    static Predicate<Object[]> parse(Tokens t, List<String> columns, int likeColumn) {
        Predicate<Object[]> filter = row -> true;
        if (t.acceptWord("LIKE")) {
            Token p = t.next();
            if (p.kind() != Token.Kind.STRING) {
                return null;
            }
            filter = row -> Results.like(String.valueOf(row[likeColumn]), p.text());
        } else if (t.acceptWord("WHERE")) {
            filter = new ShowFilter(t, columns).or();
        }
        return filter != null && t.atEnd() ? filter : null;
    }

    private Predicate<Object[]> or() {
        Predicate<Object[]> p = and();
        while (p != null && t.acceptWord("OR")) {
            Predicate<Object[]> q = and();
            p = q == null ? null : p.or(q);
        }
        return p;
    }

    private Predicate<Object[]> and() {
        Predicate<Object[]> p = term();
        while (p != null && t.acceptWord("AND")) {
            Predicate<Object[]> q = term();
            p = q == null ? null : p.and(q);
        }
        return p;
    }

    private Predicate<Object[]> term() {
        if (t.acceptWord("NOT")) {
            Predicate<Object[]> p = term();
            return p == null ? null : p.negate();
        }
        if (t.acceptSymbol("(")) {
            Predicate<Object[]> p = or();
            return p != null && t.acceptSymbol(")") ? p : null;
        }
        Token col = t.next();
        int index = col.isName() ? indexOf(col.text()) : -1;
        if (index < 0) {
            return null;
        }
        boolean not = t.acceptWord("NOT");
        Predicate<Object[]> p;
        if (t.acceptWord("LIKE")) {
            Object v = literal();
            p = v == null ? null : row -> Results.like(String.valueOf(row[index]), v.toString());
        } else if (t.acceptWord("IN") && t.acceptSymbol("(")) {
            List<Object> values = new ArrayList<>();
            do {
                Object v = literal();
                if (v == null) {
                    return null;
                }
                values.add(v);
            } while (t.acceptSymbol(","));
            p = t.acceptSymbol(")") ? row -> values.stream().anyMatch(v -> compare(row[index], v) == 0) : null;
        } else if (!not) {
            String op = operator();
            Object v = literal();
            if (op == null || v == null) {
                return null;
            }
            switch (op) {
                case "=": p = row -> compare(row[index], v) == 0; break;
                case "!=": case "<>": p = row -> compare(row[index], v) != 0; break;
                case "<": p = row -> compare(row[index], v) < 0; break;
                case "<=": p = row -> compare(row[index], v) <= 0; break;
                case ">": p = row -> compare(row[index], v) > 0; break;
                case ">=": p = row -> compare(row[index], v) >= 0; break;
                default: return null;
            }
        } else {
            return null;
        }
        return p == null || !not ? p : p.negate();
    }

    /** A comparison operator; the lexer gives one symbol per character. */
    private String operator() {
        Token first = t.next();
        if (first.kind() != Token.Kind.SYMBOL) {
            return null;
        }
        String op = first.text();
        if ((op.equals("<") || op.equals(">") || op.equals("!")) && (t.peek().isSymbol("=") || op.equals("<") && t.peek().isSymbol(">"))) {
            op += t.next().text();
        }
        return op;
    }

    private Object literal() {
        Token v = t.next();
        if (v.kind() == Token.Kind.STRING) {
            return v.text();
        }
        if (v.kind() == Token.Kind.NUMBER) {
            return new BigDecimal(v.text());
        }
        return null;
    }

    private int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Numbers numerically when both sides are numbers, otherwise text without case. */
    private static int compare(Object cell, Object literal) {
        String text = String.valueOf(cell);
        if (cell instanceof Number || literal instanceof BigDecimal) {
            try {
                return new BigDecimal(text).compareTo(new BigDecimal(literal.toString()));
            } catch (NumberFormatException e) {
                // Not a number on one side: MySQL would compare as doubles; text order is the honest fallback here.
            }
        }
        return text.toLowerCase(Locale.ROOT).compareTo(literal.toString().toLowerCase(Locale.ROOT));
    }
}
