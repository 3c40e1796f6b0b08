package io.porpoise.command.testkit;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.charset.Collation;
import io.porpoise.command.ProcessList;
import io.porpoise.command.SessionContext;
import io.porpoise.command.SessionVariables;
import io.porpoise.command.StatementStore;
import io.porpoise.command.StatusVariables;
import io.porpoise.command.SystemVariables;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.ServerStatus;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session of user {@code app} from localhost (account {@code app@%}) with real system and
 * session variables and a {@link FakeStatementStore}; the backend is whatever the test puts in
 * (by default it refuses every query). {@code useSchema} is recorded as an event before it goes to
 * the backend. Open for a module's test to override what only it needs.
 */
public class FakeSession implements SessionContext {
    /** The event list shared with the context; a subclass records what it adds here too. */
    protected final List<String> events;
    public final SystemVariables globals = SystemVariables.withDefaults();
    public final SessionVariables variables = globals.newSession();
    public final Map<String, Object> userVariables = new HashMap<>();
    public final FakeStatementStore statements;
    public Charset clientCharset = StandardCharsets.UTF_8;
    public ServerStatus status = ServerStatus.AUTOCOMMIT;
    public BackendSession backend = (sql, sink) -> {
        throw new UnsupportedOperationException("backend query: " + sql);
    };

    /** A session recording its events ({@code useSchema}, statement closes) into {@code events}. */
    public FakeSession(List<String> events) {
        this.events = events;
        this.statements = new FakeStatementStore(events);
    }

    @Override
    public long connectionId() {
        return 1;
    }

    @Override
    public String user() {
        return "app";
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public String accountName() {
        return "app@%";
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.NONE;
    }

    @Override
    public BackendSession backend() {
        return backend;
    }

    @Override
    public SystemVariables globalVariables() {
        return globals;
    }

    @Override
    public SessionVariables variables() {
        return variables;
    }

    @Override
    public Charset clientCharset() {
        return clientCharset;
    }

    @Override
    public Collation resultsCollation() {
        throw new UnsupportedOperationException("resultsCollation");
    }

    @Override
    public void useSchema(String schema) throws BackendException {
        events.add("useSchema " + schema);
        backend.useSchema(schema);
    }

    @Override
    public Map<String, Object> userVariables() {
        return userVariables;
    }

    @Override
    public int lastWarningCount() {
        return 0;
    }

    @Override
    public StatementStore statements() {
        return statements;
    }

    @Override
    public ServerStatus status() {
        return status;
    }

    @Override
    public ProcessList processList() {
        throw new UnsupportedOperationException("processList");
    }

    @Override
    public StatusVariables statusVariables() {
        throw new UnsupportedOperationException("SHOW STATUS is not used by these tests");
    }

    @Override
    public String serverVersion() {
        return "8.4.0-porpoise";
    }
}
