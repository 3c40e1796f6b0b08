package io.porpoise.backend.h2;

import io.porpoise.backend.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL's names for result columns. MySQL names an unaliased select item by its text as written
 * ({@code COUNT(*)}, {@code 1+1}, {@code concat('a','b')}), a lone string literal by its value,
 * and an aliased one by its alias; applications read columns by those names
 * ({@code rs.getInt("COUNT(*)")}). H2 prints its own normalized text instead, so the names are
 * taken from the statement and put on the result metadata; the SQL H2 runs is not changed, so
 * name resolution inside the query stays as it was. Column references keep the name H2 reports.
 *
 * @param names one per select item of the first query block; null keeps H2's name
 * @param firstStar the item index of the first {@code *} or {@code t.*} (which stand for any number of columns), or -1
 * @param lastStar the item index of the last one, or -1
 */
record ColumnNames(List<String> names, int firstStar, int lastStar) {

    /** The names for a statement, or null when it is not a SELECT. */
    static ColumnNames of(List<Token> tokens) {
        List<SelectBlock> blocks = SelectBlock.of(tokens);
        if (blocks.isEmpty()) {
            return null;
        }
        SelectBlock b = blocks.get(0);
        List<String> names = new ArrayList<>();
        int firstStar = -1;
        int lastStar = -1;
        for (SelectBlock.Item item : b.items) {
            if (item.alias() != null) {
                names.add(item.alias());
            } else if (b.isStar(item)) {
                firstStar = firstStar < 0 ? names.size() : firstStar;
                lastStar = names.size();
                names.add(null);
            } else if (b.isColumn(item)) {
                names.add(null);
            } else if (item.from() == item.exprLast() && b.tokens.get(item.from()).kind() == Token.Kind.STRING) {
                names.add(b.tokens.get(item.from()).value());
            } else {
                names.add(b.text(item.from(), item.exprLast()));
            }
        }
        return new ColumnNames(names, firstStar, lastStar);
    }

    /**
     * {@code columns} renamed. Items before the first star name the first columns, items after
     * the last star the last ones; with no star the counts must agree, and when they do not (H2
     * read the statement differently) the columns are left alone.
     */
    List<Column> apply(List<Column> columns) {
        int head = firstStar < 0 ? names.size() : firstStar;
        int tail = firstStar < 0 ? 0 : names.size() - 1 - lastStar;
        if (firstStar < 0 ? names.size() != columns.size() : head + tail > columns.size()) {
            return columns;
        }
        List<Column> out = new ArrayList<>(columns);
        for (int i = 0; i < head; i++) {
            out.set(i, renamed(out.get(i), names.get(i)));
        }
        for (int i = 0; i < tail; i++) {
            int c = columns.size() - tail + i;
            out.set(c, renamed(out.get(c), names.get(lastStar + 1 + i)));
        }
        return out;
    }

    private static Column renamed(Column c, String name) {
        if (name == null || name.equals(c.name())) {
            return c;
        }
        return new Column(c.schema(), c.table(), c.orgTable(), name, c.orgName(), c.type(), c.flags(), c.length(), c.decimals(), c.collationId());
    }
}
