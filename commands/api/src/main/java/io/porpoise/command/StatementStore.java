package io.porpoise.command;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.Prepared;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A session's prepared statements. Ids are unique per connection; the number of statements
 * server-wide is bounded by {@code max_prepared_stmt_count}. Closing a statement releases its
 * cursor and the backend's statement.
 */
@ProviderType
public interface StatementStore {

    /**
     * Registers a statement.
     *
     * @throws BackendException ER_MAX_PREPARED_STMT_COUNT_REACHED when the server-wide limit is reached
     */
    ServerStatement add(String sql, Prepared prepared, int parameterCount, List<Column> parameters, List<Column> columns)
            throws BackendException;

    Optional<ServerStatement> get(long id);

    /** Closes one statement; false when there was none. */
    boolean close(long id);

    /** Closes every statement (COM_RESET_CONNECTION, COM_CHANGE_USER, disconnect). */
    void closeAll();

    int size();
}
