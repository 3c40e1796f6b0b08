package io.porpoise.command.accounts;

import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.auth.Account;
import io.porpoise.auth.Privilege;
import io.porpoise.auth.Privileges;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.RowWriter;
import io.porpoise.command.AccountManager;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SHOW GRANTS [FOR account]} and {@code SHOW CREATE USER account}. Anyone may look at their
 * own account; other accounts need SELECT on the {@code mysql} schema (or CREATE USER for SHOW
 * CREATE USER), as in MySQL. SHOW CREATE USER shows the stored hash, never a password.
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/show-grants.html">SHOW GRANTS</a>
 */
@Component(service = QueryInterceptor.class)
public final class ShowAccountInterceptor extends StatementInterceptor {

    public ShowAccountInterceptor() {
        super("show-grants", 200);
    }

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (session.accounts().isEmpty() || !t.peek().isWord("SHOW")) {
            return false;
        }
        boolean grants = t.peek(1).isWord("GRANTS");
        boolean createUser = t.peek(1).isWord("CREATE") && t.peek(2).isWord("USER");
        if (!grants && !createUser) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        t.next();
        t.next();
        AccountName target = new AccountName(session.accountUser(), session.accountHost());
        if (createUser) {
            t.next();
            target = AccountName.parse(sql, t, session);
        } else if (t.acceptWord("FOR")) {
            target = AccountName.parse(sql, t, session);
            if (t.peek().isWord("USING")) {
                throw Errors.of("ER_NOT_SUPPORTED_YET", "SHOW GRANTS ... USING");
            }
        }
        if (!t.atEnd()) {
            throw Errors.syntax(sql, t.peek());
        }
        AccountManager accounts = session.accounts().get();
        Privileges mine = accounts.privileges(session.accountUser(), session.accountHost());
        boolean self = target.is(session.accountUser(), session.accountHost());
        String title;
        List<String> lines;
        if (createUser) {
            if (!self && !mine.has(Privilege.SELECT, "mysql") && !mine.hasGlobal(Privilege.CREATE_USER)) {
                throw Errors.table(session, "SELECT", "user");
            }
            AccountName n = target;
            Account a = accounts.account(n.user(), n.host()).orElseThrow(() -> Errors.of("ER_CANNOT_USER", "SHOW CREATE USER", n.quoted()));
            title = "CREATE USER for " + a.user() + "@" + a.host();
            lines = List.of(ShowGrantsFormat.createUser(a));
        } else {
            if (!self && !mine.has(Privilege.SELECT, "mysql")) {
                throw Errors.database(session, "mysql");
            }
            AccountName n = target;
            Account a = accounts.account(n.user(), n.host()).orElseThrow(() -> Errors.of("ER_NONEXISTING_GRANT", n.user(), n.host()));
            title = "Grants for " + a.user() + "@" + a.host();
            lines = ShowGrantsFormat.grants(new AccountName(a.user(), a.host()), accounts.privileges(a.user(), a.host()));
        }
        int width = Math.max(title.length(), lines.stream().mapToInt(String::length).max().orElse(0));
        RowWriter rows = context.resultSink().columns(List.of(
                Column.builder(title, ColumnType.VAR_STRING).length(Math.max(width, 1024)).flag(ColumnFlag.NOT_NULL).build()));
        for (String line : lines) {
            rows.row(line);
        }
        rows.finish();
        return true;
    }
}
