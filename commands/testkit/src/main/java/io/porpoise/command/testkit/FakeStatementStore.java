package io.porpoise.command.testkit;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.Prepared;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.StatementStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A statement store like the server's: ids count up from {@link #nextId}; closing releases the
 * cursor and is recorded as an event. {@link #addFailure}, when set, is thrown by {@link #add}
 * (max_prepared_stmt_count).
 */
public final class FakeStatementStore implements StatementStore {
    private final List<String> events;
    public final Map<Long, ServerStatement> byId = new LinkedHashMap<>();
    public long nextId = 1;
    public BackendException addFailure;

    /** A store recording {@code statements.close} and {@code statements.closeAll} into {@code events}. */
    public FakeStatementStore(List<String> events) {
        this.events = events;
    }

    @Override
    public ServerStatement add(String sql, Prepared prepared, int parameterCount, List<Column> parameters, List<Column> columns)
            throws BackendException {
        if (addFailure != null) {
            throw addFailure;
        }
        ServerStatement s = new ServerStatement(nextId++, sql, prepared, parameterCount, parameters, columns);
        byId.put(s.id(), s);
        return s;
    }

    @Override
    public Optional<ServerStatement> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public boolean close(long id) {
        events.add("statements.close " + id);
        ServerStatement s = byId.remove(id);
        if (s != null) {
            s.cursor(null);
        }
        return s != null;
    }

    @Override
    public void closeAll() {
        events.add("statements.closeAll");
        byId.values().forEach(s -> s.cursor(null));
        byId.clear();
    }

    @Override
    public int size() {
        return byId.size();
    }
}
