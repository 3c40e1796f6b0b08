package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.testkit.RecordingResultSink;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** H2 errors as MySQL errno, SQLSTATE and message. */
final class H2ErrorMappingTest {
    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "err");
        db.ok("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(5) NOT NULL, n TINYINT, UNIQUE KEY uk_v (v))");
        db.ok("CREATE TABLE m (a INT, b INT, PRIMARY KEY (a, b))");
        db.ok("CREATE TABLE p (id INT PRIMARY KEY)");
        db.ok("CREATE TABLE c (pid INT, CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id))");
        db.ok("INSERT INTO t VALUES (1, 'a', 0)");
        db.ok("INSERT INTO m VALUES (1, 2)");
        db.ok("INSERT INTO p VALUES (1)");
        db.ok("INSERT INTO c VALUES (1)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELEC 1|1064|42000|You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC 1' at line 1",
        "SELECT * FROM nope|1146|42S02|Table 'err.nope' doesn't exist",
        "SELECT zz FROM t|1054|42S22|Unknown column 'zz' in 'field list'",
        "INSERT INTO t VALUES (1, 'b', 0)|1062|23000|Duplicate entry '1' for key 't.PRIMARY'",
        "INSERT INTO t VALUES (2, 'a', 0)|1062|23000|Duplicate entry 'a' for key 't.uk_v'",
        "INSERT INTO m VALUES (1, 2)|1062|23000|Duplicate entry '1-2' for key 'm.PRIMARY'",
        "INSERT INTO t VALUES (3, NULL, 0)|1048|23000|Column 'v' cannot be null",
        "INSERT INTO t VALUES (4, 'toolong', 0)|1406|22001|Data too long for column 'v' at row 1",
        "CREATE TABLE t (x INT)|1050|42S01|Table 't' already exists",
        "CREATE DATABASE err|1007|HY000|Can't create database 'err'; database exists",
        "DROP DATABASE nope|1008|HY000|Can't drop database 'nope'; database doesn't exist",
        "INSERT INTO t VALUES (5, 'x', 300)|1264|22003|Out of range value for column 'n' at row 1",
        "SELECT 1 / 0|1365|22012|Division by 0",
        "DELETE FROM p|1451|23000|",
        "INSERT INTO c VALUES (9)|1452|23000|",
        "DROP TABLE nope|1051|42S02|Unknown table 'err.nope'",
        "''|1065|42000|Query was empty",
        "SELECT * FROM nodb.t|1146|42S02|Table 'nodb.t' doesn't exist",
        "SELECT c.pid FROM c JOIN NoDb.x ON 1 = 1|1146|42S02|Table 'NoDb.x' doesn't exist",
        "INSERT INTO nodb.t VALUES (1)|1146|42S02|Table 'nodb.t' doesn't exist",
        "INSERT INTO t SELECT * FROM `nodb`.`src`|1146|42S02|Table 'nodb.src' doesn't exist",
        "REPLACE INTO nodb.t VALUES (1)|1146|42S02|Table 'nodb.t' doesn't exist",
        "UPDATE nodb.t SET a = 1|1146|42S02|Table 'nodb.t' doesn't exist",
        "DELETE FROM nodb.t WHERE a = 1|1146|42S02|Table 'nodb.t' doesn't exist",
        "SELECT nodb.t.id FROM t|1054|42S22|Unknown column 'nodb.t.id' in 'field list'",
        "SELECT * FROM information_schema.nope|1146|42S02|Table 'information_schema.nope' doesn't exist",
        "CREATE TABLE nodb.t (a INT)|1049|42000|Unknown database 'nodb'",
        "USE nodb|1049|42000|Unknown database 'nodb'",
        "SHOW TABLES FROM nodb|1049|42000|Unknown database 'nodb'",
    })
    void mapsErrors(String sql, int errno, String sqlState, String message) {
        BackendException e = db.error(sql.equals("''") ? "  /* nothing */ " : sql);
        assertEquals(errno + "/" + sqlState, e.errorCode() + "/" + e.sqlState(), e.getMessage());
        if (message != null && !message.isEmpty()) {
            assertEquals(message, e.getMessage());
        }
    }

    @Test
    void unknownDatabaseAndNoDatabase() throws Exception {
        BackendSession none = db.open(null);
        RecordingResultSink s = new RecordingResultSink();
        try {
            none.query("SELECT * FROM t", s);
        } catch (BackendException e) {
            s.thrown(e);
        }
        assertEquals(1046, s.expectError().errorCode());
        assertEquals("3D000", s.expectError().sqlState());
        // A qualified table names its database: no current one is needed to report it missing.
        assertEquals("1146 Table 'err.nope' doesn't exist", errnoAndMessage(none, "SELECT * FROM err.nope"));
        assertEquals("1146 Table 'nodb.t' doesn't exist", errnoAndMessage(none, "SELECT * FROM nodb.t"));
        assertEquals("1146 Table 'nodb.t' doesn't exist", errnoAndMessage(none, "DELETE FROM nodb.t"));
        BackendException e = org.junit.jupiter.api.Assertions.assertThrows(BackendException.class, () -> none.useSchema("missing"));
        assertEquals("Unknown database 'missing'", e.getMessage());
        none.close();
    }

    @Test
    void lockTimeoutIs1205() throws Exception {
        db.close();
        H2Backend b = new H2Backend();
        b.start(new TestContext(dir.resolve("lock"), Map.of(H2Backend.LOCK_TIMEOUT_PROPERTY, "200")));
        try (H2Fixture unused = null) {
            BackendSession a = b.openSession(new io.porpoise.backend.SessionInfo(1, "u", "h", null, Map.of()));
            BackendSession c = b.openSession(new io.porpoise.backend.SessionInfo(2, "u", "h", null, Map.of()));
            run(a, "CREATE DATABASE l");
            a.useSchema("l");
            c.useSchema("l");
            run(a, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            run(a, "INSERT INTO t VALUES (1, 0)");
            run(a, "BEGIN");
            run(a, "UPDATE t SET v = 1 WHERE id = 1");
            BackendException e = CompletableFuture.supplyAsync(() -> error(c, "UPDATE t SET v = 2 WHERE id = 1")).get(10, TimeUnit.SECONDS);
            assertEquals(1205, e.errorCode());
            assertEquals("HY000", e.sqlState());
            assertTrue(e.getMessage().startsWith("Lock wait timeout exceeded"));
            run(a, "ROLLBACK");
        } finally {
            b.close();
            db = new H2Fixture(dir.resolve("again"), null);
        }
    }

    private static void run(BackendSession s, String sql) throws BackendException {
        RecordingResultSink sink = new RecordingResultSink();
        s.query(sql, sink);
        sink.expectOk();
    }

    private static String errnoAndMessage(BackendSession s, String sql) {
        BackendException e = error(s, sql);
        return e.errorCode() + " " + e.getMessage();
    }

    private static BackendException error(BackendSession s, String sql) {
        RecordingResultSink sink = new RecordingResultSink();
        try {
            s.query(sql, sink);
        } catch (BackendException e) {
            sink.thrown(e);
        }
        return sink.expectError();
    }
}
