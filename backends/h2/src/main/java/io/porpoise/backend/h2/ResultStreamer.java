package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.ClientGoneException;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.UpdateResult;
import java.lang.System.Logger.Level;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

/**
 * Forwards what an executed JDBC statement produced to a {@link ResultSink}: the update count
 * and generated AUTO_INCREMENT value, or the rows one at a time (the sink applies backpressure,
 * so nothing is buffered here). Text statements and prepared statements share it.
 */
final class ResultStreamer {
    private static final System.Logger LOG = System.getLogger(ResultStreamer.class.getName());

    private ResultStreamer() {
    }

    /**
     * Completes {@code sink} with the outcome of {@code st}, just executed.
     *
     * @param hasResult what {@code execute} returned
     * @param insert whether generated keys were requested (INSERT, REPLACE)
     * @param names MySQL's names for the result columns (nullable)
     * @param canceled polled between rows: true ends the result with ER_QUERY_INTERRUPTED
     * @return the generated AUTO_INCREMENT value, or 0
     */
    static long forward(Statement st, boolean hasResult, boolean insert, ColumnNames names, ColumnMapper mapper, BooleanSupplier canceled,
            ResultSink sink) throws BackendException, SQLException {
        if (!hasResult) {
            long count = st.getLargeUpdateCount();
            long id = insert ? firstGeneratedKey(st) : 0;
            sink.ok(new UpdateResult(Math.max(0, count), id, 0, ""));
            return id;
        }
        try (ResultSet rs = st.getResultSet()) {
            ResultShape shape = ResultShape.of(mapper, rs.getMetaData(), names);
            RowWriter w = sink.columns(shape.columns());
            while (rs.next()) {
                if (canceled.getAsBoolean()) {
                    throw Errors.interrupted();
                }
                try {
                    w.row(shape.read(rs));
                } catch (ClientGoneException gone) {
                    LOG.log(Level.DEBUG, "h2 backend: client gone, statement abandoned: {0}", gone.getMessage());
                    return 0;
                }
            }
            w.finish();
        }
        return 0;
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
}
