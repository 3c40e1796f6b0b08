package io.porpoise.command.statements;

import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.RowWriter;
import io.porpoise.charset.Collation;
import io.porpoise.charset.Collations;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SHOW COLLATION [LIKE 'pattern' | WHERE expr]}: the collation table in MySQL 8's seven
 * columns, ordered by {@code Collation} (MySQL answers it as a query over
 * INFORMATION_SCHEMA.COLLATIONS with that order).
 */
@Component(service = QueryInterceptor.class)
public final class ShowCollationInterceptor extends StatementInterceptor {

    public ShowCollationInterceptor() {
        super("show-collation", 100);
    }

    private static final List<String> NAMES = List.of("Collation", "Charset", "Id", "Default", "Compiled", "Sortlen", "Pad_attribute");

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (!t.acceptWord("SHOW") || !t.acceptWord("COLLATION")) {
            return false;
        }
        Predicate<Object[]> filter = ShowFilter.parse(t, NAMES, 0);
        if (filter == null) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        RowWriter out = context.resultSink().columns(List.of(Results.text(NAMES.get(0), 64), Results.text(NAMES.get(1), 64),
                Column.builder(NAMES.get(2), ColumnType.LONGLONG).length(20).unsigned().notNull().build(),
                Results.text(NAMES.get(3), 3), Results.text(NAMES.get(4), 3),
                Column.builder(NAMES.get(5), ColumnType.LONG).length(10).unsigned().notNull().build(),
                Column.builder(NAMES.get(6), ColumnType.STRING).length(9).notNull().build()));
        List<Collation> sorted = new ArrayList<>(Collations.all());
        sorted.sort(Comparator.comparing(Collation::name));
        for (Collation c : sorted) {
            Object[] row = {c.name(), c.charsetName(), (long) c.id(), c.defaultForCharset() ? "Yes" : "", "Yes", (long) c.sortLength(),
                    c.padAttribute()};
            if (filter.test(row)) {
                out.row(row);
            }
        }
        out.finish();
        return true;
    }
}
