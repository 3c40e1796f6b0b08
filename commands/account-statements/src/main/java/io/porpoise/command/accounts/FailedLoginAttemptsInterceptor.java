package io.porpoise.command.accounts;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.auth.Privilege;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.RowWriter;
import io.porpoise.command.AccountManager;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SELECT * | USERHOST, FAILED_ATTEMPTS FROM INFORMATION_SCHEMA.CONNECTION_CONTROL_FAILED_LOGIN_ATTEMPTS
 * [WHERE USERHOST = '...']}: the login throttle's counters, one row per client host with failed
 * logins ({@code USERHOST} is {@code '%'@'host'}: the throttle counts per host). Needs PROCESS.
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/information-schema-connection-control-failed-login-attempts-table.html">CONNECTION_CONTROL_FAILED_LOGIN_ATTEMPTS</a>
 */
@Component(service = QueryInterceptor.class)
public final class FailedLoginAttemptsInterceptor extends StatementInterceptor {

    public FailedLoginAttemptsInterceptor() {
        super("connection-control-failed-login-attempts", 200);
    }

    private static final String TABLE = "CONNECTION_CONTROL_FAILED_LOGIN_ATTEMPTS";

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (session.accounts().isEmpty() || !t.acceptWord("SELECT")) {
            return false;
        }
        List<String> columns = new ArrayList<>();
        if (t.acceptSymbol("*")) {
            columns.add("USERHOST");
            columns.add("FAILED_ATTEMPTS");
        } else {
            do {
                Token c = t.next();
                if (!c.isWord("USERHOST") && !c.isWord("FAILED_ATTEMPTS")) {
                    return false;
                }
                columns.add(c.upper());
            } while (t.acceptSymbol(","));
        }
        if (!t.acceptWord("FROM") || !t.acceptWord("INFORMATION_SCHEMA") || !t.acceptSymbol(".") || !t.peek().isName()
                || !t.next().text().equalsIgnoreCase(TABLE)) {
            return false;
        }
        String only = null;
        if (t.acceptWord("WHERE")) {
            if (!t.acceptWord("USERHOST") || !t.acceptSymbol("=") || t.peek().kind() != Token.Kind.STRING) {
                return false;
            }
            only = t.next().text();
        }
        if (!t.atEnd()) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        AccountManager accounts = session.accounts().get();
        if (!accounts.privileges(session.accountUser(), session.accountHost()).hasGlobal(Privilege.PROCESS)) {
            throw Errors.needs("PROCESS");
        }
        List<Column> defs = new ArrayList<>();
        for (String c : columns) {
            defs.add(c.equals("USERHOST") ? Column.builder(c, ColumnType.VAR_STRING).length(1024).flag(ColumnFlag.NOT_NULL).build()
                    : Column.builder(c, ColumnType.LONG).length(11).flag(ColumnFlag.NOT_NULL).build());
        }
        RowWriter rows = context.resultSink().columns(defs);
        for (AccountManager.FailedLogins f : accounts.failedLoginAttempts()) {
            if (only != null && !only.equalsIgnoreCase(f.userHost())) {
                continue;
            }
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = columns.get(i).equals("USERHOST") ? f.userHost() : (Object) f.failedAttempts();
            }
            rows.row(row);
        }
        rows.finish();
        return true;
    }
}
