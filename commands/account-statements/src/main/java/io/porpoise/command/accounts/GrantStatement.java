package io.porpoise.command.accounts;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.auth.Grant;
import io.porpoise.auth.Privilege;
import io.porpoise.backend.BackendException;
import io.porpoise.command.SessionContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed {@code GRANT privileges ON level TO accounts [WITH GRANT OPTION]} or
 * {@code REVOKE [GRANT OPTION,] privileges ON level FROM accounts}. The level is {@code *.*},
 * {@code db.*}, {@code db.tbl}, {@code tbl} or {@code *} (the current database, else global).
 * Column privileges, routines ({@code ON PROCEDURE}) and roles are refused with
 * ER_NOT_SUPPORTED_YET.
 *
 * @param grant the privileges and object; for REVOKE, {@code grantOption} means "revoke GRANT OPTION"
 * @param all whether the statement said ALL [PRIVILEGES]
 */
record GrantStatement(Grant grant, boolean all, List<AccountName> accounts) {

    static GrantStatement parse(String sql, Tokens t, SessionContext s, boolean revoke) throws BackendException {
        if (!t.any(x -> x.isWord("ON")) && t.any(x -> x.isWord(revoke ? "FROM" : "TO"))) {
            throw Errors.of("ER_NOT_SUPPORTED_YET", "roles");
        }
        Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        boolean all = false;
        boolean grantOption = false;
        do {
            if (t.acceptWord("ALL")) {
                t.acceptWord("PRIVILEGES");
                all = true;
            } else if (t.peek().isWord("USAGE")) {
                t.next();
            } else if (revoke && t.peek().isWord("GRANT") && t.peek(1).isWord("OPTION")) {
                t.next();
                t.next();
                grantOption = true;
            } else {
                privileges.add(privilege(sql, t));
            }
            if (t.peek().isSymbol("(")) {
                throw Errors.of("ER_NOT_SUPPORTED_YET", "column privileges");
            }
        } while (t.acceptSymbol(","));
        if (!t.acceptWord("ON")) {
            if (t.peek().isWord("TO") || t.peek().isWord("FROM")) {
                throw Errors.of("ER_NOT_SUPPORTED_YET", "roles");
            }
            throw Errors.syntax(sql, t.peek());
        }
        if (t.peek().isWord("PROCEDURE") || t.peek().isWord("FUNCTION")) {
            throw Errors.of("ER_NOT_SUPPORTED_YET", "routine privileges");
        }
        t.acceptWord("TABLE");
        Grant level = level(sql, t, s);
        Privilege.Level l = level.level();
        if (all) {
            privileges.addAll(Privilege.all(l));
        }
        for (Privilege p : privileges) {
            if (!p.grantableAt(l)) {
                throw l == Privilege.Level.DATABASE ? Errors.of("ER_WRONG_USAGE", "DB GRANT", "GLOBAL PRIVILEGES")
                        : Errors.of("ER_ILLEGAL_GRANT_FOR_TABLE");
            }
        }
        if (!t.acceptWord(revoke ? "FROM" : "TO")) {
            throw Errors.syntax(sql, t.peek());
        }
        List<AccountName> accounts = new ArrayList<>();
        do {
            accounts.add(AccountName.parse(sql, t, s));
        } while (t.acceptSymbol(","));
        if (!revoke && t.acceptWord("WITH")) {
            if (!t.acceptWord("GRANT") || !t.acceptWord("OPTION")) {
                throw Errors.syntax(sql, t.peek());
            }
            grantOption = true;
        }
        if (!t.atEnd()) {
            throw Errors.syntax(sql, t.peek());
        }
        return new GrantStatement(new Grant(level.database(), level.table(), privileges, grantOption), all, accounts);
    }

    /** A privilege name of one or more words (SHOW DATABASES, CREATE TEMPORARY TABLES). */
    private static Privilege privilege(String sql, Tokens t) throws BackendException {
        Token first = t.peek();
        StringBuilder name = new StringBuilder();
        Privilege found = null;
        int words = 0;
        for (int i = 0; i < 3 && t.peek(i).kind() == Token.Kind.WORD; i++) {
            name.append(i == 0 ? "" : " ").append(t.peek(i).text());
            if (Privilege.bySql(name.toString()).isPresent()) {
                found = Privilege.bySql(name.toString()).get();
                words = i + 1;
            }
        }
        if (found == null) {
            throw Errors.syntax(sql, first);
        }
        for (int i = 0; i < words; i++) {
            t.next();
        }
        return found;
    }

    /** The object, as a Grant without privileges. */
    private static Grant level(String sql, Tokens t, SessionContext s) throws BackendException {
        if (t.acceptSymbol("*")) {
            if (t.acceptSymbol(".")) {
                if (!t.acceptSymbol("*")) {
                    throw Errors.syntax(sql, t.peek());
                }
                return Grant.global(Set.of(), false);
            }
            String db = s.currentSchema();
            return db == null ? Grant.global(Set.of(), false) : new Grant(db, null, Set.of(), false);
        }
        Token first = t.next();
        if (!first.isName()) {
            throw Errors.syntax(sql, first);
        }
        if (!t.acceptSymbol(".")) {
            String db = s.currentSchema();
            if (db == null) {
                throw Errors.of("ER_NO_DB_ERROR");
            }
            return new Grant(db, first.text(), Set.of(), false);
        }
        if (t.acceptSymbol("*")) {
            return new Grant(first.text(), null, Set.of(), false);
        }
        Token table = t.next();
        if (!table.isName()) {
            throw Errors.syntax(sql, table);
        }
        return new Grant(first.text(), table.text(), Set.of(), false);
    }
}
