package io.porpoise.command.accounts;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.auth.Privilege;
import io.porpoise.auth.Privileges;
import io.porpoise.backend.BackendException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.ProcessList;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Checks every statement's privileges before anything else runs it (the highest ranking): it
 * never answers a permitted statement, and refuses a denied one with MySQL's error:
 * ER_TABLEACCESS_DENIED_ERROR (1142) for a table, ER_DBACCESS_DENIED_ERROR (1044) for a database
 * (see {@link StatementAccess} for what is checked and its limits). Also {@code SET GLOBAL} and
 * {@code SET PERSIST} need SUPER (ER_SPECIFIC_ACCESS_DENIED_ERROR), and {@code KILL} of another
 * user's connection needs SUPER (ER_KILL_DENIED_ERROR). USE and COM_INIT_DB are checked by the
 * server when it switches databases.
 *
 * <p>Prepared statements: a statement this check would refuse is reported as server-level to
 * COM_STMT_PREPARE, so it is emulated and refused when executed (MySQL refuses it when
 * prepared).
 */
@Component(service = QueryInterceptor.class)
public final class AccessCheckInterceptor implements QueryInterceptor {
    private static final java.util.Set<Privilege> EVERYTHING = Privilege.all(Privilege.Level.GLOBAL);

    @Override
    public String name() {
        return "access-check";
    }

    @Override
    public int ranking() {
        return 1000;
    }

    @Override
    public boolean intercept(String sql, CommandContext context) throws BackendException {
        check(sql, context.session());
        return false;
    }

    @Override
    public boolean accepts(String sql, SessionContext session) {
        try {
            check(sql, session);
            return false;
        } catch (BackendException e) {
            return true;
        }
    }

    static void check(String sql, SessionContext session) throws BackendException {
        if (session.accounts().isEmpty()) {
            return;
        }
        Privileges p = session.accounts().get().privileges(session.accountUser(), session.accountHost());
        if (p.hasGlobal(EVERYTHING)) {
            // Nothing can be refused (root): skip lexing, which matters for multi-megabyte statements.
            return;
        }
        Tokens t = Tokens.of(sql);
        if (t.peek().isWord("SET") && t.any(AccessCheckInterceptor::isGlobalScope) && !p.hasGlobal(Privilege.SUPER)) {
            throw Errors.needs("SUPER or SYSTEM_VARIABLES_ADMIN");
        }
        if (t.peek().isWord("KILL")) {
            checkKill(t, session, p);
            return;
        }
        List<Requirement> needed = StatementAccess.of(sql, session.currentSchema());
        for (Requirement r : needed) {
            if (r.table() != null) {
                boolean ok = r.anyPrivilege() ? p.hasAnyOn(r.database(), r.table()) : p.has(r.privilege(), r.database(), r.table());
                if (!ok) {
                    throw Errors.table(session, r.command(), r.table());
                }
            } else if (!(r.anyPrivilege() ? p.hasAnyOn(r.database()) : p.has(r.privilege(), r.database()))) {
                throw Errors.database(session, r.database());
            }
        }
    }

    private static boolean isGlobalScope(Token t) {
        if (t.kind() == Token.Kind.SYSTEM_VARIABLE) {
            String n = t.text().toLowerCase(java.util.Locale.ROOT);
            return n.startsWith("global.") || n.startsWith("persist.") || n.startsWith("persist_only.");
        }
        return t.isWord("GLOBAL") || t.isWord("PERSIST") || t.isWord("PERSIST_ONLY");
    }

    /** KILL of a connection of another user needs SUPER (MySQL: CONNECTION_ADMIN or SUPER). */
    private static void checkKill(Tokens t, SessionContext session, Privileges p) throws BackendException {
        t.next();
        if (!t.acceptWord("QUERY")) {
            t.acceptWord("CONNECTION");
        }
        Token id = t.next();
        if (id.kind() != Token.Kind.NUMBER || !id.text().matches("\\d{1,18}") || p.hasGlobal(Privilege.SUPER)) {
            return;
        }
        long target = Long.parseLong(id.text());
        for (ProcessList.Process proc : session.processList().processes()) {
            if (proc.id() == target && !proc.user().equals(session.user())) {
                throw Errors.of("ER_KILL_DENIED_ERROR", target);
            }
        }
    }
}
