package io.porpoise.command.statements;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.RowWriter;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SHOW WARNINGS|ERRORS [LIMIT ...]} and {@code SHOW COUNT(*) WARNINGS|ERRORS}. Backends
 * report warning counts but not warning texts through the SPI, so the list is empty and the
 * count is the previous statement's.
 */
@Component(service = QueryInterceptor.class)
public final class ShowWarningsInterceptor extends StatementInterceptor {

    public ShowWarningsInterceptor() {
        super("show-warnings", 100);
    }

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (!t.acceptWord("SHOW")) {
            return false;
        }
        if (t.acceptWord("COUNT")) {
            if (!(t.acceptSymbol("(") && t.acceptSymbol("*") && t.acceptSymbol(")"))) {
                return false;
            }
            boolean warnings = t.acceptWord("WARNINGS");
            if (!warnings && !t.acceptWord("ERRORS") || !t.atEnd()) {
                return false;
            }
            if (dryRun) {
                return true;
            }
            String name = warnings ? "@@session.warning_count" : "@@session.error_count";
            RowWriter rows = context.resultSink().columns(List.of(Column.builder(name, ColumnType.LONGLONG).length(21).build()));
            rows.row(warnings ? (long) context.session().lastWarningCount() : 0L);
            rows.finish();
            return true;
        }
        if (!t.acceptWord("WARNINGS") && !t.acceptWord("ERRORS")) {
            return false;
        }
        if (t.acceptWord("LIMIT")) {
            while (t.peek().kind() == Token.Kind.NUMBER || t.peek().isSymbol(",")) {
                t.next();
            }
        }
        if (!t.atEnd()) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        RowWriter rows = context.resultSink().columns(List.of(Results.text("Level", 7),
                Column.builder("Code", ColumnType.LONG).length(4).unsigned().notNull().build(), Results.text("Message", 512)));
        rows.finish();
        return true;
    }
}
