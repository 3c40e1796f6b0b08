package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.ClientGoneException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.UpdateResult;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One client connection on its own H2 connection. Transactions follow MySQL: BEGIN and START
 * TRANSACTION commit an open transaction first, DDL commits before and after itself, and with
 * autocommit on every other statement commits itself.
 */
final class H2Session implements BackendSession {
    private static final System.Logger LOG = System.getLogger(H2Session.class.getName());

    private final Connection conn;
    private final AtomicLong ddlEpoch;
    private final Consumer<H2Session> onClose;
    private final ColumnMapper mapper;
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
    }

    @Override
    public void query(String sql, ResultSink sink) throws BackendException {
        canceled = false;
        List<Token> tokens = SqlLexer.lex(sql);
        List<Token> sig = SqlLexer.significant(tokens);
        while (!sig.isEmpty() && sig.get(sig.size() - 1).isSymbol(";")) {
            sig = sig.subList(0, sig.size() - 1);
        }
        if (sig.isEmpty()) {
            throw new BackendException(1065, "42000", "Query was empty");
        }
        try {
            dispatch(tokens, sig, sink);
        } catch (SQLException e) {
            BackendException mapped = isData(sig) ? Errors.mapData(e, schema, sig) : Errors.map(e, schema);
            if (mapped.errorCode() == 1105) {
                LOG.log(Level.DEBUG, "h2 backend: unmapped H2 error " + e.getErrorCode() + " for: " + sql, e);
            }
            throw mapped;
        }
    }

    /** SELECT, INSERT, REPLACE, UPDATE, DELETE (also after WITH or in parentheses): MySQL reports missing tables in them differently from DDL. */
    private static boolean isData(List<Token> sig) {
        Token first = sig.get(0);
        return first.isSymbol("(") || first.is("SELECT") || first.is("WITH") || first.is("INSERT") || first.is("REPLACE") || first.is("UPDATE")
                || first.is("DELETE") || first.is("TABLE");
    }

    private void dispatch(List<Token> tokens, List<Token> sig, ResultSink sink) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        String first = sig.get(0).kind() == Token.Kind.WORD ? sig.get(0).upper() : "";
        switch (first) {
            case "BEGIN":
                begin();
                sink.ok(UpdateResult.EMPTY);
                return;
            case "START":
                if (c.accept("START", "TRANSACTION")) {
                    begin();
                    sink.ok(UpdateResult.EMPTY);
                    return;
                }
                break;
            case "COMMIT":
                endTransaction(true);
                sink.ok(UpdateResult.EMPTY);
                return;
            case "ROLLBACK":
                if (!(sig.size() > 1 && sig.get(1).is("TO"))) {
                    endTransaction(false);
                    sink.ok(UpdateResult.EMPTY);
                    return;
                }
                break;
            case "USE":
                useSchema(sig.get(1).value());
                sink.ok(UpdateResult.EMPTY);
                return;
            case "SET":
                set(sig);
                sink.ok(UpdateResult.EMPTY);
                return;
            case "LOCK":
            case "UNLOCK":
                // mysqldump brackets its inserts with table locks; H2 locks rows itself, and MySQL's LOCK TABLES commits like DDL.
                implicitCommit();
                sink.ok(UpdateResult.EMPTY);
                return;
            case "SHOW":
            case "DESCRIBE":
            case "DESC":
                stream(ShowStatements.toQuery(sig, schema, conn), sink, false, null);
                return;
            case "EXPLAIN":
                if (sig.size() >= 2 && sig.get(1).isIdentifier() && !sig.get(1).is("SELECT") && !sig.get(1).is("FORMAT") && !sig.get(1).is("ANALYZE")
                        && !sig.get(1).is("INSERT") && !sig.get(1).is("UPDATE") && !sig.get(1).is("DELETE") && !sig.get(1).is("WITH")) {
                    stream(ShowStatements.toQuery(sig, schema, conn), sink, false, null);
                    return;
                }
                break;
            case "CREATE":
            case "DROP":
            case "ALTER":
            case "RENAME":
            case "TRUNCATE":
                ddl(tokens, sig, sink);
                return;
            default:
                break;
        }
        boolean insert = first.equals("INSERT") || first.equals("REPLACE");
        stream(DmlRewriter.rewrite(HavingRewriter.rewrite(tokens), schema, lastInsertId), sink, insert, ColumnNames.of(tokens));
    }

    private void ddl(List<Token> tokens, List<Token> sig, ResultSink sink) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        implicitCommit();
        long affected = 0;
        try {
            DdlExecutor ddl = new DdlExecutor(conn, schema);
            if (c.accept("CREATE", "DATABASE") || c.accept("CREATE", "SCHEMA")) {
                affected = createDatabase(c);
            } else if (c.accept("DROP", "DATABASE") || c.accept("DROP", "SCHEMA")) {
                affected = dropDatabase(c);
            } else if (c.accept("ALTER", "DATABASE") || c.accept("ALTER", "SCHEMA")) {
                // Only character set and encryption options exist; this backend stores everything as Unicode.
                affected = 1;
            } else if (c.accept("CREATE", "TABLE") || c.accept("CREATE", "TEMPORARY", "TABLE")) {
                if (!ddl.createTable(sig)) {
                    requireSchemaFor(sig);
                    execute(DmlRewriter.rewrite(tokens, schema, lastInsertId));
                }
            } else if (c.accept("CREATE", "INDEX") || c.accept("CREATE", "UNIQUE", "INDEX") || c.accept("CREATE", "FULLTEXT", "INDEX") || c.accept("CREATE", "SPATIAL", "INDEX")) {
                ddl.createIndex(sig);
            } else if (c.accept("DROP", "INDEX")) {
                ddl.dropIndexStatement(sig);
            } else if (c.accept("ALTER", "TABLE") || c.accept("ALTER", "IGNORE", "TABLE")) {
                ddl.alterTable(sig);
            } else if (c.accept("RENAME", "TABLE")) {
                ddl.renameTables(sig);
            } else if (c.accept("DROP", "TABLE") || c.accept("DROP", "TEMPORARY", "TABLE")) {
                ddl.dropTables(sig);
            } else if (c.accept("TRUNCATE")) {
                c.accept("TABLE");
                String[] name = c.qualifiedName();
                String s = name[0] != null ? name[0] : schema;
                if (s == null) {
                    throw Errors.noDatabase();
                }
                String stored = Catalog.tableName(conn, s, name[1]);
                if (stored == null) {
                    throw Errors.noSuchTable(s, name[1]);
                }
                execute("TRUNCATE TABLE " + Token.quoteIdentifier(s) + "." + Token.quoteIdentifier(stored));
            } else {
                requireSchemaFor(sig);
                execute(DmlRewriter.rewrite(tokens, schema, lastInsertId));
            }
        } finally {
            ddlEpoch.incrementAndGet();
            if (!conn.getAutoCommit()) {
                conn.commit();
            }
        }
        sink.ok(UpdateResult.affected(affected));
    }

    /** Statements that create or drop objects without naming a database need a current one. */
    private void requireSchemaFor(List<Token> sig) throws BackendException {
        if (schema == null && !containsQualifiedName(sig)) {
            throw Errors.noDatabase();
        }
    }

    private static boolean containsQualifiedName(List<Token> sig) {
        for (int i = 1; i + 1 < sig.size(); i++) {
            if (sig.get(i).isSymbol(".") && sig.get(i - 1).isIdentifier() && sig.get(i + 1).isIdentifier()) {
                return true;
            }
        }
        return false;
    }

    private long createDatabase(TokenCursor c) throws BackendException, SQLException {
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String name = c.identifier();
        if (name == null) {
            throw Errors.syntax(TokenCursor.toH2(c.rest()));
        }
        if (Catalog.schemaName(conn, name) != null || Catalog.isHidden(name)) {
            if (ifNotExists) {
                return 0;
            }
            throw new BackendException(1007, "HY000", "Can't create database '" + name + "'; database exists");
        }
        execute("CREATE SCHEMA " + Token.quoteIdentifier(name));
        return 1;
    }

    private long dropDatabase(TokenCursor c) throws BackendException, SQLException {
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = c.identifier();
        String stored = name == null ? null : Catalog.schemaName(conn, name);
        if (Catalog.INFO.equals(stored)) {
            throw new BackendException(1044, "42000", "Access denied to database '" + Catalog.INFO + "'");
        }
        if (stored == null) {
            if (ifExists) {
                return 0;
            }
            throw new BackendException(1008, "HY000", "Can't drop database '" + name + "'; database doesn't exist");
        }
        long tables = 0;
        try (java.sql.PreparedStatement p = conn.prepareStatement("SELECT COUNT(*) FROM \"INFORMATION_SCHEMA\".\"TABLES\" WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            p.setString(1, stored);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                tables = rs.getLong(1);
            }
        }
        if (stored.equals(schema)) {
            execute("SET SCHEMA PUBLIC");
            schema = null;
        }
        execute("DROP SCHEMA " + Token.quoteIdentifier(stored) + " CASCADE");
        Catalog.forget(conn, stored, null);
        return tables;
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
        LOG.log(Level.DEBUG, "h2 backend: SET ignored (session variables belong to the server): {0}", TokenCursor.toH2(sig));
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
        Statement st = conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        running = st;
        try {
            if (canceled) {
                throw Errors.interrupted();
            }
            boolean hasResult = insert ? st.execute(h2sql, Statement.RETURN_GENERATED_KEYS) : st.execute(h2sql);
            if (!conn.getAutoCommit()) {
                dirty = true;
            }
            if (!hasResult) {
                long count = st.getLargeUpdateCount();
                long id = insert ? firstGeneratedKey(st) : 0;
                if (id != 0) {
                    lastInsertId = id;
                }
                sink.ok(new UpdateResult(Math.max(0, count), id, 0, ""));
                return;
            }
            try (ResultSet rs = st.getResultSet()) {
                List<ColumnMapper.Mapped> mapped = mapper.map(rs.getMetaData());
                List<Column> columns = new ArrayList<>(mapped.size());
                ValueKind[] kinds = new ValueKind[mapped.size()];
                for (int i = 0; i < kinds.length; i++) {
                    columns.add(mapped.get(i).column());
                    kinds[i] = mapped.get(i).kind();
                }
                RowWriter w = sink.columns(names == null ? columns : names.apply(columns));
                while (rs.next()) {
                    if (canceled) {
                        throw Errors.interrupted();
                    }
                    Object[] row = new Object[kinds.length];
                    for (int i = 0; i < kinds.length; i++) {
                        row[i] = kinds[i].read(rs, i + 1);
                    }
                    try {
                        w.row(row);
                    } catch (ClientGoneException gone) {
                        LOG.log(Level.DEBUG, "h2 backend: client gone, statement abandoned: {0}", gone.getMessage());
                        return;
                    }
                }
                w.finish();
            }
        } finally {
            running = null;
            st.close();
        }
    }

    private static long firstGeneratedKey(Statement st) throws SQLException {
        try (ResultSet keys = st.getGeneratedKeys()) {
            if (keys.next() && keys.getMetaData().getColumnCount() > 0) {
                Object v = keys.getObject(1);
                if (v instanceof Number) {
                    return ((Number) v).longValue();
                }
            }
        }
        return 0;
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
