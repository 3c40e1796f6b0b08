package io.porpoise.backend.h2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL's HAVING on H2. MySQL resolves a name in HAVING against the select list's aliases first
 * (unless GROUP BY names a column of that name, which then wins), and takes HAVING without GROUP
 * BY and without aggregates as a row filter. Connector/J relies on both: its getTables sends
 * {@code ... CASE ... END AS TABLE_TYPE ... FROM INFORMATION_SCHEMA.TABLES WHERE ... HAVING
 * TABLE_TYPE IN ('TABLE', ...)}, where TABLE_TYPE must mean the alias, not the table's column.
 * H2 rejects such a HAVING (the query is not grouped) and does not see aliases of grouped
 * expressions, so for each depth-0 query block: aliases in HAVING become their parenthesized
 * expressions, and an ungrouped, aggregate-free HAVING becomes one more WHERE conjunct.
 * A GROUP BY on an alias that is also a column's name (MySQL groups by the column) stays
 * unsupported: the alias is then left alone, and H2 may reject the statement rather than
 * answer differently.
 */
final class HavingRewriter {
    private HavingRewriter() {
    }

    private static Token space() {
        return Token.of(Token.Kind.SPACE, " ");
    }

    private static Token symbol(String s) {
        return Token.of(Token.Kind.SYMBOL, s);
    }

    /** The statement with its HAVING clauses in a form H2 runs as MySQL would; the same list when there are none. */
    static List<Token> rewrite(List<Token> tokens) {
        List<SelectBlock> blocks = SelectBlock.of(tokens);
        List<Token> out = new ArrayList<>(tokens.size() + 16);
        int copied = 0;
        for (SelectBlock b : blocks) {
            if (b.having < 0) {
                continue;
            }
            List<Token> condition = substitute(b, aliases(b), b.groupedNames());
            if (b.groupBy < 0 && !b.hasAggregate()) {
                if (b.where >= 0) {
                    // Without GROUP BY, HAVING follows the WHERE condition directly.
                    out.addAll(tokens.subList(copied, b.where + 1));
                    out.add(space());
                    out.add(symbol("("));
                    out.addAll(tokens.subList(b.where + 1, b.having));
                    out.add(symbol(")"));
                    out.add(space());
                    out.add(Token.of(Token.Kind.WORD, "AND"));
                } else {
                    out.addAll(tokens.subList(copied, b.having));
                    out.add(Token.of(Token.Kind.WORD, "WHERE"));
                }
                out.add(space());
                out.add(symbol("("));
                out.addAll(condition);
                out.add(symbol(")"));
                out.add(space());
            } else {
                out.addAll(tokens.subList(copied, b.having + 1));
                out.addAll(condition);
                out.add(space());
            }
            copied = b.havingEnd;
        }
        if (copied == 0) {
            return tokens;
        }
        out.addAll(tokens.subList(copied, tokens.size()));
        return out;
    }

    /** Lower-cased alias to the tokens of its expression; the first of equal aliases wins. */
    private static Map<String, List<Token>> aliases(SelectBlock b) {
        Map<String, List<Token>> out = new HashMap<>();
        for (SelectBlock.Item item : b.items) {
            if (item.alias() != null) {
                out.putIfAbsent(item.alias().toLowerCase(Locale.ROOT), b.tokens.subList(item.from(), item.exprLast() + 1));
            }
        }
        return out;
    }

    /** The HAVING condition with aliases replaced, except inside subqueries and for names GROUP BY uses. */
    private static List<Token> substitute(SelectBlock b, Map<String, List<Token>> aliases, Set<String> grouped) {
        List<Token> t = b.tokens;
        List<Token> out = new ArrayList<>();
        int prev = -1;
        for (int i = b.having + 1; i < b.havingEnd; i++) {
            Token tok = t.get(i);
            if (SelectBlock.opensSubquery(t, i)) {
                int close = SelectBlock.closing(t, i);
                out.addAll(t.subList(i, close + 1));
                i = close;
                prev = close;
                continue;
            }
            if (tok.isSpace()) {
                out.add(tok);
                continue;
            }
            int next = SelectBlock.next(t, i);
            String key = tok.value().toLowerCase(Locale.ROOT);
            boolean name = tok.kind() == Token.Kind.QUOTED_IDENT || tok.kind() == Token.Kind.WORD && !SelectBlock.OPERATOR_WORDS.contains(tok.upper())
                    && !SelectBlock.VALUE_WORDS.contains(tok.upper());
            boolean qualified = prev >= 0 && (t.get(prev).isSymbol(".") || t.get(prev).is("AS"))
                    || next < t.size() && (t.get(next).isSymbol(".") || t.get(next).isSymbol("("));
            if (name && !qualified && aliases.containsKey(key) && !grouped.contains(key)) {
                out.add(symbol("("));
                out.addAll(aliases.get(key));
                out.add(symbol(")"));
            } else {
                out.add(tok);
            }
            prev = i;
        }
        return out;
    }
}
