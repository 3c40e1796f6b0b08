package io.porpoise.backend.h2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which placeholders of a statement are values stored into a column, and which column and row:
 * the elements of {@code INSERT|REPLACE ... VALUES (..), (..)} that are a placeholder alone, and
 * the right-hand sides of {@code SET col = ?} (UPDATE, INSERT ... SET, ON DUPLICATE KEY UPDATE).
 *
 * <p>Only there does MySQL (strict mode) refuse a string whose bytes are no text in the client's
 * charset, with "Incorrect string value: '...' for column 'c' at row n" (1366); in a comparison
 * or a function argument it converts with a warning instead. The same placeholder bound to a
 * binary column takes the bytes as they are.
 */
final class AssignmentTargets {
    /** Where a placeholder's value goes. {@code column} is null when the INSERT names no columns: then it is the table's {@code position}-th. */
    record Target(String column, List<Token> table, int position, int row) {
    }

    private static final Set<String> INSERT_MODIFIERS = Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO");
    private static final Set<String> SET_ENDS = Set.of("WHERE", "ORDER", "LIMIT", "ON", "AS", "RETURNING");

    private final List<Token> sig;
    private final Target[] targets;
    private final List<Integer> paramIndex = new ArrayList<>();

    private AssignmentTargets(List<Token> sig) {
        this.sig = sig;
        for (int i = 0; i < sig.size(); i++) {
            if (sig.get(i).kind() == Token.Kind.PARAM) {
                paramIndex.add(i);
            }
        }
        this.targets = new Target[paramIndex.size()];
    }

    /** Per placeholder of {@code tokens} (in order), its target, or null where it is no stored value. */
    static Target[] of(List<Token> tokens) {
        AssignmentTargets a = new AssignmentTargets(SqlLexer.significant(tokens));
        if (a.targets.length > 0 && !a.sig.isEmpty()) {
            a.scan();
        }
        return a.targets;
    }

    private void scan() {
        Token first = sig.get(0);
        if (first.is("INSERT") || first.is("REPLACE")) {
            insert();
        } else if (first.is("UPDATE")) {
            int set = find(1, "SET");
            if (set > 0) {
                assignments(set + 1, 1);
            }
        }
    }

    private void insert() {
        int i = 1;
        while (i < sig.size() && sig.get(i).kind() == Token.Kind.WORD && INSERT_MODIFIERS.contains(sig.get(i).upper())) {
            i++;
        }
        int tableStart = i;
        i = skipName(i);
        List<Token> table = new ArrayList<>(sig.subList(tableStart, Math.min(i, sig.size())));
        if (i < sig.size() && sig.get(i).is("PARTITION")) {
            i = skipParens(i + 1);
        }
        List<String> columns = null;
        if (i < sig.size() && sig.get(i).isSymbol("(") && !startsSelect(i + 1)) {
            columns = new ArrayList<>();
            int j = i + 1;
            while (j < sig.size() && !sig.get(j).isSymbol(")")) {
                int end = skipName(j);
                columns.add(end > j ? sig.get(end - 1).value() : "?");
                j = end;
                if (j < sig.size() && sig.get(j).isSymbol(",")) {
                    j++;
                } else if (j < sig.size() && !sig.get(j).isSymbol(")")) {
                    return;
                }
            }
            i = j + 1;
        }
        if (i >= sig.size()) {
            return;
        }
        if (sig.get(i).is("VALUES") || sig.get(i).is("VALUE")) {
            i = rows(i + 1, columns, table);
        } else if (sig.get(i).is("SET")) {
            i = assignments(i + 1, 1);
        }
        int on = find(i, "ON");
        if (on > 0 && on + 3 < sig.size() && sig.get(on + 1).is("DUPLICATE") && sig.get(on + 2).is("KEY") && sig.get(on + 3).is("UPDATE")) {
            assignments(on + 4, 1);
        }
    }

    /** The row tuples of VALUES from {@code i}; returns the index after them. */
    private int rows(int i, List<String> columns, List<Token> table) {
        int row = 1;
        while (i < sig.size()) {
            if (sig.get(i).is("ROW")) {
                i++;
            }
            if (i >= sig.size() || !sig.get(i).isSymbol("(")) {
                return i;
            }
            int position = 0;
            int elementStart = i + 1;
            int depth = 0;
            int j = i;
            for (; j < sig.size(); j++) {
                Token t = sig.get(j);
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")") && --depth == 0 || depth == 1 && t.isSymbol(",")) {
                    if (j == elementStart + 1 && sig.get(elementStart).kind() == Token.Kind.PARAM) {
                        String column = columns == null ? null : position < columns.size() ? columns.get(position) : "?";
                        set(elementStart, new Target(column, table, position, row));
                    }
                    position++;
                    elementStart = j + 1;
                    if (depth == 0) {
                        break;
                    }
                }
            }
            i = j + 1;
            row++;
            if (i < sig.size() && sig.get(i).isSymbol(",")) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /** {@code col = expr, ...} from {@code i} (top level); returns the index after the list. */
    private int assignments(int i, int row) {
        while (i < sig.size()) {
            int nameEnd = skipName(i);
            if (nameEnd == i || nameEnd >= sig.size() || !(sig.get(nameEnd).isSymbol("=") || sig.get(nameEnd).isSymbol(":="))) {
                return i;
            }
            String column = sig.get(nameEnd - 1).value();
            int valueStart = nameEnd + 1;
            int depth = 0;
            int j = valueStart;
            for (; j < sig.size(); j++) {
                Token t = sig.get(j);
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")")) {
                    depth--;
                } else if (depth == 0 && (t.isSymbol(",") || t.isSymbol(";") || t.kind() == Token.Kind.WORD && SET_ENDS.contains(t.upper()))) {
                    break;
                }
            }
            if (j == valueStart + 1 && sig.get(valueStart).kind() == Token.Kind.PARAM) {
                set(valueStart, new Target(column, List.of(), 0, row));
            }
            if (j >= sig.size() || !sig.get(j).isSymbol(",")) {
                return j;
            }
            i = j + 1;
        }
        return i;
    }

    private void set(int sigIndex, Target target) {
        int p = paramIndex.indexOf(sigIndex);
        if (p >= 0) {
            targets[p] = target;
        }
    }

    /** After a possibly qualified name ({@code a}, {@code a.b}, {@code a.b.c}) at {@code i}. */
    private int skipName(int i) {
        if (i >= sig.size() || !sig.get(i).isIdentifier()) {
            return i;
        }
        i++;
        while (i + 1 < sig.size() && sig.get(i).isSymbol(".") && sig.get(i + 1).isIdentifier()) {
            i += 2;
        }
        return i;
    }

    private int skipParens(int i) {
        int depth = 0;
        for (int j = i; j < sig.size(); j++) {
            if (sig.get(j).isSymbol("(")) {
                depth++;
            } else if (sig.get(j).isSymbol(")") && --depth <= 0) {
                return j + 1;
            }
        }
        return sig.size();
    }

    private boolean startsSelect(int i) {
        return i < sig.size() && (sig.get(i).is("SELECT") || sig.get(i).is("WITH"));
    }

    /** The first top-level keyword {@code word} from {@code from}, or -1. */
    private int find(int from, String word) {
        int depth = 0;
        for (int j = Math.max(0, from); j < sig.size(); j++) {
            Token t = sig.get(j);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.is(word)) {
                return j;
            }
        }
        return -1;
    }

    /** MySQL's message for a value that is no text in its charset, stored into a text column. */
    static String incorrectString(String printable, String column, int row) {
        String where = column == null ? "" : " for column '" + column + "' at row " + row;
        return "Incorrect string value: '" + printable + "'" + where;
    }
}
