package io.porpoise.server.internal;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.charset.Collation;
import io.porpoise.charset.Collations;
import io.porpoise.command.SessionContext;
import io.porpoise.command.SessionVariables;
import io.porpoise.command.SystemVariables;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.ServerStatus;
import io.porpoise.wire.StatusFlag;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** One authenticated connection's session state. Used from the session's worker thread. */
final class Session implements SessionContext {
    private final long connectionId;
    private final String user;
    private final String host;
    private final String accountUser;
    private final String accountHost;
    private final io.porpoise.command.AccountManager accounts;
    private final Capabilities capabilities;
    private final BackendSession backend;
    private final SystemVariables globals;
    private final SessionVariables variables;
    private final String serverVersion;
    private final io.porpoise.command.ProcessList processList;
    private final SessionStatements statements;
    private final io.porpoise.command.StatusVariables statusVariables;
    private final java.util.Map<String, Object> userVariables = java.util.Collections.synchronizedMap(new java.util.HashMap<>());
    private volatile int lastWarningCount;
    private volatile String schemaSeen;
    private volatile boolean multiStatements;
    private volatile boolean moreResults;

    Session(long connectionId, String user, String host, io.porpoise.auth.Account account, Capabilities capabilities,
            BackendSession backend, SystemVariables globals, SessionVariables variables, String serverVersion,
            io.porpoise.command.ProcessList processList, java.util.concurrent.atomic.AtomicInteger preparedCount,
            io.porpoise.command.StatusVariables statusVariables, io.porpoise.command.AccountManager accounts) {
        this.statusVariables = statusVariables;
        this.connectionId = connectionId;
        this.user = user;
        this.host = host;
        this.accountUser = account.user();
        this.accountHost = account.host();
        this.accounts = accounts;
        this.capabilities = capabilities;
        this.backend = backend;
        this.globals = globals;
        this.variables = variables;
        this.serverVersion = serverVersion;
        this.processList = processList;
        this.statements = new SessionStatements(backend, globals, preparedCount);
        this.multiStatements = capabilities.has(io.porpoise.wire.CapabilityFlag.CLIENT_MULTI_STATEMENTS);
    }

    @Override
    public boolean multiStatements() {
        return multiStatements;
    }

    @Override
    public void multiStatements(boolean on) {
        multiStatements = on;
    }

    /** While a statement of a multi-statement batch runs that is not the last: SERVER_MORE_RESULTS_EXISTS in {@link #status()}. */
    void moreResults(boolean more) {
        moreResults = more;
    }

    @Override
    public SessionStatements statements() {
        return statements;
    }

    @Override
    public io.porpoise.command.ProcessList processList() {
        return processList;
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String accountName() {
        return accountUser + "@" + accountHost;
    }

    @Override
    public String accountUser() {
        return accountUser;
    }

    @Override
    public String accountHost() {
        return accountHost;
    }

    @Override
    public java.util.Optional<io.porpoise.command.AccountManager> accounts() {
        return java.util.Optional.of(accounts);
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public BackendSession backend() {
        return backend;
    }

    @Override
    public SystemVariables globalVariables() {
        return globals;
    }

    @Override
    public SessionVariables variables() {
        return variables;
    }

    @Override
    public Charset clientCharset() {
        return charsetOf(variables.getString("character_set_client"));
    }

    @Override
    public Collation resultsCollation() {
        String cs = variables.getString("character_set_results");
        if (cs == null) {
            return null;
        }
        return Collations.defaultFor(cs).filter(c -> c.javaCharset().isPresent()).orElse(Collations.defaultCollation());
    }

    /**
     * The current schema as of the last completed command, for other threads (SHOW
     * PROCESSLIST): backend sessions are only called from their own worker thread.
     */
    String schemaForOthers() {
        return schemaSeen;
    }

    /** Called on the worker thread after each command. */
    void noteSchema() {
        schemaSeen = backend.currentSchema();
    }

    /** USE and COM_INIT_DB need some privilege on the database (ER_DBACCESS_DENIED_ERROR otherwise), as in MySQL. */
    @Override
    public void useSchema(String schema) throws BackendException {
        checkDatabaseAccess(schema);
        backend.useSchema(schema);
    }

    void checkDatabaseAccess(String schema) throws BackendException {
        if (!schema.equalsIgnoreCase("information_schema") && !accounts.privileges(accountUser, accountHost).hasAnyOn(schema)) {
            throw AccountAdmin.error("ER_DBACCESS_DENIED_ERROR", accountUser, accountHost, schema);
        }
    }

    @Override
    public java.util.Map<String, Object> userVariables() {
        return userVariables;
    }

    @Override
    public int lastWarningCount() {
        return lastWarningCount;
    }

    void lastWarningCount(int n) {
        lastWarningCount = n;
        variables.internalSet("warning_count", (long) n);
    }

    @Override
    public io.porpoise.command.StatusVariables statusVariables() {
        return statusVariables;
    }

    @Override
    public String serverVersion() {
        return serverVersion;
    }

    /** The status flags for a response now: AUTOCOMMIT from the session, IN_TRANS from the backend. */
    @Override
    public ServerStatus status() {
        ServerStatus s = variables.getBoolean("autocommit") ? ServerStatus.AUTOCOMMIT : ServerStatus.NONE;
        s = moreResults ? s.with(StatusFlag.SERVER_MORE_RESULTS_EXISTS) : s;
        return backend.inTransaction() ? s.with(StatusFlag.SERVER_STATUS_IN_TRANS) : s;
    }

    static Charset charsetOf(String mysqlCharset) {
        if (mysqlCharset == null || mysqlCharset.equalsIgnoreCase("binary")) {
            // binary client text is bytes MySQL stores unconverted: into utf8mb4 columns, UTF-8 text.
            return StandardCharsets.UTF_8;
        }
        return Collations.defaultFor(mysqlCharset).flatMap(Collation::javaCharset).orElse(StandardCharsets.UTF_8);
    }
}
