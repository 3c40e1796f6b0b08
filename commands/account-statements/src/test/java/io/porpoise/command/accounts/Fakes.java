package io.porpoise.command.accounts;

import io.porpoise.auth.Account;
import io.porpoise.auth.Privileges;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.AccountManager;
import io.porpoise.command.CommandContext;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.ProcessList;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import io.porpoise.command.testkit.FakeSession;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stand-ins for what the server gives the interceptors: an in-memory {@link AccountManager} with
 * a fake plugin whose "hash" is readable, a session logged in as some account, and a context
 * recording the answer as text lines.
 */
final class Fakes {
    private Fakes() {
    }

    /** Accounts in memory; plugin {@code test_plugin} stores {@code hash(password)}. */
    static final class Accounts implements AccountManager {
        final Map<String, Account> accounts = new LinkedHashMap<>();
        final Map<String, Privileges> privileges = new HashMap<>();
        final List<String> changed = new ArrayList<>();

        private static String key(String user, String host) {
            return user + "@" + host.toLowerCase(java.util.Locale.ROOT);
        }

        void add(Account a, Privileges p) {
            accounts.put(key(a.user(), a.host()), a);
            privileges.put(key(a.user(), a.host()), p);
        }

        @Override
        public Optional<Account> account(String user, String host) {
            return Optional.ofNullable(accounts.get(key(user, host)));
        }

        @Override
        public List<Account> accounts() {
            return List.copyOf(accounts.values());
        }

        @Override
        public Privileges privileges(String user, String host) {
            return privileges.getOrDefault(key(user, host), Privileges.NONE);
        }

        @Override
        public Set<String> authPlugins() {
            return Set.of("test_plugin");
        }

        @Override
        public String defaultAuthPlugin() {
            return "test_plugin";
        }

        @Override
        public String hashPassword(String plugin, String password) throws BackendException {
            if (!plugin.equals("test_plugin")) {
                throw Errors.of("ER_PLUGIN_IS_NOT_LOADED", plugin);
            }
            return password.isEmpty() ? "" : "hash(" + password + ")";
        }

        @Override
        public void checkAuthenticationString(String plugin, String s) throws BackendException {
            hashPassword(plugin, "");
            if (!s.isEmpty() && !s.startsWith("hash(")) {
                throw Errors.of("ER_PASSWORD_FORMAT");
            }
        }

        @Override
        public boolean create(Account account, Privileges p) {
            if (account(account.user(), account.host()).isPresent()) {
                return false;
            }
            add(account, p);
            return true;
        }

        @Override
        public boolean alter(Account account) {
            if (account(account.user(), account.host()).isEmpty()) {
                return false;
            }
            accounts.put(key(account.user(), account.host()), account);
            changed.add(account.user() + "@" + account.host());
            return true;
        }

        @Override
        public boolean drop(String user, String host) {
            privileges.remove(key(user, host));
            return accounts.remove(key(user, host)) != null;
        }

        @Override
        public boolean rename(String user, String host, String newUser, String newHost) {
            Account a = accounts.remove(key(user, host));
            Privileges p = privileges.remove(key(user, host));
            add(new Account(newUser, newHost, a.plugin(), a.authenticationString(), a.tlsRequirement()), p == null ? Privileges.NONE : p);
            return true;
        }

        @Override
        public void savePrivileges(String user, String host, Privileges p) {
            privileges.put(key(user, host), p);
        }

        @Override
        public List<FailedLogins> failedLoginAttempts() {
            return List.of(new FailedLogins("'%'@'10.0.0.9'", 4));
        }

        @Override
        public long delaysGenerated() {
            return 1;
        }
    }

    /** Runs {@code sql} through the interceptors in ranking order, as COM_QUERY does; returns what the client would see. */
    static List<String> run(Session session, String sql) {
        Context c = new Context(session);
        try {
            for (QueryInterceptor i : INTERCEPTORS) {
                if (i.intercept(sql, c)) {
                    return c.events;
                }
            }
            c.events.add("backend");
        } catch (BackendException e) {
            c.events.add("error " + e.errorCode() + " " + e.sqlState() + " " + e.getMessage());
        }
        return c.events;
    }

    static final List<QueryInterceptor> INTERCEPTORS = List.of(new AccessCheckInterceptor(), new UserStatementsInterceptor(),
            new GrantInterceptor(), new ShowAccountInterceptor(), new ShowDatabasesInterceptor(), new FailedLoginAttemptsInterceptor());

    /** Records OK, ERR and result rows as lines. */
    static final class Context implements CommandContext {
        final List<String> events = new ArrayList<>();
        final Session session;

        Context(Session session) {
            this.session = session;
        }

        @Override
        public SessionContext session() {
            return session;
        }

        @Override
        public ResultSink resultSink() {
            return new ResultSink() {
                @Override
                public void ok(UpdateResult result) {
                    Context.this.ok(result);
                }

                @Override
                public void error(BackendException error) {
                    Context.this.error(error);
                }

                @Override
                public RowWriter columns(List<Column> columns) {
                    events.add("columns " + columns.stream().map(Column::name).collect(Collectors.joining(", ")));
                    return new RowWriter() {
                        @Override
                        public void row(Object... values) {
                            events.add(java.util.Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(" | ")));
                        }

                        @Override
                        public void finish() {
                            events.add("end");
                        }

                        @Override
                        public void finish(int warnings) {
                            events.add("end");
                        }
                    };
                }

                @Override
                public boolean isCompleted() {
                    return false;
                }
            };
        }

        @Override
        public ResultSink binaryResultSink() {
            return resultSink();
        }

        @Override
        public PacketWriter packets() {
            throw new UnsupportedOperationException("packets");
        }

        @Override
        public void ok(UpdateResult result) {
            events.add(result.warnings() == 0 ? "ok" : "ok, warnings " + result.warnings());
        }

        @Override
        public void error(ServerError error, Object... args) {
            events.add("error " + error.code() + " " + error.sqlState() + " " + error.format(args));
        }

        @Override
        public void error(BackendException error) {
            events.add("error " + error.errorCode() + " " + error.sqlState() + " " + error.getMessage());
        }

        @Override
        public void noResponse() {
            throw new UnsupportedOperationException("noResponse");
        }

        @Override
        public void closeConnection() {
            throw new UnsupportedOperationException("closeConnection");
        }

        @Override
        public List<QueryInterceptor> queryInterceptors() {
            return INTERCEPTORS;
        }
    }

    /**
     * A session logged in as {@code accountUser@accountHost} from localhost, with the accounts and
     * the process list the interceptors consult; the rest is the shared {@link FakeSession}.
     */
    static final class Session extends FakeSession {
        final Accounts accounts;
        final String accountUser;
        final String accountHost;
        String schema;
        final List<ProcessList.Process> processes = new ArrayList<>();

        Session(Accounts accounts, String accountUser, String accountHost) {
            // The interceptors answer through Context, which keeps its own lines; none of them
            // touches what FakeSession records (USE, prepared statements).
            super(new ArrayList<>());
            this.accounts = accounts;
            this.accountUser = accountUser;
            this.accountHost = accountHost;
        }

        @Override
        public String user() {
            return accountUser;
        }

        @Override
        public String accountName() {
            return accountUser + "@" + accountHost;
        }

        @Override
        public Optional<AccountManager> accounts() {
            return Optional.of(accounts);
        }

        @Override
        public String currentSchema() {
            return schema;
        }

        @Override
        public ProcessList processList() {
            return new ProcessList() {
                @Override
                public List<Process> processes() {
                    return processes;
                }

                @Override
                public Statistics statistics() {
                    throw new UnsupportedOperationException("statistics");
                }

                @Override
                public boolean kill(long id, boolean queryOnly) {
                    throw new UnsupportedOperationException("kill");
                }
            };
        }
    }

    static String syntax(String near) {
        return "error 1064 42000 " + ServerErrors.of("ER_SYNTAX_ERROR").format() + " near '" + near + "' at line 1";
    }
}
