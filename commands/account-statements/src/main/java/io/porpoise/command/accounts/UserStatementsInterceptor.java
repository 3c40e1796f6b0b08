package io.porpoise.command.accounts;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.auth.Account;
import io.porpoise.auth.Privilege;
import io.porpoise.auth.Privileges;
import io.porpoise.auth.TlsRequirement;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.AccountManager;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * {@code CREATE USER [IF NOT EXISTS]}, {@code ALTER USER [IF EXISTS]}, {@code DROP USER [IF EXISTS]},
 * {@code RENAME USER} and {@code SET PASSWORD [FOR ...]}, with MySQL's errors: ER_CANNOT_USER
 * (1396) for accounts that exist or do not, ER_SPECIFIC_ACCESS_DENIED_ERROR (1227) without the
 * CREATE USER privilege, ER_PLUGIN_IS_NOT_LOADED (1524) for an unknown plugin. Changing one's own
 * password needs no privilege. Statements with several accounts change all or none. {@code REQUIRE
 * NONE|SSL|X509} is stored with the account (ALTER USER without REQUIRE keeps it); other options
 * than the defaults (PASSWORD EXPIRE DEFAULT, ACCOUNT UNLOCK) and {@code REQUIRE
 * ISSUER|SUBJECT|CIPHER} are refused with ER_NOT_SUPPORTED_YET rather than ignored.
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/create-user.html">CREATE USER</a>
 */
@Component(service = QueryInterceptor.class)
public final class UserStatementsInterceptor extends StatementInterceptor {

    public UserStatementsInterceptor() {
        super("user-statements", 200);
    }

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (session.accounts().isEmpty()) {
            return false;
        }
        String verb;
        if (t.peek().isWord("SET") && t.peek(1).isWord("PASSWORD")) {
            verb = "SET PASSWORD";
        } else if ((t.peek().isWord("CREATE") || t.peek().isWord("ALTER") || t.peek().isWord("DROP") || t.peek().isWord("RENAME"))
                && t.peek(1).isWord("USER")) {
            verb = t.peek().upper() + " USER";
        } else {
            return false;
        }
        if (dryRun) {
            return true;
        }
        t.next();
        t.next();
        AccountManager accounts = session.accounts().get();
        long notes;
        switch (verb) {
            case "CREATE USER":
                notes = create(sql, t, session, accounts);
                break;
            case "ALTER USER":
                notes = alter(sql, t, session, accounts);
                break;
            case "DROP USER":
                notes = drop(sql, t, session, accounts);
                break;
            case "RENAME USER":
                notes = rename(sql, t, session, accounts);
                break;
            default:
                notes = setPassword(sql, t, session, accounts);
        }
        context.ok(new UpdateResult(0, 0, (int) notes, ""));
        return true;
    }

    private static long create(String sql, Tokens t, SessionContext s, AccountManager accounts) throws BackendException {
        boolean ifNotExists = ifClause(sql, t, "NOT");
        Map<AccountName, Credentials> targets = accountsWithCredentials(sql, t, s, false);
        TlsRequirement require = trailingOptions(sql, t);
        requireCreateUser(s, accounts);
        List<String> failed = new ArrayList<>();
        List<Account> created = new ArrayList<>();
        for (Map.Entry<AccountName, Credentials> e : targets.entrySet()) {
            AccountName n = e.getKey();
            if (accounts.account(n.user(), n.host()).isPresent()) {
                failed.add(n.quoted());
                continue;
            }
            String plugin = e.getValue() == null ? accounts.defaultAuthPlugin() : e.getValue().pluginOr(accounts.defaultAuthPlugin());
            String auth = e.getValue() == null ? accounts.hashPassword(plugin, "") : e.getValue().authenticationString(accounts, plugin);
            created.add(new Account(n.user(), n.host(), plugin, auth, require));
        }
        if (!failed.isEmpty() && !ifNotExists) {
            throw Errors.of("ER_CANNOT_USER", "CREATE USER", String.join(",", failed));
        }
        for (Account a : created) {
            accounts.create(a, Privileges.NONE);
        }
        return failed.size();
    }

    private static long alter(String sql, Tokens t, SessionContext s, AccountManager accounts) throws BackendException {
        boolean ifExists = ifClause(sql, t, null);
        Map<AccountName, Credentials> targets;
        if (t.peek().isWord("USER") && t.peek(1).isSymbol("(")) {
            // ALTER USER USER() IDENTIFIED BY ...: the current account.
            t.next();
            t.next();
            if (!t.acceptSymbol(")") || !t.acceptWord("IDENTIFIED")) {
                throw Errors.syntax(sql, t.peek());
            }
            targets = new LinkedHashMap<>();
            targets.put(new AccountName(s.accountUser(), s.accountHost()), Credentials.parse(sql, t));
        } else {
            targets = accountsWithCredentials(sql, t, s, true);
        }
        TlsRequirement require = trailingOptions(sql, t);
        boolean onlySelf = targets.keySet().stream().allMatch(n -> n.is(s.accountUser(), s.accountHost()));
        // Without CREATE USER one may change one's own password, nothing else (MySQL's rule).
        if (!onlySelf || require != null) {
            requireCreateUser(s, accounts);
        }
        List<String> failed = new ArrayList<>();
        List<Account> changed = new ArrayList<>();
        for (Map.Entry<AccountName, Credentials> e : targets.entrySet()) {
            Account old = accounts.account(e.getKey().user(), e.getKey().host()).orElse(null);
            if (old == null) {
                failed.add(e.getKey().quoted());
            } else if (e.getValue() != null || require != null) {
                Account updated = old;
                if (e.getValue() != null) {
                    String plugin = e.getValue().pluginOr(old.plugin());
                    updated = new Account(old.user(), old.host(), plugin, e.getValue().authenticationString(accounts, plugin),
                            old.tlsRequirement());
                }
                changed.add(require == null ? updated : updated.withTlsRequirement(require));
            }
        }
        if (!failed.isEmpty() && !ifExists) {
            throw Errors.of("ER_CANNOT_USER", "ALTER USER", String.join(",", failed));
        }
        for (Account a : changed) {
            accounts.alter(a);
        }
        return failed.size();
    }

    private static long drop(String sql, Tokens t, SessionContext s, AccountManager accounts) throws BackendException {
        boolean ifExists = ifClause(sql, t, null);
        List<AccountName> names = new ArrayList<>();
        do {
            names.add(AccountName.parse(sql, t, s));
        } while (t.acceptSymbol(","));
        end(sql, t);
        requireCreateUser(s, accounts);
        List<String> failed = new ArrayList<>();
        for (AccountName n : names) {
            if (accounts.account(n.user(), n.host()).isEmpty()) {
                failed.add(n.quoted());
            }
        }
        if (!failed.isEmpty() && !ifExists) {
            throw Errors.of("ER_CANNOT_USER", "DROP USER", String.join(",", failed));
        }
        for (AccountName n : names) {
            accounts.drop(n.user(), n.host());
        }
        return failed.size();
    }

    private static long rename(String sql, Tokens t, SessionContext s, AccountManager accounts) throws BackendException {
        List<AccountName[]> pairs = new ArrayList<>();
        do {
            AccountName from = AccountName.parse(sql, t, s);
            if (!t.acceptWord("TO")) {
                throw Errors.syntax(sql, t.peek());
            }
            pairs.add(new AccountName[] {from, AccountName.parse(sql, t, s)});
        } while (t.acceptSymbol(","));
        end(sql, t);
        requireCreateUser(s, accounts);
        List<String> failed = new ArrayList<>();
        for (AccountName[] p : pairs) {
            if (accounts.account(p[0].user(), p[0].host()).isEmpty() || accounts.account(p[1].user(), p[1].host()).isPresent()) {
                failed.add(p[0].quoted());
            }
        }
        if (!failed.isEmpty()) {
            throw Errors.of("ER_CANNOT_USER", "RENAME USER", String.join(",", failed));
        }
        for (AccountName[] p : pairs) {
            accounts.rename(p[0].user(), p[0].host(), p[1].user(), p[1].host());
        }
        return 0;
    }

    /** {@code SET PASSWORD [FOR account] = 'password'}: the account's own plugin hashes it. */
    private static long setPassword(String sql, Tokens t, SessionContext s, AccountManager accounts) throws BackendException {
        AccountName target = new AccountName(s.accountUser(), s.accountHost());
        if (t.acceptWord("FOR")) {
            target = AccountName.parse(sql, t, s);
        }
        if (!t.acceptSymbol("=") && !t.acceptWord("TO")) {
            throw Errors.syntax(sql, t.peek());
        }
        Token pw = t.next();
        if (pw.isWord("RANDOM")) {
            throw Errors.of("ER_NOT_SUPPORTED_YET", "SET PASSWORD TO RANDOM");
        }
        if (pw.kind() != Token.Kind.STRING) {
            throw Errors.syntax(sql, pw);
        }
        end(sql, t);
        if (!target.is(s.accountUser(), s.accountHost()) && !accounts.privileges(s.accountUser(), s.accountHost())
                .hasGlobal(Privilege.CREATE_USER)) {
            // MySQL words it as access to the mysql schema, where it keeps accounts.
            throw Errors.database(s, "mysql");
        }
        Account old = accounts.account(target.user(), target.host()).orElseThrow(() -> Errors.of("ER_PASSWORD_NO_MATCH"));
        accounts.alter(new Account(old.user(), old.host(), old.plugin(), accounts.hashPassword(old.plugin(), pw.text()),
                old.tlsRequirement()));
        return 0;
    }

    /** {@code IF EXISTS} ({@code not} null) or {@code IF NOT EXISTS}. */
    private static boolean ifClause(String sql, Tokens t, String not) throws BackendException {
        if (!t.acceptWord("IF")) {
            return false;
        }
        if (not != null && !t.acceptWord(not) || !t.acceptWord("EXISTS")) {
            throw Errors.syntax(sql, t.peek());
        }
        return true;
    }

    private static Map<AccountName, Credentials> accountsWithCredentials(String sql, Tokens t, SessionContext s, boolean alter)
            throws BackendException {
        Map<AccountName, Credentials> targets = new LinkedHashMap<>();
        do {
            AccountName n = AccountName.parse(sql, t, s);
            Credentials c = t.acceptWord("IDENTIFIED") ? Credentials.parse(sql, t) : null;
            targets.put(n, c);
        } while (t.acceptSymbol(","));
        return targets;
    }

    /**
     * The REQUIRE clause (null when there is none) after checking the other options: only those whose
     * meaning is the default are accepted; anything else is refused, not ignored.
     */
    private static TlsRequirement trailingOptions(String sql, Tokens t) throws BackendException {
        TlsRequirement require = null;
        while (!t.atEnd()) {
            if (t.peek().isWord("REQUIRE")) {
                if (require != null) {
                    throw Errors.syntax(sql, t.peek());
                }
                t.next();
                require = requirement(sql, t);
            } else if (t.peek().isWord("PASSWORD") && t.peek(1).isWord("EXPIRE") && t.peek(2).isWord("DEFAULT")) {
                t.next();
                t.next();
                t.next();
            } else if (t.peek().isWord("ACCOUNT") && t.peek(1).isWord("UNLOCK")) {
                t.next();
                t.next();
            } else if (t.peek().kind() == Token.Kind.WORD) {
                throw Errors.of("ER_NOT_SUPPORTED_YET", sql.substring(t.peek().start()));
            } else {
                throw Errors.syntax(sql, t.peek());
            }
        }
        return require;
    }

    /** {@code NONE | SSL | X509}; MySQL's grammar takes one of them alone, or a list of ISSUER/SUBJECT/CIPHER. */
    private static TlsRequirement requirement(String sql, Tokens t) throws BackendException {
        Token word = t.next();
        for (TlsRequirement r : TlsRequirement.values()) {
            if (word.isWord(r.name())) {
                return r;
            }
        }
        if (word.isWord("ISSUER") || word.isWord("SUBJECT") || word.isWord("CIPHER")) {
            throw Errors.of("ER_NOT_SUPPORTED_YET", "REQUIRE " + word.upper());
        }
        throw Errors.syntax(sql, word);
    }

    private static void end(String sql, Tokens t) throws BackendException {
        if (!t.atEnd()) {
            throw Errors.syntax(sql, t.peek());
        }
    }

    private static void requireCreateUser(SessionContext s, AccountManager accounts) throws BackendException {
        if (!accounts.privileges(s.accountUser(), s.accountHost()).hasGlobal(Privilege.CREATE_USER)) {
            throw Errors.needs("CREATE USER");
        }
    }
}
