package io.porpoise.command.statements;

import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.RowWriter;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import io.porpoise.command.SystemVariable;
import io.porpoise.command.VariableScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SHOW [GLOBAL|SESSION] VARIABLES [LIKE 'pattern' | WHERE Variable_name = 'x' | IN (...)
 * | LIKE ... [OR ...]]}: the system variable registry in MySQL's two-column shape.
 */
@Component(service = QueryInterceptor.class)
public final class ShowVariablesInterceptor extends StatementInterceptor {

    public ShowVariablesInterceptor() {
        super("show-variables", 100);
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
        if (!t.acceptWord("VARIABLES")) {
            return false;
        }
        Predicate<String> filter = NameFilter.parse(t, "Variable_name");
        if (filter == null) {
            return false;
        }
        if (!t.atEnd()) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        SessionContext s = session;
        List<Object[]> rows = new ArrayList<>();
        for (SystemVariable v : s.globalVariables().definitions()) {
            if (!filter.test(v.name()) || global && v.scope() == VariableScope.SESSION) {
                continue;
            }
            Object value = global || v.scope() == VariableScope.GLOBAL ? s.globalVariables().global(v.name()) : s.variables().get(v.name());
            String shown = v.showValue(value);
            rows.add(new Object[] {v.name(), shown == null ? "" : shown});
        }
        RowWriter out = context.resultSink().columns(List.of(Results.text("Variable_name", 64), Results.text("Value", 1024)));
        for (Object[] r : rows) {
            out.row(r);
        }
        out.finish();
        return true;
    }
}
