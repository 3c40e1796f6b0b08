package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Connector/J (latest) against a real server over loopback. */
class ConnectorJIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void logsInWithEmptyPasswordAndAnswersStartupQueries() throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT @@version, @@session.autocommit, DATABASE(), CONNECTION_ID(), USER()");
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("8.4"));
            assertEquals(1, rs.getInt(2));
            assertNull(rs.getString(3));
            assertTrue(rs.getLong(4) > 0);
            assertEquals("root@localhost", rs.getString(5));
            assertTrue(c.isValid(2));
        }
    }

    @Test
    void wrongPasswordIsAccessDenied() {
        SQLException e = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + fx.port() + "/?user=root&password=nope&sslMode=DISABLED&allowPublicKeyRetrieval=true"));
        assertEquals(1045, e.getErrorCode());
        assertEquals("28000", e.getSQLState());
        SQLException unknown = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + fx.port() + "/?user=ghost&password=nope&sslMode=DISABLED&allowPublicKeyRetrieval=true"));
        assertEquals(1045, unknown.getErrorCode());
        assertEquals(e.getMessage().replace("root", "ghost"), unknown.getMessage());
    }

    @Test
    void typesRoundTripExactly() throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS types_db");
            s.execute("USE types_db");
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, b TINYINT(1), i INT, bi BIGINT, bu BIGINT UNSIGNED, d DECIMAL(30,10),"
                    + " f FLOAT, db DOUBLE, ch CHAR(5), vc VARCHAR(100), tx TEXT, bl BLOB, vb VARBINARY(300), dt DATE, tm TIME,"
                    + " dtm DATETIME(6), ts TIMESTAMP, js JSON)");
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = (byte) i;
            }
            String hex = HexFormat.of().formatHex(all);
            s.execute("INSERT INTO t VALUES (1, 1, -2147483648, -9223372036854775808, 18446744073709551615,"
                    + " 12345678901234567890.0123456789, 1.5, 1.7976931348623157E308, 'abc', 'h\u00e9llo \uD83D\uDC2C', 'text \u4e2d\u6587',"
                    + " X'" + hex + "', X'" + hex + "', '2024-02-29', '23:59:58', '2024-01-02 03:04:05.123456', '2024-05-06 07:08:09',"
                    + " '{\"a\": [1, 2]}')");
            s.execute("INSERT INTO t (id) VALUES (2)");
            ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY id");
            assertTrue(rs.next());
            assertTrue(rs.getBoolean("b"));
            assertEquals(Integer.MIN_VALUE, rs.getInt("i"));
            assertEquals(Long.MIN_VALUE, rs.getLong("bi"));
            assertEquals(new BigInteger("18446744073709551615"), rs.getObject("bu"));
            assertEquals(new BigDecimal("12345678901234567890.0123456789"), rs.getBigDecimal("d"));
            assertEquals(1.5f, rs.getFloat("f"));
            assertEquals(Double.MAX_VALUE, rs.getDouble("db"));
            assertEquals("abc", rs.getString("ch"));
            assertEquals("h\u00e9llo \uD83D\uDC2C", rs.getString("vc"));
            assertEquals("text \u4e2d\u6587", rs.getString("tx"));
            assertArrayEquals(all, rs.getBytes("bl"));
            assertArrayEquals(all, rs.getBytes("vb"));
            assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("dt", LocalDate.class));
            assertEquals(LocalTime.of(23, 59, 58), rs.getObject("tm", LocalTime.class));
            assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123456000), rs.getObject("dtm", LocalDateTime.class));
            assertEquals(LocalDateTime.of(2024, 5, 6, 7, 8, 9), rs.getObject("ts", LocalDateTime.class));
            assertTrue(rs.getString("js").replace(" ", "").equals("{\"a\":[1,2]}"));
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(Types.BIT, md.getColumnType(2), "TINYINT(1) is BIT/Boolean for Connector/J");
            assertEquals(Types.INTEGER, md.getColumnType(3));
            assertEquals(Types.BIGINT, md.getColumnType(4));
            assertEquals("BIGINT UNSIGNED", md.getColumnTypeName(5));
            assertEquals(Types.DECIMAL, md.getColumnType(6));
            assertEquals(30, md.getPrecision(6));
            assertEquals(10, md.getScale(6));
            assertEquals(Types.CHAR, md.getColumnType(9));
            assertEquals(Types.VARCHAR, md.getColumnType(10));
            assertEquals(Types.LONGVARCHAR, md.getColumnType(11));
            assertEquals(Types.LONGVARBINARY, md.getColumnType(12));
            assertEquals(Types.VARBINARY, md.getColumnType(13));
            assertEquals(Types.DATE, md.getColumnType(14));
            assertEquals(Types.TIME, md.getColumnType(15));
            assertEquals(Types.TIMESTAMP, md.getColumnType(16));
            assertEquals("JSON", md.getColumnTypeName(18));
            assertTrue(rs.next());
            for (int col = 2; col <= 18; col++) {
                assertNull(rs.getObject(col), "column " + col + " of the NULL row");
            }
            assertFalse(rs.next());
        }
    }

    @Test
    void errorsCarryErrnoAndSqlState() throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS err_db");
            s.execute("USE err_db");
            s.execute("CREATE TABLE e (id INT PRIMARY KEY, n VARCHAR(3) NOT NULL)");
            s.execute("INSERT INTO e VALUES (1, 'a')");
            assertError(s, "SELEC 1", 1064, "42000");
            assertError(s, "SELECT * FROM nothere", 1146, "42S02");
            assertError(s, "SELECT nocol FROM e", 1054, "42S22");
            assertError(s, "INSERT INTO e VALUES (1, 'b')", 1062, "23000");
            assertError(s, "USE no_such_db", 1049, "42000");
            assertError(s, "INSERT INTO e VALUES (2, NULL)", 1048, "23000");
            assertError(s, "INSERT INTO e VALUES (3, 'toolong')", 1406, "22001");
            assertError(s, "SET @@session.no_such_variable = 1", 1193, "HY000");
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM e");
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "the connection is still usable after errors");
        }
    }

    @Test
    void lengthCountsBytesAsInMySql() throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT LENGTH('h\u00e9'), CHAR_LENGTH('h\u00e9'), LENGTH(X'00FF80')")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
            assertEquals(2, rs.getInt(2));
            assertEquals(3, rs.getInt(3));
        }
    }

    static void assertError(Statement s, String sql, int errno, String sqlState) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals(errno, e.getErrorCode(), sql + ": " + e.getMessage());
        assertEquals(sqlState, e.getSQLState(), sql + ": " + e.getMessage());
    }

    @Test
    void commitAndRollbackVisibilityAcrossConnections() throws SQLException {
        try (Connection a = fx.mysql(""); Connection b = fx.mysql(""); Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            sa.execute("CREATE DATABASE IF NOT EXISTS tx_db");
            sa.execute("CREATE TABLE tx_db.acct (id INT PRIMARY KEY, v INT)");
            a.setAutoCommit(false);
            sa.execute("INSERT INTO tx_db.acct VALUES (1, 10)");
            assertEquals(0, count(sb, "SELECT COUNT(*) FROM tx_db.acct"), "uncommitted row is invisible");
            a.rollback();
            sa.execute("INSERT INTO tx_db.acct VALUES (2, 20)");
            a.commit();
            assertEquals(1, count(sb, "SELECT COUNT(*) FROM tx_db.acct WHERE id = 2"));
            assertEquals(0, count(sb, "SELECT COUNT(*) FROM tx_db.acct WHERE id = 1"), "rolled back row is gone");
            a.setAutoCommit(true);
            sb.execute("BEGIN");
            sb.execute("INSERT INTO tx_db.acct VALUES (3, 30)");
            sb.execute("ROLLBACK");
            assertEquals(0, count(sa, "SELECT COUNT(*) FROM tx_db.acct WHERE id = 3"));
        }
    }

    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void streamsOneHundredThousandRows() throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE);
            long sum = 0;
            int n = 0;
            try (ResultSet rs = s.executeQuery("SELECT X FROM SYSTEM_RANGE(1, 100000)")) {
                while (rs.next()) {
                    sum += rs.getLong(1);
                    n++;
                }
            }
            assertEquals(100_000, n);
            assertEquals(100_000L * 100_001 / 2, sum);
        }
    }

    @Test
    void twentyMebibyteValueRoundTrips() throws SQLException {
        byte[] big = new byte[20 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(big);
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS big_db");
            s.execute("CREATE TABLE big_db.blobs (id INT PRIMARY KEY, v LONGBLOB)");
            s.execute("INSERT INTO big_db.blobs VALUES (1, X'" + HexFormat.of().formatHex(big) + "')");
            try (ResultSet rs = s.executeQuery("SELECT v FROM big_db.blobs WHERE id = 1")) {
                assertTrue(rs.next());
                assertArrayEquals(big, rs.getBytes(1));
            }
        }
    }

    @Test
    void databaseMetaDataBrowsesSchemas() throws SQLException {
        try (Connection c = fx.mysql("&databaseTerm=SCHEMA"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS meta_db");
            s.execute("CREATE TABLE meta_db.people (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
            DatabaseMetaData md = c.getMetaData();
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertTrue(schemas.contains("meta_db"), schemas.toString());
            try (ResultSet rs = md.getTables(null, "meta_db", "%", new String[] {"TABLE"})) {
                assertTrue(rs.next());
                assertEquals("people", rs.getString("TABLE_NAME"));
            }
            try (ResultSet rs = md.getColumns(null, "meta_db", "people", "%")) {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
                assertEquals(Types.BIGINT, rs.getInt("DATA_TYPE"));
                assertEquals("YES", rs.getString("IS_AUTOINCREMENT"));
                assertTrue(rs.next());
                assertEquals("name", rs.getString("COLUMN_NAME"));
                assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
                assertEquals(40, rs.getInt("COLUMN_SIZE"));
                assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
            }
            try (ResultSet rs = md.getPrimaryKeys(null, "meta_db", "people")) {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
            }
        }
    }

    @Test
    void lastInsertIdAndAffectedRows() throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS ai_db");
            s.execute("CREATE TABLE ai_db.a (id INT AUTO_INCREMENT PRIMARY KEY, v INT)");
            assertEquals(1, s.executeUpdate("INSERT INTO ai_db.a (v) VALUES (5)", Statement.RETURN_GENERATED_KEYS));
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertTrue(keys.next());
                assertEquals(1, keys.getLong(1));
            }
            s.executeUpdate("INSERT INTO ai_db.a (v) VALUES (6), (7)");
            assertEquals(3, s.executeUpdate("UPDATE ai_db.a SET v = v + 1"));
        }
    }

    @Test
    void queryTimeoutKillsTheRunningStatement() throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            assertThrows(java.sql.SQLTimeoutException.class,
                    () -> s.executeQuery("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b"));
            assertTrue(System.nanoTime() - start < 30_000_000_000L, "interrupted, not run to the end");
            s.setQueryTimeout(0);
            assertEquals(2, count(s, "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 2)"), "the connection is usable afterwards");
        }
    }

    @Test
    void processListAndKill() throws SQLException {
        try (Connection a = fx.mysql(""); Connection b = fx.mysql(""); Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            long idB = count(sb, "SELECT CONNECTION_ID()");
            boolean seen = false;
            try (ResultSet rs = sa.executeQuery("SHOW FULL PROCESSLIST")) {
                while (rs.next()) {
                    seen |= rs.getLong("Id") == idB && rs.getString("User").equals("root");
                }
            }
            assertTrue(seen, "connection " + idB + " listed");
            sa.execute("KILL " + idB);
            assertThrows(SQLException.class, () -> sb.executeQuery("SELECT 1 FROM SYSTEM_RANGE(1, 1)"));
            assertError(sa, "KILL 999999", 1094, "HY000");
        }
    }

    @Test
    void clientVanishingMidResultLeavesServerHealthy() throws Exception {
        Connection c = fx.mysql("");
        Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        s.setFetchSize(Integer.MIN_VALUE);
        ResultSet rs = s.executeQuery("SELECT X, REPEAT('x', 200) FROM SYSTEM_RANGE(1, 2000000)");
        for (int i = 0; i < 10; i++) {
            assertTrue(rs.next());
        }
        c.abort(Runnable::run);
        try (Connection again = fx.mysql(""); Statement s2 = again.createStatement()) {
            assertEquals(3, count(s2, "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 3)"));
        }
    }
}
