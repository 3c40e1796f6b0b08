package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MariaDB Connector/J against a real server over loopback. */
class MariaDbConnectorIT {
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
    void connectsQueriesAndReportsErrors() throws SQLException {
        try (Connection c = fx.mariadb(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS m_db");
            s.execute("USE m_db");
            s.execute("CREATE TABLE m (id INT PRIMARY KEY, d DECIMAL(12,3), t DATETIME(6), v VARCHAR(20), b VARBINARY(4))");
            s.execute("INSERT INTO m VALUES (1, -123456789.125, '2020-12-31 23:59:59.999999', 'z\u00fcrich', X'00FF7F80')");
            try (ResultSet rs = s.executeQuery("SELECT * FROM m")) {
                assertTrue(rs.next());
                assertEquals(new BigDecimal("-123456789.125"), rs.getBigDecimal("d"));
                assertEquals(LocalDateTime.of(2020, 12, 31, 23, 59, 59, 999999000), rs.getObject("t", LocalDateTime.class));
                assertEquals("z\u00fcrich", rs.getString("v"));
                assertArrayEquals(new byte[] {0, (byte) 0xFF, 0x7F, (byte) 0x80}, rs.getBytes("b"));
            }
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM m_db.missing"));
            assertEquals(1146, e.getErrorCode());
            assertEquals("42S02", e.getSQLState());
            c.setAutoCommit(false);
            s.execute("INSERT INTO m (id) VALUES (2)");
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(1, ConnectorJIT.count(s, "SELECT COUNT(*) FROM m"));
        }
    }

    @Test
    void metadataBrowsing() throws SQLException {
        try (Connection c = fx.mariadb(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS mm_db");
            s.execute("CREATE TABLE mm_db.items (id INT PRIMARY KEY, label VARCHAR(10))");
            DatabaseMetaData md = c.getMetaData();
            boolean found = false;
            try (ResultSet rs = md.getCatalogs()) {
                while (rs.next()) {
                    found |= rs.getString(1).equals("mm_db");
                }
            }
            assertTrue(found);
            try (ResultSet rs = md.getTables("mm_db", null, "%", null)) {
                assertTrue(rs.next());
                assertEquals("items", rs.getString("TABLE_NAME"));
            }
            try (ResultSet rs = md.getColumns("mm_db", null, "items", "%")) {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
                assertTrue(rs.next());
                assertEquals("label", rs.getString("COLUMN_NAME"));
            }
            try (ResultSet rs = md.getPrimaryKeys("mm_db", null, "items")) {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
            }
        }
    }
}
