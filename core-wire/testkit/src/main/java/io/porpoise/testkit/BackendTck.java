package io.porpoise.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.porpoise.backend.Backend;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.SessionInfo;
import io.porpoise.backend.UpdateResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every SQL backend passes, in MySQL's dialect: databases, DML round trips, update
 * counts, AUTO_INCREMENT, the common errors with errno and SQLSTATE, transaction isolation
 * between two sessions, streaming, a client that goes away mid-result, and cancellation.
 *
 * <p>Subclass it, implement {@link #newBackend(Path)}, and override {@link #longRunningQuery()}
 * when the backend has a statement that reliably runs for seconds (the cancel test is skipped
 * otherwise: there is no portable way to write one).
 *
 * <p>One class on purpose, although it is long: a backend author subclasses a single TCK and
 * implements one factory method; the tests in it are short and independent of each other.
 */
public abstract class BackendTck {
    private final AtomicLong connectionIds = new AtomicLong();

    @TempDir
    protected Path dataDir;

    /** The backend under test, started by {@link #newBackend(Path)}. */
    protected Backend backend;

    private final List<BackendSession> sessions = new ArrayList<>();

    /** A started backend keeping its data below {@code dataDir}. */
    protected abstract Backend newBackend(Path dataDir) throws Exception;

    /** A statement that runs for several seconds unless cancelled, or null when there is none. */
    protected String longRunningQuery() {
        return null;
    }

    @BeforeEach
    final void startBackend() throws Exception {
        backend = newBackend(dataDir);
    }

    @AfterEach
    final void stopBackend() {
        for (BackendSession s : sessions) {
            s.close();
        }
        sessions.clear();
        if (backend != null) {
            backend.close();
        }
    }

    /** Opens a session (closed after the test) with {@code schema} selected, or none for null. */
    protected final BackendSession session(String schema) throws BackendException {
        BackendSession s = backend.openSession(new SessionInfo(connectionIds.incrementAndGet(), "tck", "localhost", schema, Map.of()));
        sessions.add(s);
        return s;
    }

    /** Runs {@code sql}, records the outcome (a thrown BackendException counts as an error). */
    protected static RecordingResultSink run(BackendSession s, String sql) {
        RecordingResultSink sink = new RecordingResultSink();
        return run(s, sql, sink);
    }

    protected static RecordingResultSink run(BackendSession s, String sql, RecordingResultSink sink) {
        try {
            s.query(sql, sink);
        } catch (BackendException e) {
            sink.thrown(e);
        }
        return sink;
    }

    /** Runs a statement that must succeed without a result set. */
    protected static UpdateResult ok(BackendSession s, String sql) {
        RecordingResultSink sink = run(s, sql);
        try {
            return sink.expectOk();
        } catch (AssertionError e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e.getCause());
        }
    }

    /** Runs a query that must return a finished result set. */
    protected static List<List<Object>> rows(BackendSession s, String sql) {
        RecordingResultSink sink = run(s, sql);
        try {
            return sink.expectRows();
        } catch (AssertionError e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e.getCause());
        }
    }

    /** Runs a statement that must fail; returns the error. */
    protected static BackendException error(BackendSession s, String sql) {
        RecordingResultSink sink = run(s, sql);
        try {
            return sink.expectError();
        } catch (AssertionError e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e.getCause());
        }
    }

    protected static void assertError(int errno, String sqlState, BackendException e) {
        assertEquals(errno + "/" + sqlState, e.errorCode() + "/" + e.sqlState(), () -> "error: " + e.getMessage());
    }

    protected static long asLong(Object v) {
        assertInstanceOf(Number.class, v, () -> "value: " + v + " (expected: a number)");
        return ((Number) v).longValue();
    }

    /** A session with a fresh database {@code name} selected. */
    protected final BackendSession withDatabase(String name) throws BackendException {
        BackendSession s = session(null);
        ok(s, "CREATE DATABASE " + name);
        s.useSchema(name);
        return s;
    }

    @Test
    void createUseAndDropDatabase() throws Exception {
        BackendSession s = session(null);
        assertNull(s.currentSchema());
        ok(s, "CREATE DATABASE tck_db");
        ok(s, "CREATE DATABASE IF NOT EXISTS tck_db");
        List<Object> names = new ArrayList<>();
        for (List<Object> row : rows(s, "SHOW DATABASES")) {
            names.add(row.get(0));
        }
        assertTrue(names.contains("tck_db"), () -> "SHOW DATABASES: " + names);
        s.useSchema("tck_db");
        assertEquals("tck_db", s.currentSchema());
        ok(s, "CREATE TABLE t (a INT)");
        ok(s, "DROP DATABASE tck_db");
        BackendException e = assertThrows(BackendException.class, () -> s.useSchema("tck_db"));
        assertError(1049, "42000", e);
    }

    @Test
    void openSessionWithSchema() throws Exception {
        ok(session(null), "CREATE DATABASE tck_open");
        assertEquals("tck_open", session("tck_open").currentSchema());
        BackendException e = assertThrows(BackendException.class, () -> session("tck_missing"));
        assertError(1049, "42000", e);
    }

    @Test
    void unknownDatabaseIs1049() throws Exception {
        BackendSession s = session(null);
        BackendException e = assertThrows(BackendException.class, () -> s.useSchema("tck_nope"));
        assertError(1049, "42000", e);
        assertTrue(e.getMessage().contains("tck_nope"), e::getMessage);
        assertNull(s.currentSchema());
    }

    @Test
    void basicTypesRoundTrip() throws Exception {
        BackendSession s = withDatabase("tck_types");
        ok(s, "CREATE TABLE t (id INT NOT NULL PRIMARY KEY, b BIGINT, s VARCHAR(40), d DECIMAL(10,2), f DOUBLE, dt DATE, ts DATETIME, n INT)");
        ok(s, "INSERT INTO t VALUES (1, 9223372036854775807, 'h\u00e9llo \ud83d\udc2c', 12345678.90, 0.5, '2024-02-29', '2024-02-29 23:59:58', NULL)");
        RecordingResultSink sink = run(s, "SELECT id, b, s, d, f, dt, ts, n FROM t");
        List<List<Object>> r = sink.expectRows();
        assertEquals(1, r.size());
        List<Object> row = r.get(0);
        assertEquals(1L, asLong(row.get(0)));
        assertEquals(Long.MAX_VALUE, asLong(row.get(1)));
        assertEquals("h\u00e9llo \ud83d\udc2c", row.get(2));
        assertEquals(0, new BigDecimal("12345678.90").compareTo((BigDecimal) row.get(3)));
        assertEquals(0.5, ((Number) row.get(4)).doubleValue());
        assertEquals(LocalDate.of(2024, 2, 29), row.get(5));
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 58), row.get(6));
        assertNull(row.get(7));

        assertEquals(ColumnType.LONG, sink.column("id").type());
        assertTrue(sink.column("id").has(ColumnFlag.NOT_NULL));
        assertTrue(sink.column("id").has(ColumnFlag.PRI_KEY));
        assertEquals(ColumnType.LONGLONG, sink.column("b").type());
        assertEquals(ColumnType.VAR_STRING, sink.column("s").type());
        assertFalse(sink.column("s").isBinary());
        assertEquals(40, sink.column("s").length());
        assertEquals(ColumnType.NEWDECIMAL, sink.column("d").type());
        assertEquals(2, sink.column("d").decimals());
        assertEquals(ColumnType.DOUBLE, sink.column("f").type());
        assertEquals(ColumnType.DATE, sink.column("dt").type());
        assertEquals(ColumnType.DATETIME, sink.column("ts").type());
        assertFalse(sink.column("n").has(ColumnFlag.NOT_NULL));
        Column id = sink.column("id");
        assertEquals("tck_types", id.schema());
        assertEquals("t", id.table().toLowerCase(java.util.Locale.ROOT));
        assertEquals("id", id.orgName().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void updateCounts() throws Exception {
        BackendSession s = withDatabase("tck_counts");
        ok(s, "CREATE TABLE t (a INT, b VARCHAR(10))");
        assertEquals(3, ok(s, "INSERT INTO t VALUES (1, 'x'), (2, 'x'), (3, 'y')").affectedRows());
        assertEquals(2, ok(s, "UPDATE t SET a = a + 10 WHERE b = 'x'").affectedRows());
        assertEquals(0, ok(s, "UPDATE t SET a = 0 WHERE b = 'none'").affectedRows());
        assertEquals(1, ok(s, "DELETE FROM t WHERE b = 'y'").affectedRows());
        assertEquals(2L, asLong(run(s, "SELECT COUNT(*) FROM t").expectSingleValue()));
    }

    @Test
    void lastInsertId() throws Exception {
        BackendSession s = withDatabase("tck_ai");
        ok(s, "CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))");
        assertEquals(1, ok(s, "INSERT INTO t (v) VALUES ('a')").lastInsertId());
        assertEquals(2, ok(s, "INSERT INTO t (v) VALUES ('b')").lastInsertId());
        UpdateResult multi = ok(s, "INSERT INTO t (v) VALUES ('c'), ('d')");
        assertEquals(2, multi.affectedRows());
        // MySQL reports the first id generated by a multi-row insert.
        assertEquals(3, multi.lastInsertId());
        assertEquals(0, ok(s, "UPDATE t SET v = 'z' WHERE id = 1").lastInsertId());
    }

    @Test
    void commonErrors() throws Exception {
        BackendSession s = withDatabase("tck_err");
        ok(s, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(5) NOT NULL)");
        ok(s, "INSERT INTO t VALUES (1, 'a')");
        BackendException noTable = error(s, "SELECT * FROM no_such_table");
        assertError(1146, "42S02", noTable);
        assertEquals("Table 'tck_err.no_such_table' doesn't exist", noTable.getMessage());
        assertError(1064, "42000", error(s, "SELEKT 1"));
        BackendException dup = error(s, "INSERT INTO t VALUES (1, 'b')");
        assertError(1062, "23000", dup);
        assertTrue(dup.getMessage().startsWith("Duplicate entry '1' for key "), dup::getMessage);
        BackendException col = error(s, "SELECT nope FROM t");
        assertError(1054, "42S22", col);
        assertEquals("Unknown column 'nope' in 'field list'", col.getMessage());
        BackendException nul = error(s, "INSERT INTO t VALUES (2, NULL)");
        assertError(1048, "23000", nul);
        assertEquals("Column 'v' cannot be null", nul.getMessage());
        BackendException tooLong = error(s, "INSERT INTO t VALUES (3, 'abcdefgh')");
        assertError(1406, "22001", tooLong);
        assertEquals("Data too long for column 'v' at row 1", tooLong.getMessage());
        assertError(1050, "42S01", error(s, "CREATE TABLE t (x INT)"));
        assertError(1007, "HY000", error(s, "CREATE DATABASE tck_err"));
        assertError(1008, "HY000", error(s, "DROP DATABASE tck_never"));
        // The session is still usable after errors.
        assertEquals(1L, asLong(run(s, "SELECT COUNT(*) FROM t").expectSingleValue()));
    }

    @Test
    void noDatabaseSelected() throws Exception {
        BackendSession s = session(null);
        assertError(1046, "3D000", error(s, "CREATE TABLE t (a INT)"));
        assertError(1046, "3D000", error(s, "SELECT * FROM t"));
    }

    @Test
    void qualifiedNames() throws Exception {
        BackendSession s = session(null);
        ok(s, "CREATE DATABASE tck_q");
        ok(s, "CREATE TABLE tck_q.t (a INT)");
        ok(s, "INSERT INTO tck_q.t VALUES (7)");
        assertEquals(7L, asLong(run(s, "SELECT a FROM tck_q.t").expectSingleValue()));
        assertEquals(7L, asLong(run(s, "SELECT `a` FROM `tck_q`.`t`").expectSingleValue()));
    }

    @Test
    void transactionIsolationBetweenSessions() throws Exception {
        BackendSession a = withDatabase("tck_tx");
        BackendSession b = session("tck_tx");
        ok(a, "CREATE TABLE t (id INT PRIMARY KEY)");
        assertFalse(a.inTransaction());
        ok(a, "BEGIN");
        assertTrue(a.inTransaction());
        ok(a, "INSERT INTO t VALUES (1)");
        assertTrue(a.inTransaction());
        assertEquals(0L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));
        ok(a, "COMMIT");
        assertFalse(a.inTransaction());
        assertEquals(1L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));

        ok(a, "START TRANSACTION");
        ok(a, "INSERT INTO t VALUES (2)");
        ok(a, "ROLLBACK");
        assertFalse(a.inTransaction());
        assertEquals(1L, asLong(run(a, "SELECT COUNT(*) FROM t").expectSingleValue()));
        assertEquals(1L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));
    }

    @Test
    void autocommitOffKeepsChangesUntilCommit() throws Exception {
        BackendSession a = withDatabase("tck_ac");
        BackendSession b = session("tck_ac");
        ok(a, "CREATE TABLE t (id INT)");
        a.setAutocommit(false);
        ok(a, "INSERT INTO t VALUES (1)");
        assertTrue(a.inTransaction());
        assertEquals(0L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));
        ok(a, "COMMIT");
        assertFalse(a.inTransaction());
        assertEquals(1L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));
        ok(a, "INSERT INTO t VALUES (2)");
        ok(a, "ROLLBACK");
        assertEquals(1L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));
        ok(a, "INSERT INTO t VALUES (3)");
        // Turning autocommit back on commits the open transaction, as MySQL does.
        a.setAutocommit(true);
        assertFalse(a.inTransaction());
        assertEquals(2L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));
    }

    @Test
    void beginCommitsAnOpenTransaction() throws Exception {
        BackendSession a = withDatabase("tck_begin");
        BackendSession b = session("tck_begin");
        ok(a, "CREATE TABLE t (id INT)");
        ok(a, "BEGIN");
        ok(a, "INSERT INTO t VALUES (1)");
        ok(a, "BEGIN");
        assertEquals(1L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));
        ok(a, "ROLLBACK");
    }

    @Test
    void ddlCommitsImplicitly() throws Exception {
        BackendSession a = withDatabase("tck_ddl");
        BackendSession b = session("tck_ddl");
        ok(a, "CREATE TABLE t (id INT)");
        ok(a, "BEGIN");
        ok(a, "INSERT INTO t VALUES (1)");
        ok(a, "CREATE TABLE u (id INT)");
        assertFalse(a.inTransaction());
        ok(a, "ROLLBACK");
        assertEquals(1L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));
    }

    @Test
    void closeRollsBack() throws Exception {
        BackendSession a = withDatabase("tck_close");
        ok(a, "CREATE TABLE t (id INT)");
        ok(a, "BEGIN");
        ok(a, "INSERT INTO t VALUES (1)");
        a.close();
        BackendSession b = session("tck_close");
        assertEquals(0L, asLong(run(b, "SELECT COUNT(*) FROM t").expectSingleValue()));
    }

    @Test
    void resetRollsBack() throws Exception {
        BackendSession a = withDatabase("tck_reset");
        ok(a, "CREATE TABLE t (id INT)");
        ok(a, "BEGIN");
        ok(a, "INSERT INTO t VALUES (1)");
        a.reset();
        assertFalse(a.inTransaction());
        assertEquals(0L, asLong(run(a, "SELECT COUNT(*) FROM tck_reset.t").expectSingleValue()));
    }

    /** Fills {@code t(id INT, v VARCHAR)} with ids 1..rows using multi-row inserts. */
    protected static void fill(BackendSession s, int rows) {
        ok(s, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(32))");
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            sql.append(sql.length() == 0 ? "INSERT INTO t VALUES " : ", ").append('(').append(i).append(", 'row ").append(i).append("')");
            if (i % 1000 == 0 || i == rows) {
                ok(s, sql.toString());
                sql.setLength(0);
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void streamsManyRows() throws Exception {
        BackendSession s = withDatabase("tck_stream");
        fill(s, 100_000);
        RecordingResultSink sink = run(s, "SELECT id, v FROM t ORDER BY id", RecordingResultSink.countingOnly());
        assertTrue(sink.finished(), sink::describe);
        assertEquals(100_000, sink.rowCount());
    }

    @Test
    void clientGoneStopsProduction() throws Exception {
        BackendSession s = withDatabase("tck_gone");
        fill(s, 5_000);
        RecordingResultSink sink = run(s, "SELECT id, v FROM t", RecordingResultSink.clientGoneAfter(10));
        assertEquals(10, sink.rowCount());
        assertEquals(11, sink.rowAttempts(), "rows offered after the client went away");
        assertFalse(sink.finished());
        // The statement was released: the session keeps working.
        assertEquals(5_000L, asLong(run(s, "SELECT COUNT(*) FROM t").expectSingleValue()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void cancelInterruptsALongQuery() throws Exception {
        String sql = longRunningQuery();
        assumeTrue(sql != null, "backend has no long-running query");
        BackendSession s = withDatabase("tck_cancel");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            Future<RecordingResultSink> f = pool.submit(() -> run(s, sql));
            Thread.sleep(500);
            assertFalse(f.isDone(), "query finished before it could be cancelled");
            s.cancel();
            BackendException e = f.get(30, TimeUnit.SECONDS).expectError();
            assertError(1317, "70100", e);
            assertEquals("Query execution was interrupted", e.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30));
            // The next statement is not affected by the earlier cancel.
            assertEquals(1L, asLong(run(s, "SELECT 1").expectSingleValue()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancelWithoutRunningStatementIsHarmless() throws Exception {
        BackendSession s = withDatabase("tck_idle");
        s.cancel();
        assertEquals(1L, asLong(run(s, "SELECT 1").expectSingleValue()));
    }
}
