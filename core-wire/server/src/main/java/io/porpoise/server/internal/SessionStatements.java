package io.porpoise.server.internal;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Column;
import io.porpoise.backend.Prepared;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.StatementStore;
import io.porpoise.command.SystemVariables;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerErrors;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One session's prepared statements. The server-wide count (for {@code max_prepared_stmt_count})
 * is shared by all sessions; every close path gives its slot back and releases the cursor and
 * the backend's statement, so nothing leaks across prepare/close cycles or disconnects.
 */
final class SessionStatements implements StatementStore {
    private static final System.Logger LOG = System.getLogger(SessionStatements.class.getName());

    private final BackendSession backend;
    private final SystemVariables globals;
    private final AtomicInteger serverWide;
    private final Map<Long, ServerStatement> statements = new HashMap<>();
    private long nextId = 1;

    SessionStatements(BackendSession backend, SystemVariables globals, AtomicInteger serverWide) {
        this.backend = backend;
        this.globals = globals;
        this.serverWide = serverWide;
    }

    @Override
    public ServerStatement add(String sql, Prepared prepared, int parameterCount, List<Column> parameters, List<Column> columns)
            throws BackendException {
        long limit = globals.global("max_prepared_stmt_count") instanceof Long ? (Long) globals.global("max_prepared_stmt_count") : 16382;
        if (serverWide.incrementAndGet() > limit) {
            serverWide.decrementAndGet();
            if (prepared != null) {
                backend.closeStatement(prepared);
            }
            ServerError e = ServerErrors.of("ER_MAX_PREPARED_STMT_COUNT_REACHED");
            throw new BackendException(e.code(), e.sqlState(), e.format(limit));
        }
        ServerStatement s = new ServerStatement(nextId++, sql, prepared, parameterCount, parameters, columns);
        statements.put(s.id(), s);
        return s;
    }

    @Override
    public Optional<ServerStatement> get(long id) {
        return Optional.ofNullable(statements.get(id));
    }

    @Override
    public boolean close(long id) {
        ServerStatement s = statements.remove(id);
        if (s == null) {
            return false;
        }
        release(s);
        return true;
    }

    @Override
    public void closeAll() {
        for (ServerStatement s : statements.values()) {
            release(s);
        }
        statements.clear();
    }

    @Override
    public int size() {
        return statements.size();
    }

    private void release(ServerStatement s) {
        serverWide.decrementAndGet();
        try {
            s.cursor(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the cursor of statement " + s.id() + " failed", e);
        }
        if (s.prepared() != null) {
            backend.closeStatement(s.prepared());
        }
    }
}
