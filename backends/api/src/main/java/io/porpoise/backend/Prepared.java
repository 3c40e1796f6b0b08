package io.porpoise.backend;

import java.util.List;

/**
 * A statement a backend has prepared. The server keeps it (with the statement id, the bound
 * parameter types, long data and any open cursor) and hands it back on each execution; the
 * backend's own state lives in {@code handle}, which the server never looks into.
 *
 * @param handle the backend's context for this statement (a JDBC PreparedStatement, a plan, ...)
 * @param parameters one column per {@code ?} placeholder, in order (types are advisory: clients
 *     send their own)
 * @param columns the result columns, empty for a statement without a result set
 */
public record Prepared(Object handle, List<Column> parameters, List<Column> columns) {
    public Prepared {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
    }
}
