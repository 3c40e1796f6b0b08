package io.porpoise.command.statements;

import io.porpoise.auth.Privilege;
import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.RowWriter;
import io.porpoise.command.CommandContext;
import io.porpoise.command.ProcessList;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SHOW [FULL] PROCESSLIST}: the server's connections in MySQL's eight columns. Without the
 * PROCESS privilege a user sees only the connections of its own user name, as in MySQL.
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/show-processlist.html">SHOW PROCESSLIST</a>
 */
@Component(service = QueryInterceptor.class)
public final class ShowProcesslistInterceptor extends StatementInterceptor {

    public ShowProcesslistInterceptor() {
        super("show-processlist", 100);
    }

    private static final int TRUNCATED_INFO = 100;

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (!t.acceptWord("SHOW")) {
            return false;
        }
        boolean full = t.acceptWord("FULL");
        if (!t.acceptWord("PROCESSLIST") || !t.atEnd()) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        RowWriter rows = context.resultSink().columns(List.of(
                Column.builder("Id", ColumnType.LONGLONG).length(21).unsigned().notNull().build(),
                Results.text("User", 32), Results.text("Host", 261),
                Column.builder("db", ColumnType.VAR_STRING).length(64).build(),
                Results.text("Command", 16),
                Column.builder("Time", ColumnType.LONG).length(7).notNull().build(),
                Column.builder("State", ColumnType.VAR_STRING).length(30).build(),
                Column.builder("Info", ColumnType.VAR_STRING).length(full ? 65535 : TRUNCATED_INFO).build()));
        boolean all = seesAllConnections(session);
        for (ProcessList.Process p : session.processList().processes()) {
            if (!all && !session.user().equals(p.user())) {
                continue;
            }
            String info = p.info();
            if (info != null && !full && info.length() > TRUNCATED_INFO) {
                info = info.substring(0, TRUNCATED_INFO);
            }
            rows.row(p.id(), p.user(), p.host(), p.db(), p.command(), p.timeSeconds(), p.state(), info);
        }
        rows.finish();
        return true;
    }

    /** PROCESS privilege, or a server without account management (everyone may do everything). */
    private static boolean seesAllConnections(SessionContext session) {
        return session.accounts().map(a -> a.privileges(session.accountUser(), session.accountHost()).hasGlobal(Privilege.PROCESS))
                .orElse(true);
    }
}
