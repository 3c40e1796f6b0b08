package io.porpoise.command.statements;

import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.RowWriter;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SHOW [GLOBAL|SESSION] STATUS [LIKE 'pattern' | WHERE Variable_name ...]}: the
 * server's status variables in MySQL's two-column shape.
 */
@Component(service = QueryInterceptor.class)
public final class ShowStatusInterceptor extends StatementInterceptor {

    public ShowStatusInterceptor() {
        super("show-status", 100);
    }

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (!t.acceptWord("SHOW")) {
            return false;
        }
        boolean global = t.acceptWord("GLOBAL");
        if (!global) {
            boolean ignored = t.acceptWord("SESSION") || t.acceptWord("LOCAL");
        }
        if (!t.acceptWord("STATUS")) {
            return false;
        }
        Predicate<String> filter = NameFilter.parse(t, "Variable_name");
        if (filter == null || !t.atEnd()) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        Map<String, String> values = global ? session.statusVariables().global() : session.statusVariables().session();
        RowWriter out = context.resultSink().columns(List.of(Results.text("Variable_name", 64), Results.text("Value", 1024)));
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (filter.test(e.getKey())) {
                out.row(new Object[] {e.getKey(), e.getValue()});
            }
        }
        out.finish();
        return true;
    }
}
