package io.porpoise.backend;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One client connection's view of a backend.
 *
 * <p>Threading: the server calls a session from one thread at a time (calls are serialized per
 * connection, different connections run concurrently) and never from a network event loop, so
 * methods may block. {@link #cancel()} is the exception: it comes from another thread
 * ({@code KILL QUERY}).
 *
 * <p>SQL arrives as a {@code String} already decoded from the client's character set.
 */
@ConsumerType
public interface BackendSession extends AutoCloseable {

    /**
     * Runs one SQL statement and completes {@code sink} exactly once: with an update result,
     * an error, or a result set. Throwing a {@link BackendException} instead is the same as
     * completing with that error (also after rows were sent: the result set then ends in ERR).
     */
    void query(String sql, ResultSink sink) throws BackendException;

    /**
     * {@link #query(String, ResultSink)} for a statement with string literals whose text does not
     * carry the client's bytes (see {@link EncodedString}): a backend that stores them by the
     * target column's type (bytes into binary columns, strictly converted text into text columns)
     * overrides this; the default runs the text as it is, where such a literal is its decoded
     * text, or a hex literal when the bytes are not text.
     *
     * @param literals those literals, in the order of the text, positions relative to {@code sql}
     */
    default void query(String sql, java.util.List<StringLiteral> literals, ResultSink sink) throws BackendException {
        query(sql, sink);
    }

    /**
     * Prepares a statement with {@code ?} placeholders (COM_STMT_PREPARE). Statements the
     * backend refuses to prepare fail with the error MySQL gives for them. The default throws
     * {@link PrepareUnsupportedException}: the server then emulates prepared statements over
     * {@link #query} by substituting the parameters as literals.
     */
    default Prepared prepare(String sql) throws BackendException {
        throw new PrepareUnsupportedException();
    }

    /**
     * Executes a prepared statement with one value per parameter (types as in {@link RowWriter},
     * null for NULL, and {@link EncodedString} for a string whose decoded text would not carry
     * the client's bytes); completes {@code sink} like {@link #query}.
     */
    default void execute(Prepared statement, java.util.List<Object> parameters, ResultSink sink) throws BackendException {
        throw new BackendException(1295, "HY000", "This command is not supported in the prepared statement protocol yet");
    }

    /**
     * Executes a prepared statement that has result columns and keeps its result open to be
     * read in batches (a read-only cursor). The default runs {@link #execute} and holds every row
     * in memory; backends with real cursors override it to stream.
     */
    default RowCursor openCursor(Prepared statement, java.util.List<Object> parameters) throws BackendException {
        return BufferedCursor.of(this, statement, parameters);
    }

    /** Releases a prepared statement (COM_STMT_CLOSE, connection reset or close). Never throws. */
    default void closeStatement(Prepared statement) {
    }

    /** Makes {@code schema} the current database ({@code USE}, COM_INIT_DB). */
    default void useSchema(String schema) throws BackendException {
        throw new BackendException(1049, "42000", "Unknown database '" + schema + "'");
    }

    /** The current database, or null when none is selected ({@code DATABASE()}). */
    default String currentSchema() {
        return null;
    }

    /** Whether a transaction is open (drives SERVER_STATUS_IN_TRANS). */
    default boolean inTransaction() {
        return false;
    }

    /** {@code SET autocommit}: turning it on commits an open transaction, as MySQL does. */
    default void setAutocommit(boolean autocommit) throws BackendException {
        if (!autocommit) {
            throw new BackendException(1235, "42000", "This version of MySQL doesn't yet support 'autocommit=0 on this backend'");
        }
    }

    /** COM_RESET_CONNECTION / COM_CHANGE_USER: roll back and forget session state. */
    default void reset() throws BackendException {
    }

    /**
     * Interrupts the statement running in this session, if any ({@code KILL QUERY}); called
     * from another thread. The interrupted call completes with ER_QUERY_INTERRUPTED (1317/70100).
     */
    default void cancel() {
    }

    /** The connection is gone: roll back and release everything. Never throws. */
    @Override
    default void close() {
    }
}
