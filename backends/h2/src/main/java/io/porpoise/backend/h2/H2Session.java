package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Prepared;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowCursor;
import io.porpoise.backend.StringLiteral;
import io.porpoise.backend.UpdateResult;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One client connection on its own H2 connection. Transactions follow MySQL: BEGIN and START
 * TRANSACTION commit an open transaction first, DDL commits before and after itself, and with
 * autocommit on every other statement commits itself. Prepared statements
 * ({@link PreparedStatements}) run through the same paths, so they behave alike.
 */
final class H2Session implements BackendSession {
    private static final System.Logger LOG = System.getLogger(H2Session.class.getName());

    private final Connection conn;
    private final AtomicLong ddlEpoch;
    private final Consumer<H2Session> onClose;
    private final ColumnMapper mapper;
    private final PreparedStatements statements;
    private final StoredBytes bytes;
    private String schema;
    private boolean autocommit = true;
    private boolean explicitTx;
    private boolean dirty;
    private long lastInsertId;
    private boolean closed;
    private volatile Statement running;
    private volatile boolean canceled;

    H2Session(Connection conn, AtomicLong ddlEpoch, Consumer<H2Session> onClose) {
        this.conn = conn;
        this.ddlEpoch = ddlEpoch;
        this.onClose = onClose;
        this.mapper = new ColumnMapper(conn, ddlEpoch::get);
        this.statements = new PreparedStatements(this);
        this.bytes = new StoredBytes(this);
    }

    @Override
    public void query(String sql, ResultSink sink) throws BackendException {
        if (StoredBytes.mayHaveHexLiteral(sql)) {
            bytes.query(sql, List.of(), sink);
        } else {
            query(sql, (ColumnNames) null, sink);
        }
    }

    /**
     * A statement with values whose bytes matter (the client's {@code literals} and hex
     * literals): see {@link StoredBytes}.
     */
    @Override
    public void query(String sql, List<StringLiteral> literals, ResultSink sink) throws BackendException {
        bytes.query(sql, literals, sink);
    }

    /** {@link #query(String, ResultSink)}, result columns named by {@code names} when not null (deferred prepared statements). */
    void query(String sql, ColumnNames names, ResultSink sink) throws BackendException {
        canceled = false;
        List<Token> tokens = SqlLexer.lex(sql);
        List<Token> sig = StatementRoute.significant(tokens);
        if (sig.isEmpty()) {
            throw new BackendException(1065, "42000", "Query was empty");
        }
        try {
            if (StatementRoute.of(sig) == StatementRoute.SESSION) {
                dispatch(tokens, sig, sink);
            } else {
                stream(DmlRewriter.rewrite(HavingRewriter.rewrite(tokens), schema, lastInsertId), sink, StatementRoute.isInsert(sig),
                        names != null ? names : ColumnNames.of(tokens));
            }
        } catch (SQLException e) {
            BackendException mapped = mapError(e, sig, sql);
            String timeValue = mapped.errorCode() == 1292 ? MysqlTimeLiterals.rejected(mapped.getMessage()) : null;
            if (timeValue == null || sink.isCompleted()) {
                throw mapped;
            }
            // H2 cannot read MySQL's 'D HH:MM:SS' TIME form: run it again with that literal normalized.
            query(MysqlTimeLiterals.rewrite(tokens, timeValue), names, sink);
        }
    }

    /** An H2 error of statement {@code sql} as MySQL reports it. */
    BackendException mapError(SQLException e, List<Token> sig, String sql) {
        BackendException mapped = StatementRoute.isData(sig) ? Errors.mapData(e, schema, sig) : Errors.map(e, schema);
        if (mapped.errorCode() == 1105) {
            LOG.log(Level.DEBUG, "h2 backend: unmapped H2 error " + e.getErrorCode() + " for: " + sql, e);
        }
        return mapped;
    }

    /** Statements the session answers itself ({@link StatementRoute#SESSION}). */
    private void dispatch(List<Token> tokens, List<Token> sig, ResultSink sink) throws BackendException, SQLException {
        switch (sig.get(0).upper()) {
            case "BEGIN":
            case "START":
                begin();
                break;
            case "COMMIT":
                endTransaction(true);
                break;
            case "ROLLBACK":
                endTransaction(false);
                break;
            case "USE":
                useSchema(sig.get(1).value());
                break;
            case "SET":
                set(sig);
                break;
            case "LOCK":
            case "UNLOCK":
                // mysqldump brackets its inserts with table locks; H2 locks rows itself, and MySQL's LOCK TABLES commits like DDL.
                implicitCommit();
                break;
            case "SHOW":
            case "DESCRIBE":
            case "DESC":
            case "EXPLAIN":
                stream(ShowStatements.toQuery(sig, schema, conn), sink, false, null);
                return;
            default:
                ddl(tokens, sig, sink);
                return;
        }
        sink.ok(UpdateResult.EMPTY);
    }

    /** DDL ({@link DdlExecutor}), between MySQL's implicit commits; every session's cached table facts go stale. */
    private void ddl(List<Token> tokens, List<Token> sig, ResultSink sink) throws BackendException, SQLException {
        implicitCommit();
        long affected;
        try {
            affected = new DdlExecutor(conn, schema, lastInsertId).run(tokens, sig, () -> schema = null);
        } finally {
            ddlEpoch.incrementAndGet();
            if (!conn.getAutoCommit()) {
                conn.commit();
            }
        }
        sink.ok(UpdateResult.affected(affected));
    }

    /** A SET that reached the backend (the server normally answers SET itself). */
    private void set(List<Token> sig) throws BackendException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("SET");
        c.accept("SESSION");
        c.accept("LOCAL");
        if (c.peek().isSymbol("@") && c.peek(1).isSymbol("@")) {
            c.next();
            c.next();
            c.accept("SESSION");
            c.acceptSymbol(".");
        }
        if (c.accept("AUTOCOMMIT")) {
            c.acceptSymbol("=");
            String v = c.next().text();
            setAutocommit(v.equals("1") || v.equalsIgnoreCase("ON") || v.equalsIgnoreCase("TRUE"));
            return;
        }
        // The server's interceptors answer every SET they understand; silently accepting the rest
        // (SET PASSWORD, SET ROLE, ...) would tell the client something happened that did not.
        throw new BackendException(1235, "42000", "This version of MySQL doesn't yet support '" + TokenCursor.toH2(sig) + "'");
    }

    /** Runs one H2 statement that has no result set to forward. */
    private void execute(String h2sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(h2sql);
        }
    }

    /** Runs {@code h2sql} into {@code sink}; {@code names} (nullable) gives result columns MySQL's names. */
    private void stream(String h2sql, ResultSink sink, boolean insert, ColumnNames names) throws BackendException, SQLException {
        LOG.log(Level.TRACE, "h2 backend: {0}", h2sql);
        try (Statement st = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            run(st, () -> insert ? st.execute(h2sql, Statement.RETURN_GENERATED_KEYS) : st.execute(h2sql), insert, names, sink);
        }
    }

    /** One JDBC call that runs a statement. */
    interface Execution<T> {
        T execute() throws SQLException;
    }

    /** Runs {@code st} (through {@code execution}) into {@code sink}; LAST_INSERT_ID follows. */
    void run(Statement st, Execution<Boolean> execution, boolean insert, ColumnNames names, ResultSink sink) throws BackendException, SQLException {
        boolean hasResult = executing(st, execution);
        long id = ResultStreamer.forward(st, hasResult, insert, names, mapper, () -> canceled, sink);
        if (id != 0) {
            lastInsertId = id;
        }
    }

    /** Runs {@code execution} of {@code st} as the statement {@link #cancel()} reaches; the transaction then has work in it. */
    <T> T executing(Statement st, Execution<T> execution) throws BackendException, SQLException {
        running = st;
        try {
            if (canceled) {
                throw Errors.interrupted();
            }
            T result = execution.execute();
            if (!conn.getAutoCommit()) {
                dirty = true;
            }
            return result;
        } finally {
            running = null;
        }
    }

    /** Starts a statement: an earlier KILL QUERY does not reach it. */
    void startStatement() {
        canceled = false;
    }

    Connection connection() {
        return conn;
    }

    ColumnMapper mapper() {
        return mapper;
    }

    long lastInsertId() {
        return lastInsertId;
    }

    /** Prepared statements the session holds (for leak checks). */
    int openStatements() {
        return statements.size();
    }

    @Override
    public Prepared prepare(String sql) throws BackendException {
        return statements.prepare(sql);
    }

    @Override
    public void execute(Prepared statement, List<Object> parameters, ResultSink sink) throws BackendException {
        statements.execute(statement, parameters, sink);
    }

    @Override
    public RowCursor openCursor(Prepared statement, List<Object> parameters) throws BackendException {
        RowCursor c = statements.openCursor(statement, parameters);
        // Statements H2 does not run as a PreparedStatement (and ones without rows) read into memory, as the SPI's default does.
        return c != null ? c : BackendSession.super.openCursor(statement, parameters);
    }

    @Override
    public void closeStatement(Prepared statement) {
        statements.close(statement);
    }

    private void begin() throws SQLException {
        implicitCommit();
        conn.setAutoCommit(false);
        explicitTx = true;
    }

    private void endTransaction(boolean commit) throws SQLException {
        if (!conn.getAutoCommit()) {
            if (commit) {
                conn.commit();
            } else {
                conn.rollback();
            }
        }
        explicitTx = false;
        dirty = false;
        conn.setAutoCommit(autocommit);
    }

    /** MySQL commits an open transaction before BEGIN, DDL and LOCK TABLES. */
    private void implicitCommit() throws SQLException {
        endTransaction(true);
    }

    @Override
    public void useSchema(String name) throws BackendException {
        try {
            String stored = Catalog.schemaName(conn, name);
            if (stored == null) {
                throw Errors.unknownDatabase(name);
            }
            execute("SET SCHEMA " + Token.quoteIdentifier(stored));
            schema = stored;
        } catch (SQLException e) {
            throw Errors.map(e, schema);
        }
    }

    @Override
    public String currentSchema() {
        return schema;
    }

    @Override
    public boolean inTransaction() {
        return explicitTx || (!autocommit && dirty);
    }

    @Override
    public void setAutocommit(boolean on) throws BackendException {
        try {
            if (on && !autocommit || on && explicitTx) {
                // Turning autocommit on commits the open transaction, as in MySQL.
                autocommit = true;
                endTransaction(true);
            } else if (!on) {
                autocommit = false;
                if (!explicitTx) {
                    conn.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw Errors.map(e, schema);
        }
    }

    @Override
    public void reset() throws BackendException {
        statements.closeAll();
        try {
            autocommit = true;
            endTransaction(false);
            lastInsertId = 0;
        } catch (SQLException e) {
            throw Errors.map(e, schema);
        }
    }

    @Override
    public void cancel() {
        canceled = true;
        Statement st = running;
        if (st != null) {
            try {
                st.cancel();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "h2 backend: cancel failed", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        onClose.accept(this);
        statements.closeAll();
        try {
            if (!conn.isClosed()) {
                if (!conn.getAutoCommit()) {
                    conn.rollback();
                }
                conn.close();
            }
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "h2 backend: closing a session's connection failed", e);
        }
    }
}
