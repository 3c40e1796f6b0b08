package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multi-statements and multi-results with real clients: Connector/J and MariaDB Connector/J with
 * {@code allowMultiQueries}, Connector/J's batches that switch multi-statements on with
 * COM_SET_OPTION, and the {@code mariadb} CLI.
 */
class MultiStatementIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() throws SQLException {
        fx = ServerFixture.start();
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE multi_db");
        }
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** Walks all results of the statement's execution: "rows a,b" for a result set, "count n" for an update count. */
    static List<String> results(Statement s, boolean first) throws SQLException {
        List<String> out = new ArrayList<>();
        boolean isResultSet = first;
        while (true) {
            if (isResultSet) {
                try (ResultSet rs = s.getResultSet()) {
                    StringBuilder sb = new StringBuilder("rows");
                    while (rs.next()) {
                        sb.append(' ').append(rs.getString(1));
                    }
                    out.add(sb.toString());
                }
            } else {
                int count = s.getUpdateCount();
                if (count == -1) {
                    return out;
                }
                out.add("count " + count);
            }
            isResultSet = s.getMoreResults();
        }
    }

    static void table(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE multi_db." + name + " (id INT PRIMARY KEY, v VARCHAR(20))");
        }
    }

    static List<String> ids(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM multi_db." + table + " ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void connectorJRunsEachStatementAndWalksTheResults() throws Exception {
        try (Connection c = fx.mysql("&allowMultiQueries=true"); Statement s = c.createStatement()) {
            table(c, "cj");
            boolean first = s.execute("INSERT INTO multi_db.cj VALUES (1, 'a;b'), (2, 'x'); SELECT id FROM multi_db.cj ORDER BY id;"
                    + " UPDATE multi_db.cj SET v = 'y' WHERE id >= 1;\n-- trailing comment\n");
            assertEquals(List.of("count 2", "rows 1 2", "count 2"), results(s, first));
            // Server-level statements go through the interceptors inside a batch too.
            first = s.execute("SET @m = 5; SELECT @m; USE multi_db; SELECT DATABASE(); SELECT @@autocommit");
            assertEquals(List.of("count 0", "rows 5", "count 0", "rows multi_db", "rows 1"), results(s, first));
        }
    }

    /** The first error ends the batch: earlier statements stay applied, later ones never run, the connection goes on. */
    @Test
    void connectorJErrorInTheMiddleStopsTheBatch() throws Exception {
        try (Connection c = fx.mysql("&allowMultiQueries=true"); Statement s = c.createStatement()) {
            table(c, "cj_err");
            SQLException e = assertThrows(SQLException.class, () -> {
                boolean first = s.execute("INSERT INTO multi_db.cj_err VALUES (1, 'a'); INSERT INTO multi_db.nope VALUES (2);"
                        + " INSERT INTO multi_db.cj_err VALUES (3, 'c')");
                results(s, first);
            });
            assertEquals(1146, e.getErrorCode());
            assertEquals("42S02", e.getSQLState());
            assertEquals(List.of("1"), ids(c, "cj_err"));
            try (ResultSet rs = s.executeQuery("SELECT 42")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
        }
    }

    /** Without allowMultiQueries the client does not ask for CLIENT_MULTI_STATEMENTS: MySQL's 1064, nothing runs. */
    @Test
    void withoutMultiStatementsASecondStatementIsASyntaxError() throws Exception {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            table(c, "single");
            SQLException e = assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO multi_db.single VALUES (1, 'a'); SELECT 2"));
            assertEquals(1064, e.getErrorCode());
            assertEquals("42000", e.getSQLState());
            assertTrue(e.getMessage().endsWith("near 'SELECT 2' at line 1"), e.getMessage());
            assertEquals(List.of(), ids(c, "single"));
            // One statement with a trailing ';' is still one statement.
            assertFalse(s.execute("INSERT INTO multi_db.single VALUES (2, 'b');"));
            assertEquals(List.of("2"), ids(c, "single"));
        }
    }

    /**
     * Connector/J runs a Statement batch of more than four statements as one multi-statement text
     * when rewriteBatchedStatements is on, switching CLIENT_MULTI_STATEMENTS on with COM_SET_OPTION for it and off afterwards.
     */
    @Test
    void connectorJBatchUsesComSetOption() throws Exception {
        try (Connection c = fx.mysql("&rewriteBatchedStatements=true"); Statement s = c.createStatement()) {
            table(c, "batch");
            long before = questions(s);
            for (int i = 1; i <= 5; i++) {
                s.addBatch("INSERT INTO multi_db.batch VALUES (" + i + ", 'a')");
            }
            s.addBatch("UPDATE multi_db.batch SET v = 'z' WHERE id > 3");
            s.addBatch("DELETE FROM multi_db.batch WHERE id = 9");
            assertEquals(List.of(1, 1, 1, 1, 1, 2, 0), java.util.Arrays.stream(s.executeBatch()).boxed().toList());
            // Not seven COM_QUERYs (which with the SHOW STATUS would be 8 questions): the multi-statement text
            // was accepted on a connection without CLIENT_MULTI_STATEMENTS, so COM_SET_OPTION switched it on.
            long sent = questions(s) - before;
            assertTrue(sent < 8, "questions: " + sent);
            assertEquals(List.of("1", "2", "3", "4", "5"), ids(c, "batch"));
            // Switched off again afterwards: a multi-statement text is refused.
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT 1; SELECT 2"));
            assertEquals(1064, e.getErrorCode());
        }
    }

    /** This session's Questions: one per command received. */
    static long questions(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Questions'")) {
            assertTrue(rs.next());
            return rs.getLong(2);
        }
    }

    @Test
    void mariadbConnectorRunsEachStatement() throws Exception {
        try (Connection c = fx.mariadb("&allowMultiQueries=true"); Statement s = c.createStatement()) {
            table(c, "mdb");
            boolean first = s.execute("INSERT INTO multi_db.mdb VALUES (1, 'a'); SELECT id FROM multi_db.mdb; UPDATE multi_db.mdb"
                    + " SET v = 'b'; SELECT 'it''s; fine', 2;");
            assertEquals(List.of("count 1", "rows 1", "count 1", "rows it's; fine"), results(s, first));
            SQLException e = assertThrows(SQLException.class, () -> {
                boolean f = s.execute("SELECT 1; SELECT * FROM multi_db.nope; INSERT INTO multi_db.mdb VALUES (9, 'x')");
                results(s, f);
            });
            assertEquals(1146, e.getErrorCode());
            assertEquals(List.of("1"), ids(c, "mdb"));
        }
        try (Connection c = fx.mariadb(""); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT 1; SELECT 2"));
            assertEquals(1064, e.getErrorCode());
            assertEquals("42000", e.getSQLState());
        }
    }

    /**
     * The mariadb CLI connects with CLIENT_MULTI_STATEMENTS. It splits -e text at ';' itself, but
     * with another DELIMITER it sends several statements in one COM_QUERY and prints every result.
     */
    @Test
    void mariadbCliPrintsEveryResult() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mariadb")) || System.getenv("CI") != null, "mariadb client not installed");
        MariaDbCliIT.Result r = MariaDbCliIT.mariadb(fx.port(), "-uroot", "-e", "select 1; select 2");
        assertEquals(0, r.exit(), r.err());
        assertEquals("1\n1\n2\n2\n", r.out());
        MariaDbCliIT.Result batch = MariaDbCliIT.mariadb(fx.port(), "-uroot", "-e",
                "DELIMITER //\nselect 1 AS a; select 'x;y' AS b; select @@autocommit AS c //");
        assertEquals(0, batch.exit(), batch.err());
        assertEquals("a\n1\nb\nx;y\nc\n1\n", batch.out());
        MariaDbCliIT.Result failing = MariaDbCliIT.mariadb(fx.port(), "-uroot", "-e",
                "DELIMITER //\nselect 1 AS a; select * from multi_db.nope; select 3 AS c //");
        assertEquals(1, failing.exit());
        assertEquals("a\n1\n", failing.out());
        assertTrue(failing.err().contains("ERROR 1146 (42S02)"), failing.err());
    }
}
