package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.Prepared;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowCursor;
import java.lang.System.Logger.Level;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.api.ErrorCode;

/**
 * One session's prepared statements. A statement H2 runs (SELECT, INSERT, UPDATE, DELETE, ...)
 * gets the same MySQL-to-H2 rewrites as in {@code query()} and becomes a JDBC PreparedStatement;
 * the {@code ?} placeholders pass the rewriters as tokens, so they stay in order (a HAVING
 * that repeats a select item's expression repeats its parameter, see {@link H2Prepared#h2ToClient}).
 * Statements the session answers itself, ones H2 cannot type at prepare time, and ones whose
 * result type H2 could only guess from untyped parameters ({@code SELECT ? + ?}) are deferred:
 * see {@link H2Prepared} and {@link SqlLiterals}.
 *
 * <p>Nothing of a statement is kept after {@link #close}; the session closes all of them on
 * reset and close.
 */
final class PreparedStatements {
    private static final System.Logger LOG = System.getLogger(PreparedStatements.class.getName());
    /** Rows per fetch for cursors (advisory for an embedded H2, which holds the result itself). */
    private static final int CURSOR_FETCH_SIZE = 256;

    private final H2Session session;
    /** Concurrent: the backend's shutdown closes sessions from another thread. */
    private final Set<H2Prepared> open = ConcurrentHashMap.newKeySet();

    PreparedStatements(H2Session session) {
        this.session = session;
    }

    Prepared prepare(String sql) throws BackendException {
        List<Token> tokens = SqlLexer.lex(sql);
        List<Token> sig = StatementRoute.significant(tokens);
        if (sig.isEmpty()) {
            throw new BackendException(1065, "42000", "Query was empty");
        }
        StatementRoute route = StatementRoute.of(sig);
        if (route == StatementRoute.NOT_PREPARABLE) {
            throw new BackendException(1295, "HY000", "This command is not supported in the prepared statement protocol yet");
        }
        rejectMultipleStatements(tokens, sig);
        int count = 0;
        for (Token t : sig) {
            count += t.kind() == Token.Kind.PARAM ? 1 : 0;
        }
        if (route == StatementRoute.SESSION) {
            return register(H2Prepared.deferred(this, sql, sig, tokens, count), PreparedParameters.untyped(count), List.of());
        }
        return prepareForH2(sql, tokens, sig, count);
    }

    /** MySQL prepares one statement; {@code SELECT 1; SELECT 2} is a syntax error at the second. */
    private static void rejectMultipleStatements(List<Token> tokens, List<Token> sig) throws BackendException {
        Token last = sig.get(sig.size() - 1);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == last) {
                return;
            }
            if (tokens.get(i).isSymbol(";")) {
                StringBuilder near = new StringBuilder();
                tokens.subList(i + 1, tokens.size()).forEach(t -> near.append(t.text()));
                String n = near.toString().trim();
                throw Errors.syntax(n.length() > 80 ? n.substring(0, 80) : n);
            }
        }
    }

    private Prepared prepareForH2(String sql, List<Token> tokens, List<Token> sig, int count) throws BackendException {
        List<Token> h2Tokens = HavingRewriter.rewrite(tokens);
        int[] h2ToClient = PreparedParameters.order(tokens, h2Tokens);
        boolean insert = StatementRoute.isInsert(sig);
        String h2sql = DmlRewriter.rewrite(h2Tokens, session.currentSchema(), session.lastInsertId());
        PreparedStatement ps;
        try {
            ps = jdbc(h2sql, insert);
        } catch (SQLException e) {
            if (count > 0 && e.getErrorCode() == ErrorCode.UNKNOWN_DATA_TYPE_1) {
                // H2 types each parameter when preparing and cannot type some (COALESCE(?, ?), GREATEST(?, ?), SELECT ? UNION SELECT ?);
                // MySQL types them by their values, which substitution gives.
                LOG.log(Level.DEBUG, "h2 backend: parameters without a type, statement deferred: {0}", sql);
                return register(H2Prepared.deferred(this, sql, sig, tokens, count), PreparedParameters.untyped(count), List.of());
            }
            throw session.mapError(e, sig, sql);
        }
        try {
            ParameterMetaData pmd = ps.getParameterMetaData();
            if (h2ToClient == null || pmd.getParameterCount() != h2ToClient.length) {
                // H2 read placeholders differently from MySQL (e.g. ?1 is a numbered parameter in H2).
                LOG.log(Level.DEBUG, "h2 backend: parameters H2 counts differently, statement deferred: {0}", sql);
                ps.close();
                return register(H2Prepared.deferred(this, sql, sig, tokens, count), PreparedParameters.untyped(count), List.of());
            }
            int[] nullTypes = new int[h2ToClient.length];
            List<Column> parameters = PreparedParameters.of(pmd, h2ToClient, count, nullTypes);
            ResultSetMetaData md = ps.getMetaData();
            if (PreparedParameters.resultTypedByValues(md, nullTypes)) {
                LOG.log(Level.DEBUG, "h2 backend: result typed by parameter values, statement deferred: {0}", sql);
                ps.close();
                return register(H2Prepared.deferred(this, sql, sig, tokens, count), PreparedParameters.untyped(count), List.of());
            }
            ColumnNames names = ColumnNames.of(tokens);
            List<Column> columns = md == null ? List.of() : ResultShape.of(session.mapper(), md, names).columns();
            return register(H2Prepared.ofH2(this, sql, sig, count, h2Tokens, h2ToClient, nullTypes, insert, names, ps, h2sql,
                    AssignmentTargets.of(tokens)), parameters, columns);
        } catch (SQLException e) {
            closeQuietly(ps);
            throw session.mapError(e, sig, sql);
        } catch (RuntimeException e) {
            closeQuietly(ps);
            throw e;
        }
    }

    private Prepared register(H2Prepared h, List<Column> parameters, List<Column> columns) {
        open.add(h);
        return new Prepared(h, parameters, columns);
    }

    private PreparedStatement jdbc(String h2sql, boolean insert) throws SQLException {
        LOG.log(Level.TRACE, "h2 backend: prepare {0}", h2sql);
        return insert ? session.connection().prepareStatement(h2sql, Statement.RETURN_GENERATED_KEYS)
                : session.connection().prepareStatement(h2sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    void execute(Prepared statement, List<Object> values, ResultSink sink) throws BackendException {
        H2Prepared h = owned(statement);
        checkArguments(h, values);
        if (h.isDeferred()) {
            String sql = h.parameterCount == 0 ? h.sql
                    : StatementRoute.of(h.sig) == StatementRoute.H2 ? SqlLiterals.substituteTyped(h.tokens, values) : SqlLiterals.substitute(h.tokens, values);
            session.query(sql, h.names, sink);
            return;
        }
        session.startStatement();
        try {
            PreparedStatement ps = bound(h, values);
            try {
                session.run(ps, ps::execute, h.insert, h.names, sink);
            } finally {
                // Large parameter values (BLOBs) are not kept until the next execution.
                ps.clearParameters();
            }
        } catch (SQLException e) {
            throw session.mapError(e, h.sig, h.sql);
        }
    }

    /** A streaming cursor, or null when the statement is deferred or has no result columns (the caller buffers those). */
    RowCursor openCursor(Prepared statement, List<Object> values) throws BackendException {
        H2Prepared h = owned(statement);
        if (h.isDeferred() || statement.columns().isEmpty()) {
            return null;
        }
        checkArguments(h, values);
        session.startStatement();
        try {
            PreparedStatement ps = bound(h, values);
            ps.setFetchSize(CURSOR_FETCH_SIZE);
            ResultSet rs;
            try {
                rs = session.executing(ps, ps::executeQuery);
            } finally {
                ps.clearParameters();
            }
            try {
                return new JdbcRowCursor(rs, ResultShape.of(session.mapper(), rs.getMetaData(), h.names), e -> session.mapError(e, h.sig, h.sql));
            } catch (SQLException | RuntimeException e) {
                rs.close();
                throw e;
            }
        } catch (SQLException e) {
            throw session.mapError(e, h.sig, h.sql);
        }
    }

    /** The JDBC statement, prepared again when the session values it was rewritten with changed, with {@code values} bound. */
    private PreparedStatement bound(H2Prepared h, List<Object> values) throws BackendException, SQLException {
        if (h.contextual) {
            String h2sql = DmlRewriter.rewrite(h.h2Tokens, session.currentSchema(), session.lastInsertId());
            if (!h2sql.equals(h.h2sql)) {
                PreparedStatement fresh = jdbc(h2sql, h.insert);
                closeQuietly(h.jdbc);
                h.jdbc = fresh;
                h.h2sql = h2sql;
            }
        }
        PreparedStatement ps = h.jdbc;
        ParameterBinder.bind(ps, h.h2ToClient, h.nullTypes, values, h.targets, this::columnName);
        return ps;
    }

    /** The name of column {@code position} of the table an INSERT without a column list names (for its error message). */
    private String columnName(AssignmentTargets.Target target) {
        if (target.table().isEmpty()) {
            return null;
        }
        StringBuilder table = new StringBuilder();
        target.table().forEach(t -> table.append(t.toH2()));
        try (Statement st = session.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE FALSE")) {
            ResultSetMetaData md = rs.getMetaData();
            return target.position() < md.getColumnCount() ? md.getColumnName(target.position() + 1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private H2Prepared owned(Prepared statement) throws BackendException {
        Object handle = statement == null ? null : statement.handle();
        if (!(handle instanceof H2Prepared) || ((H2Prepared) handle).owner != this || !open.contains(handle)) {
            throw new BackendException(1243, "HY000", "Unknown prepared statement handler (" + (handle instanceof H2Prepared ? "closed" : "foreign")
                    + ") given to mysqld_stmt_execute");
        }
        return (H2Prepared) handle;
    }

    private static void checkArguments(H2Prepared h, List<Object> values) throws BackendException {
        if (values == null || values.size() != h.parameterCount) {
            throw new BackendException(1210, "HY000", "Incorrect arguments to mysqld_stmt_execute");
        }
    }

    /** Releases a statement; unknown or already closed handles are ignored. */
    void close(Prepared statement) {
        Object handle = statement == null ? null : statement.handle();
        if (handle instanceof H2Prepared && open.remove(handle)) {
            release((H2Prepared) handle);
        }
    }

    void closeAll() {
        for (H2Prepared h : open) {
            if (open.remove(h)) {
                release(h);
            }
        }
    }

    int size() {
        return open.size();
    }

    private static void release(H2Prepared h) {
        PreparedStatement ps = h.jdbc;
        h.jdbc = null;
        closeQuietly(ps);
    }

    private static void closeQuietly(PreparedStatement ps) {
        if (ps == null) {
            return;
        }
        try {
            ps.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "h2 backend: closing a prepared statement failed", e);
        }
    }
}
