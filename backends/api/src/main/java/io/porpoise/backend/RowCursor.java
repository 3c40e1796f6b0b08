package io.porpoise.backend;

import java.util.List;

/**
 * A result read in batches: the server pulls rows as the client fetches them
 * (COM_STMT_FETCH), so a backend never holds more than it needs and the client decides the pace.
 * Used from the session's thread only.
 */
public interface RowCursor extends AutoCloseable {

    List<Column> columns();

    /** The next row, one value per column (types as in {@link RowWriter}), or null at the end. */
    Object[] next() throws BackendException;

    /** Releases the result; called once, also when not read to the end. */
    @Override
    void close();
}
