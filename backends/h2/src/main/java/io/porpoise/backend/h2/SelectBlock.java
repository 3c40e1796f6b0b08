package io.porpoise.backend.h2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One query block of a SELECT statement ({@code SELECT items FROM ... WHERE ... GROUP BY ...
 * HAVING ...}) as positions in the statement's full token list (spaces included, so rewrites keep
 * the text as written and items can be named by it). Only clauses at parenthesis depth 0 count:
 * subqueries are opaque. Positions are indexes into {@link #tokens}; -1 means absent.
 */
final class SelectBlock {
    /** Words that end the select list, or the clause before them, at depth 0. */
    private static final Set<String> CLAUSES = Set.of("FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "INTO", "FOR", "LOCK", "PROCEDURE",
            "UNION", "EXCEPT", "INTERSECT");
    private static final Set<String> SET_OPERATORS = Set.of("UNION", "EXCEPT", "INTERSECT");
    private static final Set<String> MODIFIERS = Set.of("ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY", "STRAIGHT_JOIN", "SQL_SMALL_RESULT",
            "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_NO_CACHE", "SQL_CACHE", "SQL_CALC_FOUND_ROWS");
    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "GROUP_CONCAT", "BIT_AND", "BIT_OR", "BIT_XOR", "STD",
            "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "JSON_ARRAYAGG", "JSON_OBJECTAGG", "LISTAGG", "EVERY");
    /** Words after which an expression is not complete: the next word is an operand, not an alias. */
    static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "XOR", "NOT", "DIV", "MOD", "IS", "LIKE", "REGEXP", "RLIKE", "IN", "BETWEEN", "ESCAPE",
            "COLLATE", "BINARY", "INTERVAL", "CASE", "WHEN", "THEN", "ELSE", "DISTINCT", "AS", "SOUNDS", "MEMBER", "OF", "DATE", "TIME", "TIMESTAMP",
            "ALL", "ANY", "SOME", "EXISTS", "OVER");
    /** Words that end an expression themselves, so they are never an implicit alias nor a column. */
    static final Set<String> VALUE_WORDS = Set.of("END", "NULL", "TRUE", "FALSE", "UNKNOWN", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "CURRENT_USER", "LOCALTIME", "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP");

    /** One select item: its expression's tokens {@code from..exprLast} (inclusive) and its alias (unquoted) or null. */
    record Item(int from, int exprLast, String alias) {
    }

    final List<Token> tokens;
    final List<Item> items;
    final int where;
    final int groupBy;
    final int having;
    /** Where the HAVING condition ends (the next clause or the block's end). */
    final int havingEnd;
    /** Exclusive end of the block: a set operator, ';', a closing parenthesis or the end. */
    final int end;
    private final int itemsStart;
    private final int itemsEnd;
    private final int groupEnd;

    private SelectBlock(List<Token> tokens, int select) {
        this.tokens = tokens;
        int start = next(tokens, select);
        while (start < tokens.size() && tokens.get(start).kind() == Token.Kind.WORD && MODIFIERS.contains(tokens.get(start).upper())) {
            start = next(tokens, start);
        }
        List<Integer> clauses = new ArrayList<>();
        int depth = 0;
        int i = select + 1;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                if (depth-- == 0) {
                    break;
                }
            } else if (depth == 0 && t.isSymbol(";")) {
                break;
            } else if (depth == 0 && t.kind() == Token.Kind.WORD && CLAUSES.contains(t.upper())) {
                clauses.add(i);
                if (SET_OPERATORS.contains(t.upper())) {
                    break;
                }
            }
        }
        end = i;
        itemsStart = start;
        itemsEnd = clauses.isEmpty() ? end : clauses.get(0);
        where = clause(clauses, "WHERE");
        groupBy = clause(clauses, "GROUP");
        having = clause(clauses, "HAVING");
        havingEnd = following(clauses, having);
        groupEnd = following(clauses, groupBy);
        items = items();
    }

    /** The depth-0 query blocks of a SELECT statement (after a WITH clause, and each UNION branch); empty for anything else. */
    static List<SelectBlock> of(List<Token> tokens) {
        int i = next(tokens, -1);
        if (i < tokens.size() && tokens.get(i).is("WITH")) {
            int depth = 0;
            while (i < tokens.size() && !(depth == 0 && tokens.get(i).is("SELECT"))) {
                depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
                i++;
            }
        }
        List<SelectBlock> out = new ArrayList<>();
        while (i < tokens.size() && tokens.get(i).is("SELECT")) {
            SelectBlock b = new SelectBlock(tokens, i);
            out.add(b);
            if (b.end >= tokens.size() || !SET_OPERATORS.contains(tokens.get(b.end).upper())) {
                break;
            }
            i = next(tokens, b.end);
            while (i < tokens.size() && (tokens.get(i).is("ALL") || tokens.get(i).is("DISTINCT"))) {
                i = next(tokens, i);
            }
        }
        return out;
    }

    private int clause(List<Integer> clauses, String word) {
        for (int c : clauses) {
            if (tokens.get(c).is(word)) {
                return c;
            }
        }
        return -1;
    }

    private int following(List<Integer> clauses, int at) {
        if (at < 0) {
            return -1;
        }
        int k = clauses.indexOf(at);
        return k + 1 < clauses.size() ? clauses.get(k + 1) : end;
    }

    /** The index of the next significant token after {@code i}, or the list size. */
    static int next(List<Token> t, int i) {
        int j = i + 1;
        while (j < t.size() && t.get(j).isSpace()) {
            j++;
        }
        return j;
    }

    private static int previous(List<Token> t, int i) {
        int j = i - 1;
        while (j >= 0 && t.get(j).isSpace()) {
            j--;
        }
        return j;
    }

    /** Whether {@code i} opens a parenthesized subquery. */
    static boolean opensSubquery(List<Token> t, int i) {
        return t.get(i).isSymbol("(") && next(t, i) < t.size() && (t.get(next(t, i)).is("SELECT") || t.get(next(t, i)).is("WITH"));
    }

    /** The index of the parenthesis closing the one at {@code open}, or the last index. */
    static int closing(List<Token> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).isSymbol("(")) {
                depth++;
            } else if (t.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return t.size() - 1;
    }

    /** Significant token indexes of {@code [from, to)} split at depth-0 commas. */
    private List<List<Integer>> split(int from, int to) {
        List<List<Integer>> parts = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isSpace()) {
                continue;
            }
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && t.isSymbol(",")) {
                parts.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(i);
            }
        }
        if (!cur.isEmpty()) {
            parts.add(cur);
        }
        return parts;
    }

    private List<Item> items() {
        List<Item> out = new ArrayList<>();
        for (List<Integer> ix : split(itemsStart, itemsEnd)) {
            if (ix.isEmpty()) {
                continue;
            }
            int k = ix.size();
            Token last = tokens.get(ix.get(k - 1));
            boolean nameLike = last.isIdentifier() && !(last.kind() == Token.Kind.WORD && VALUE_WORDS.contains(last.upper())) || last.kind() == Token.Kind.STRING;
            if (k >= 3 && nameLike && tokens.get(ix.get(k - 2)).is("AS")) {
                out.add(new Item(ix.get(0), ix.get(k - 3), last.value()));
            } else if (k >= 2 && nameLike && endsExpression(ix.get(k - 2), last) && !(k >= 3 && tokens.get(ix.get(k - 3)).is("INTERVAL"))) {
                out.add(new Item(ix.get(0), ix.get(k - 2), last.value()));
            } else {
                out.add(new Item(ix.get(0), ix.get(k - 1), null));
            }
        }
        return out;
    }

    /** Whether the token at {@code i} can end an expression, making {@code alias} after it an implicit alias. */
    private boolean endsExpression(int i, Token alias) {
        Token t = tokens.get(i);
        switch (t.kind()) {
            case NUMBER: case HEX: case QUOTED_IDENT: case PARAM:
                return true;
            case STRING:
                // 'a' 'b' is one string in MySQL (adjacent literals concatenate).
                return alias.kind() != Token.Kind.STRING;
            case WORD:
                return !OPERATOR_WORDS.contains(t.upper());
            case SYMBOL:
                return t.isSymbol(")");
            default:
                return false;
        }
    }

    /** Whether the expression of {@code item} is {@code *} or {@code t.*}. */
    boolean isStar(Item item) {
        return tokens.get(item.exprLast).isSymbol("*") && (item.from == item.exprLast || tokens.get(previous(tokens, item.exprLast)).isSymbol("."));
    }

    /** Whether the expression of {@code item} is a column reference ({@code c}, {@code t.c}, {@code db.t.c}). */
    boolean isColumn(Item item) {
        boolean identifier = true;
        for (int i = item.from; i <= item.exprLast; i++) {
            Token t = tokens.get(i);
            if (t.isSpace()) {
                continue;
            }
            if (identifier ? !t.isIdentifier() || t.kind() == Token.Kind.WORD && VALUE_WORDS.contains(t.upper()) : !t.isSymbol(".")) {
                return false;
            }
            identifier = !identifier;
        }
        return !identifier;
    }

    /** The text of {@code [from, last]} as written (whitespace runs as they came, comments as one space). */
    String text(int from, int last) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= last; i++) {
            sb.append(tokens.get(i).text());
        }
        return sb.toString();
    }

    /** Whether the select list or HAVING uses an aggregate function (outside subqueries): the block is then grouped. */
    boolean hasAggregate() {
        return hasAggregate(itemsStart, itemsEnd) || having >= 0 && hasAggregate(having, havingEnd);
    }

    private boolean hasAggregate(int from, int to) {
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (opensSubquery(tokens, i)) {
                i = closing(tokens, i);
            } else if (t.kind() == Token.Kind.WORD && AGGREGATES.contains(t.upper()) && next(tokens, i) < to && tokens.get(next(tokens, i)).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }

    /** Lower-cased names of the columns GROUP BY names directly ({@code a}, {@code t.a}). */
    Set<String> groupedNames() {
        if (groupBy < 0) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (List<Integer> ix : split(next(tokens, groupBy) + 1, groupEnd)) {
            int k = ix.size();
            if (k >= 3 && tokens.get(ix.get(k - 2)).is("WITH") && tokens.get(ix.get(k - 1)).is("ROLLUP")) {
                k -= 2;
            }
            if (k > 0 && isColumn(new Item(ix.get(0), ix.get(k - 1), null))) {
                out.add(tokens.get(ix.get(k - 1)).value().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
