package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.SessionInfo;
import io.porpoise.testkit.RecordingResultSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A started backend on a temporary directory with one session and a database selected. */
final class H2Fixture implements AutoCloseable {
    final H2Backend backend;
    final BackendSession session;

    H2Fixture(Path dir, String database) throws BackendException {
        backend = new H2Backend();
        backend.start(TestContext.of(dir));
        session = open(null);
        if (database != null) {
            ok("CREATE DATABASE IF NOT EXISTS " + database);
            session.useSchema(database);
        }
    }

    BackendSession open(String schema) throws BackendException {
        return backend.openSession(new SessionInfo(1, "test", "localhost", schema, Map.of()));
    }

    RecordingResultSink run(String sql) {
        RecordingResultSink sink = new RecordingResultSink();
        try {
            session.query(sql, sink);
        } catch (BackendException e) {
            sink.thrown(e);
        }
        return sink;
    }

    void ok(String sql) {
        RecordingResultSink s = run(sql);
        try {
            s.expectOk();
        } catch (AssertionError e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e.getCause());
        }
    }

    List<List<Object>> rows(String sql) {
        RecordingResultSink s = run(sql);
        try {
            return s.expectRows();
        } catch (AssertionError e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e.getCause());
        }
    }

    /** The rows of a query that must succeed on {@code s}. */
    static List<List<Object>> rowsOf(BackendSession s, String sql) {
        RecordingResultSink sink = new RecordingResultSink();
        try {
            s.query(sql, sink);
        } catch (BackendException e) {
            sink.thrown(e);
        }
        return sink.expectRows();
    }

    /** The values of one column of a result, as strings (null stays null). */
    List<String> column(String sql, int index) {
        List<String> out = new ArrayList<>();
        for (List<Object> r : rows(sql)) {
            out.add(r.get(index) == null ? null : r.get(index).toString());
        }
        return out;
    }

    BackendException error(String sql) {
        RecordingResultSink s = run(sql);
        try {
            return s.expectError();
        } catch (AssertionError e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        session.close();
        backend.close();
    }
}
