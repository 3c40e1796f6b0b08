package io.porpoise.backend.h2;

import static io.porpoise.backend.h2.H2PreparedTypesTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Prepared;
import io.porpoise.testkit.RecordingResultSink;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Prepared statements: statements the session answers itself, refusals, errors, transactions and cancellation. */
final class H2PreparedStatementTest {
    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "pst");
        db.ok("CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, a INT, v VARCHAR(20))");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Prepared prepare(String sql) throws BackendException {
        return db.session.prepare(sql);
    }

    private BackendException prepareError(String sql) {
        return assertThrows(BackendException.class, () -> db.session.prepare(sql), sql);
    }

    private static void assertError(int errno, String sqlState, BackendException e) {
        assertEquals(errno + "/" + sqlState, e.errorCode() + "/" + e.sqlState(), e.getMessage());
    }

    @Test
    void sessionStatementsArePreparedDeferred() throws Exception {
        Prepared create = prepare("CREATE DATABASE other");
        assertTrue(create.parameters().isEmpty());
        assertTrue(((H2Prepared) create.handle()).isDeferred());
        assertEquals(1L, execute(db, create).expectOk().affectedRows());
        assertError(1007, "HY000", execute(db, create).expectError());

        execute(db, prepare("CREATE TABLE other.x (id BIGINT UNSIGNED PRIMARY KEY, b TINYINT(1))")).expectOk();
        Prepared show = prepare("SHOW TABLES FROM other");
        RecordingResultSink s = execute(db, show);
        assertEquals(List.of(List.of("x")), s.expectRows());
        assertEquals("Tables_in_other", s.columns().get(0).name());
        assertEquals(List.of("id", "b"), execute(db, prepare("DESCRIBE other.x")).expectRows().stream().map(r -> r.get(0)).toList());
        execute(db, prepare("ALTER TABLE other.x ADD COLUMN c DATETIME(6)")).expectOk();
        assertEquals("datetime(6)", db.column("SHOW COLUMNS FROM other.x", 1).get(2));
        execute(db, prepare("TRUNCATE TABLE other.x")).expectOk();
        execute(db, prepare("DROP TABLE other.x")).expectOk();
        assertEquals(0L, execute(db, prepare("DROP DATABASE other")).expectOk().affectedRows());
        execute(db, prepare("LOCK TABLES t WRITE")).expectOk();
        execute(db, prepare("UNLOCK TABLES")).expectOk();
    }

    @Test
    void transactionsThroughPreparedStatements() throws Exception {
        Prepared begin = prepare("BEGIN");
        Prepared insert = prepare("INSERT INTO t (a) VALUES (?)");
        Prepared rollback = prepare("ROLLBACK");
        Prepared start = prepare("START TRANSACTION");
        Prepared commit = prepare("COMMIT");
        execute(db, begin).expectOk();
        assertTrue(db.session.inTransaction());
        execute(db, insert, 1).expectOk();
        execute(db, rollback).expectOk();
        assertFalse(db.session.inTransaction());
        assertEquals(0L, ((Number) db.run("SELECT COUNT(*) FROM t").expectSingleValue()).longValue());
        execute(db, start).expectOk();
        execute(db, insert, 2).expectOk();
        BackendSession other = db.open("pst");
        try {
            assertEquals(List.of(), H2Fixture.rowsOf(other, "SELECT a FROM t"));
            execute(db, commit).expectOk();
            assertEquals(List.of(List.of(2)), H2Fixture.rowsOf(other, "SELECT a FROM t"));
        } finally {
            other.close();
        }
        // autocommit off: the prepared INSERT opens a transaction; DDL commits it implicitly.
        db.session.setAutocommit(false);
        execute(db, insert, 3).expectOk();
        assertTrue(db.session.inTransaction());
        execute(db, prepare("CREATE TABLE u (x INT)")).expectOk();
        assertFalse(db.session.inTransaction());
        db.session.setAutocommit(true);
    }

    @Test
    void deferredStatementsTakeParametersAsLiterals() throws Exception {
        db.ok("INSERT INTO t (a, v) VALUES (1, 'x'), (2, 'y'), (3, 'z')");
        Prepared p = prepare("CREATE TABLE copy AS SELECT id, v FROM t WHERE a >= ? AND v <> ?");
        assertEquals(2, p.parameters().size());
        execute(db, p, 2, "it's \\ ?").expectOk();
        assertEquals(List.of("y", "z"), db.column("SELECT v FROM copy ORDER BY id", 0));
        assertError(1210, "HY000", execute(db, p, 2).expectError());
    }

    @Test
    void statementsH2CannotTypeRunWithLiterals() throws Exception {
        Prepared p = prepare("SELECT COALESCE(?, ?), 1 - ?, GREATEST(?, ?) AS g");
        assertEquals(5, p.parameters().size());
        assertTrue(((H2Prepared) p.handle()).isDeferred());
        String tricky = "it's \\ a \"?\" -- no comment";
        RecordingResultSink s = execute(db, p, null, tricky, -5, 2.5, 1L);
        assertEquals(List.of("COALESCE(?, ?)", "1 - ?", "g"), s.columnNames());
        List<Object> row = s.expectRows().get(0);
        assertEquals(tricky, row.get(0));
        assertEquals(6L, ((Number) row.get(1)).longValue());
        assertEquals(0, new java.math.BigDecimal("2.5").compareTo(new java.math.BigDecimal(row.get(2).toString())));
        assertEquals("x", execute(db, prepare("SELECT ? AS v UNION SELECT ?"), "x", "x").expectRows().get(0).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PREPARE s FROM 'SELECT 1'", "EXECUTE s", "DEALLOCATE PREPARE s", "DROP PREPARE s", "execute s USING @a"})
    void statementsMySqlRefusesToPrepare(String sql) {
        BackendException e = prepareError(sql);
        assertError(1295, "HY000", e);
        assertEquals("This command is not supported in the prepared statement protocol yet", e.getMessage());
    }

    @Test
    void errorsAtPrepare() {
        BackendException e = prepareError("SELEC 1 FROM t WHERE id = ?");
        assertError(1064, "42000", e);
        assertTrue(e.getMessage().startsWith("You have an error in your SQL syntax"), e.getMessage());
        e = prepareError("SELECT * FROM nope WHERE id = ?");
        assertError(1146, "42S02", e);
        assertEquals("Table 'pst.nope' doesn't exist", e.getMessage());
        assertError(1146, "42S02", prepareError("SELECT * FROM nodb.t"));
        assertError(1054, "42S22", prepareError("SELECT zz FROM t WHERE id = ?"));
        assertError(1065, "42000", prepareError("  -- nothing\n"));
        e = prepareError("SELECT 1; SELECT 2");
        assertError(1064, "42000", e);
        assertTrue(e.getMessage().contains("near 'SELECT 2' at line 1"), e.getMessage());
        assertTrue(assertDoesNotThrow("SELECT 1;"));
    }

    private boolean assertDoesNotThrow(String sql) {
        try {
            return prepare(sql).columns().size() == 1;
        } catch (BackendException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    @Test
    void wrongParameterCountAndUnknownHandles() throws Exception {
        Prepared p = prepare("SELECT id FROM t WHERE id = ? OR a = ?");
        assertError(1210, "HY000", execute(db, p, 1).expectError());
        assertEquals("Incorrect arguments to mysqld_stmt_execute", execute(db, p, 1, 2, 3).expectError().getMessage());
        db.session.closeStatement(p);
        db.session.closeStatement(p);
        assertError(1243, "HY000", execute(db, p, 1, 2).expectError());
        BackendSession other = db.open("pst");
        try {
            Prepared foreign = other.prepare("SELECT 1");
            assertError(1243, "HY000", execute(db, foreign).expectError());
        } finally {
            other.close();
        }
    }

    @Test
    void insertReportsGeneratedKeyAndLastInsertIdFollows() throws Exception {
        Prepared insert = prepare("INSERT INTO t (a, v) VALUES (?, ?)");
        assertEquals(1L, execute(db, insert, 10, "a").expectOk().lastInsertId());
        Prepared last = prepare("SELECT LAST_INSERT_ID(), DATABASE()");
        assertEquals(List.of(1L, "pst"), execute(db, last).expectRows().get(0));
        assertEquals(2L, execute(db, insert, 20, "b").expectOk().lastInsertId());
        db.ok("CREATE DATABASE pst2");
        db.session.useSchema("pst2");
        assertEquals(List.of(2L, "pst2"), execute(db, last).expectRows().get(0));
        db.session.useSchema("pst");
        Prepared update = prepare("UPDATE t SET v = ? WHERE a > ?");
        assertEquals(2L, execute(db, update, "c", 0).expectOk().affectedRows());
        assertEquals(0L, execute(db, prepare("DELETE FROM t WHERE id = ?"), 99).expectOk().affectedRows());
    }

    @Test
    void havingAliasesKeepParameterOrder() throws Exception {
        db.ok("INSERT INTO t (a, v) VALUES (1, 'x'), (2, 'y'), (3, 'z')");
        // MySQL resolves x in HAVING to the select item, whose parameter H2 then sees twice.
        Prepared p = prepare("SELECT id, a + ? AS x FROM t WHERE v <> ? HAVING x > ? ORDER BY id");
        assertEquals(3, p.parameters().size());
        assertFalse(((H2Prepared) p.handle()).isDeferred());
        assertEquals(4, ((H2Prepared) p.handle()).h2ToClient.length);
        assertEquals(List.of(List.of(3, 13L)), execute(db, p, 10L, "x", 12).expectRows().stream()
                .map(r -> List.<Object>of(r.get(0), ((Number) r.get(1)).longValue())).toList());
        Prepared grouped = prepare("SELECT v, COUNT(*) + ? AS n FROM t GROUP BY v HAVING n > ? ORDER BY v");
        assertEquals(List.of("x", "y", "z"), execute(db, grouped, 5, 5).expectRows().stream().map(r -> r.get(0)).toList());
        assertEquals(List.of(), execute(db, grouped, 5, 6).expectRows());
    }

    @Test
    void clientGoneReleasesTheStatement() throws Exception {
        db.ok("INSERT INTO t (a) SELECT X FROM SYSTEM_RANGE(1, 1000)");
        Prepared p = prepare("SELECT id, a FROM t WHERE a > ?");
        RecordingResultSink gone = RecordingResultSink.clientGoneAfter(5);
        db.session.execute(p, List.of(0), gone);
        assertEquals(5, gone.rowCount());
        assertFalse(gone.finished());
        assertEquals(1000, execute(db, p, 0).expectRows().size());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void cancelInterruptsAPreparedStatement() throws Exception {
        Prepared p = prepare("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b WHERE a.X + b.X = ?");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RecordingResultSink> f = pool.submit(() -> execute(db, p, 0));
            Thread.sleep(500);
            assertFalse(f.isDone(), "statement finished before it could be cancelled");
            db.session.cancel();
            BackendException e = f.get(30, TimeUnit.SECONDS).expectError();
            assertError(1317, "70100", e);
            assertEquals("Query execution was interrupted", e.getMessage());
            // The statement and the session stay usable.
            Prepared quick = prepare("SELECT ? + 1");
            assertEquals(2L, ((Number) execute(db, quick, 1).expectSingleValue()).longValue());
        } finally {
            pool.shutdownNow();
        }
    }
}
