package io.porpoise.backend.sample;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One connection's session on the sample database. It understands exactly the statements a
 * client browsing a table sends ({@code SHOW TABLES}, {@code SELECT * | COUNT(*) FROM
 * porpoises [WHERE id = n]}, {@code SHOW COLUMNS}); anything else gets MySQL's "not
 * supported" error rather than a guess.
 */
final class SampleSession implements BackendSession {
    private static final String TABLE = "porpoises";
    private static final Pattern SELECT = Pattern.compile(
            "\\s*SELECT\\s+(\\*|COUNT\\(\\*\\))\\s+FROM\\s+(?:`?sample`?\\.)?`?(\\w+)`?(?:\\s+WHERE\\s+`?id`?\\s*=\\s*(\\d+))?"
                    + "(?:\\s+ORDER\\s+BY\\s+`?id`?)?\\s*;?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHOW_TABLES = Pattern.compile("\\s*SHOW\\s+(?:FULL\\s+)?TABLES(?:\\s+FROM\\s+`?sample`?)?\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHOW_COLUMNS = Pattern.compile(
            "\\s*SHOW\\s+(?:FULL\\s+)?COLUMNS\\s+FROM\\s+(?:`?sample`?\\.)?`?(\\w+)`?\\s*;?\\s*", Pattern.CASE_INSENSITIVE);

    private String schema;

    SampleSession(String schema) {
        this.schema = schema;
    }

    @Override
    public void query(String sql, ResultSink sink) throws BackendException {
        Matcher m;
        if ((m = SELECT.matcher(sql)).matches()) {
            checkTable(m.group(2));
            select(m.group(1).equals("*"), m.group(3) == null ? null : Integer.valueOf(m.group(3)), sink);
        } else if (SHOW_TABLES.matcher(sql).matches()) {
            RowWriter out = sink.columns(List.of(text("Tables_in_sample")));
            out.row(TABLE);
            out.finish();
        } else if ((m = SHOW_COLUMNS.matcher(sql)).matches()) {
            checkTable(m.group(1));
            RowWriter out = sink.columns(List.of(text("Field"), text("Type"), text("Null"), text("Key"), text("Default"), text("Extra")));
            out.row("id", "int", "NO", "PRI", null, "");
            out.row("species", "varchar(64)", "NO", "", null, "");
            out.row("ocean", "varchar(64)", "NO", "", null, "");
            out.finish();
        } else {
            throw new BackendException(1235, "42000",
                    "This version of MySQL doesn't yet support 'this statement on the sample backend (read-only, one table)'");
        }
    }

    private void select(boolean all, Integer id, ResultSink sink) {
        List<Object[]> rows = id == null ? SampleBackend.PORPOISES
                : SampleBackend.PORPOISES.stream().filter(r -> r[0].equals(id)).toList();
        if (!all) {
            RowWriter out = sink.columns(List.of(Column.builder("COUNT(*)", ColumnType.LONGLONG).length(21).notNull().build()));
            out.row((long) rows.size());
            out.finish();
            return;
        }
        RowWriter out = sink.columns(List.of(
                Column.builder("id", ColumnType.LONG).schema(SampleBackend.DATABASE).table(TABLE).orgTable(TABLE).orgName("id")
                        .length(11).notNull().build(),
                column("species"), column("ocean")));
        for (Object[] r : rows) {
            out.row(r);
        }
        out.finish();
    }

    private static void checkTable(String table) throws BackendException {
        if (!table.toLowerCase(Locale.ROOT).equals(TABLE)) {
            throw new BackendException(1146, "42S02", "Table 'sample." + table + "' doesn't exist");
        }
    }

    private static Column column(String name) {
        return Column.builder(name, ColumnType.VAR_STRING).schema(SampleBackend.DATABASE).table(TABLE).orgTable(TABLE).orgName(name)
                .length(64 * 4).notNull().build();
    }

    private static Column text(String name) {
        return Column.builder(name, ColumnType.VAR_STRING).length(64 * 4).build();
    }

    @Override
    public void useSchema(String name) throws BackendException {
        if (!name.equalsIgnoreCase(SampleBackend.DATABASE)) {
            throw new BackendException(1049, "42000", "Unknown database '" + name + "'");
        }
        schema = SampleBackend.DATABASE;
    }

    @Override
    public String currentSchema() {
        return schema;
    }
}
