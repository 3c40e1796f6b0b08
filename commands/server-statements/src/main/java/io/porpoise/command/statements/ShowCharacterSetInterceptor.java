package io.porpoise.command.statements;

import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.RowWriter;
import io.porpoise.charset.CharacterSet;
import io.porpoise.charset.Collations;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SHOW {CHARACTER SET | CHARSET} [LIKE 'pattern' | WHERE expr]}: the character sets of
 * the collation table, as MySQL 8 answers it (a query over INFORMATION_SCHEMA.CHARACTER_SETS
 * ordered by {@code Charset}).
 */
@Component(service = QueryInterceptor.class)
public final class ShowCharacterSetInterceptor extends StatementInterceptor {

    public ShowCharacterSetInterceptor() {
        super("show-character-set", 100);
    }

    private static final List<String> NAMES = List.of("Charset", "Description", "Default collation", "Maxlen");

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (!t.acceptWord("SHOW") || !(t.acceptWord("CHARSET") || t.acceptWord("CHARACTER") && t.acceptWord("SET"))) {
            return false;
        }
        Predicate<Object[]> filter = ShowFilter.parse(t, NAMES, 0);
        if (filter == null) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        RowWriter out = context.resultSink().columns(List.of(Results.text(NAMES.get(0), 64), Results.text(NAMES.get(1), 2048),
                Results.text(NAMES.get(2), 64), Column.builder(NAMES.get(3), ColumnType.LONG).length(10).unsigned().notNull().build()));
        for (CharacterSet cs : Collations.characterSets()) {
            Object[] row = {cs.name(), cs.description(), cs.defaultCollation(), (long) cs.maxLength()};
            if (filter.test(row)) {
                out.row(row);
            }
        }
        out.finish();
        return true;
    }
}
