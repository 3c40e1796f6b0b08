package io.porpoise.command.accounts;

import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.auth.Account;
import io.porpoise.auth.Grant;
import io.porpoise.auth.Privilege;
import io.porpoise.auth.Privileges;
import io.porpoise.backend.BackendException;
import io.porpoise.command.AccountManager;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * {@code GRANT} and {@code REVOKE} of static privileges at global, database and table level,
 * and {@code REVOKE ALL [PRIVILEGES], GRANT OPTION FROM ...}. The caller needs the privileges it
 * grants and the grant option at that level or above; otherwise MySQL's error for the level:
 * ER_ACCESS_DENIED_ERROR (1045) for {@code *.*}, ER_DBACCESS_DENIED_ERROR (1044) for a database,
 * ER_TABLEACCESS_DENIED_ERROR (1142) for a table. Granting to an account that does not exist is
 * ER_CANT_CREATE_USER_WITH_GRANT (1410), as in MySQL 8; revoking from a level where the account
 * has no grant is ER_NONEXISTING_GRANT (1141) or ER_NONEXISTING_TABLE_GRANT (1147).
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/grant.html">GRANT</a>
 */
@Component(service = QueryInterceptor.class)
public final class GrantInterceptor extends StatementInterceptor {

    public GrantInterceptor() {
        super("grant", 200);
    }

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (session.accounts().isEmpty() || !t.peek().isWord("GRANT") && !t.peek().isWord("REVOKE")) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        boolean revoke = t.next().isWord("REVOKE");
        AccountManager accounts = session.accounts().get();
        Privileges mine = accounts.privileges(session.accountUser(), session.accountHost());
        if (revoke && revokeAll(sql, t, session, accounts, mine)) {
            context.ok();
            return true;
        }
        GrantStatement g = GrantStatement.parse(sql, t, session, revoke);
        Grant wanted = g.grant();
        Grant asGranted = new Grant(wanted.database(), wanted.table(), wanted.privileges(), revoke ? false : wanted.grantOption());
        if (!mine.canGrant(asGranted)) {
            throw denied(session, accounts, wanted, revoke);
        }
        for (AccountName n : g.accounts()) {
            Account a = accounts.account(n.user(), n.host()).orElse(null);
            if (a == null) {
                throw revoke ? nonexisting(n, wanted) : Errors.of("ER_CANT_CREATE_USER_WITH_GRANT");
            }
            Privileges current = accounts.privileges(a.user(), a.host());
            Privileges next = revoke ? revoke(current, wanted, n) : grant(current, wanted);
            accounts.savePrivileges(a.user(), a.host(), next);
        }
        context.ok();
        return true;
    }

    /** {@code REVOKE ALL [PRIVILEGES], GRANT OPTION FROM accounts}: every grant goes; needs CREATE USER. */
    private static boolean revokeAll(String sql, Tokens t, SessionContext s, AccountManager accounts, Privileges mine)
            throws BackendException {
        if (!(t.peek().isWord("ALL") && (t.peek(1).isSymbol(",") || t.peek(1).isWord("PRIVILEGES") && t.peek(2).isSymbol(",")))) {
            return false;
        }
        t.next();
        t.acceptWord("PRIVILEGES");
        t.next();
        if (!t.acceptWord("GRANT") || !t.acceptWord("OPTION") || !t.acceptWord("FROM")) {
            throw Errors.syntax(sql, t.peek());
        }
        List<AccountName> names = new ArrayList<>();
        do {
            names.add(AccountName.parse(sql, t, s));
        } while (t.acceptSymbol(","));
        if (!t.atEnd()) {
            throw Errors.syntax(sql, t.peek());
        }
        if (!mine.hasGlobal(Privilege.CREATE_USER)) {
            throw Errors.needs("CREATE USER");
        }
        for (AccountName n : names) {
            Account a = accounts.account(n.user(), n.host())
                    .orElseThrow(() -> Errors.of("ER_NONEXISTING_GRANT", n.user(), n.host()));
            accounts.savePrivileges(a.user(), a.host(), Privileges.NONE);
        }
        return true;
    }

    static Privileges grant(Privileges current, Grant add) {
        List<Grant> out = new ArrayList<>();
        boolean merged = false;
        for (Grant g : current.grants()) {
            if (g.sameObject(add)) {
                Set<Privilege> p = union(g.privileges(), add.privileges());
                out.add(new Grant(g.database(), g.table(), p, g.grantOption() || add.grantOption()));
                merged = true;
            } else {
                out.add(g);
            }
        }
        if (!merged) {
            out.add(add);
        }
        return new Privileges(out);
    }

    static Privileges revoke(Privileges current, Grant remove, AccountName n) throws BackendException {
        List<Grant> out = new ArrayList<>();
        boolean found = false;
        for (Grant g : current.grants()) {
            if (g.sameObject(remove)) {
                found = true;
                Set<Privilege> p = EnumSet.noneOf(Privilege.class);
                p.addAll(g.privileges());
                p.removeAll(remove.privileges());
                out.add(new Grant(g.database(), g.table(), p, g.grantOption() && !remove.grantOption()));
            } else {
                out.add(g);
            }
        }
        if (!found && remove.level() != Privilege.Level.GLOBAL) {
            throw nonexisting(n, remove);
        }
        return new Privileges(out);
    }

    private static BackendException nonexisting(AccountName n, Grant g) {
        return g.level() == Privilege.Level.TABLE ? Errors.of("ER_NONEXISTING_TABLE_GRANT", n.user(), n.host(), g.table())
                : Errors.of("ER_NONEXISTING_GRANT", n.user(), n.host());
    }

    private static BackendException denied(SessionContext s, AccountManager accounts, Grant g, boolean revoke) {
        switch (g.level()) {
            case GLOBAL: {
                boolean password = accounts.account(s.accountUser(), s.accountHost())
                        .map(a -> !a.authenticationString().isEmpty()).orElse(false);
                return Errors.of("ER_ACCESS_DENIED_ERROR", s.accountUser(), s.accountHost(), password ? "YES" : "NO");
            }
            case DATABASE:
                return Errors.database(s, g.database());
            default:
                return Errors.table(s, revoke ? "REVOKE" : "GRANT", g.table());
        }
    }

    private static Set<Privilege> union(Set<Privilege> a, Set<Privilege> b) {
        Set<Privilege> u = EnumSet.noneOf(Privilege.class);
        u.addAll(a);
        u.addAll(b);
        return u;
    }
}
