package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.RowCursor;
import java.lang.System.Logger.Level;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A cursor over an open forward-only JDBC result: rows are read as the client fetches them,
 * never collected here. H2 holds a query's result itself, spilling rows beyond its
 * MAX_MEMORY_ROWS to a temporary file, so a large result keeps the heap bounded. Values convert
 * exactly as in {@code query()} results ({@link ResultShape}).
 */
final class JdbcRowCursor implements RowCursor {
    private static final System.Logger LOG = System.getLogger(JdbcRowCursor.class.getName());

    /** Maps an H2 error while reading to the MySQL error. */
    interface ErrorMapper {
        BackendException map(SQLException e);
    }

    private final ResultSet rs;
    private final ResultShape shape;
    private final ErrorMapper errors;
    private boolean done;

    JdbcRowCursor(ResultSet rs, ResultShape shape, ErrorMapper errors) {
        this.rs = rs;
        this.shape = shape;
        this.errors = errors;
    }

    @Override
    public List<Column> columns() {
        return shape.columns();
    }

    @Override
    public Object[] next() throws BackendException {
        if (done) {
            return null;
        }
        try {
            if (rs.next()) {
                return shape.read(rs);
            }
        } catch (SQLException e) {
            close();
            throw errors.map(e);
        }
        // Read to the end: H2 can drop the result (and its temporary file) now.
        close();
        return null;
    }

    @Override
    public void close() {
        done = true;
        try {
            rs.close();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "h2 backend: closing a cursor's result failed", e);
        }
    }
}
