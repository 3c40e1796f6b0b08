package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SHOW [GLOBAL|SESSION] STATUS through Connector/J: the counters move as traffic does. */
class StatusIT {
    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> status(Statement s, String sql) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            assertEquals("Variable_name", rs.getMetaData().getColumnLabel(1));
            assertEquals("Value", rs.getMetaData().getColumnLabel(2));
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    @Test
    void sessionCountersFollowThisConnection() throws SQLException {
        try (Connection c = server.mysql(""); Statement s = c.createStatement()) {
            Map<String, String> before = status(s, "SHOW SESSION STATUS LIKE 'Bytes%'");
            assertEquals(2, before.size(), before.toString());
            try (ResultSet rs = s.executeQuery("SELECT REPEAT('x', 100000)")) {
                assertTrue(rs.next());
            }
            Map<String, String> after = status(s, "SHOW STATUS WHERE Variable_name = 'Bytes_sent' OR Variable_name LIKE 'Questions'");
            assertEquals(2, after.size(), after.toString());
            long sent = Long.parseLong(after.get("Bytes_sent")) - Long.parseLong(before.get("Bytes_sent"));
            assertTrue(sent > 100_000, "Bytes_sent grew by " + sent);
            assertTrue(Long.parseLong(after.get("Questions")) >= 3, after.toString());
        }
    }

    @Test
    void transportFactsAreTruthful() throws SQLException {
        try (Connection c = server.mysql(""); Statement s = c.createStatement()) {
            Map<String, String> m = status(s, "SHOW SESSION STATUS WHERE Variable_name IN ('Ssl_cipher', 'Ssl_version', 'Compression', "
                    + "'Compression_algorithm', 'Compression_level')");
            assertEquals("", m.get("Ssl_cipher"));
            assertEquals("", m.get("Ssl_version"));
            assertEquals("OFF", m.get("Compression"));
            assertEquals("", m.get("Compression_algorithm"));
            assertEquals("0", m.get("Compression_level"));
        }
    }

    @Test
    void globalCountersSeeOtherConnections() throws SQLException {
        try (Connection c = server.mysql(""); Statement s = c.createStatement()) {
            Map<String, String> g = status(s, "SHOW GLOBAL STATUS");
            long connections = Long.parseLong(g.get("Connections"));
            assertTrue(Long.parseLong(g.get("Threads_connected")) >= 1, g.toString());
            assertTrue(Long.parseLong(g.get("Threads_running")) >= 1, "this SHOW runs: " + g);
            assertTrue(Long.parseLong(g.get("Uptime")) >= 0);
            assertFalse(g.containsKey("Compression"), "Compression is session-only");
            try (Connection other = server.mysql("")) {
                Map<String, String> g2 = status(s, "SHOW GLOBAL STATUS LIKE 'Connections'");
                assertEquals(connections + 1, Long.parseLong(g2.get("Connections")));
                assertTrue(Long.parseLong(status(s, "SHOW GLOBAL STATUS LIKE 'Max_used_connections'").get("Max_used_connections")) >= 2);
            }
        }
    }

    @Test
    void failedLoginsAreAbortedConnects() throws SQLException {
        try (Connection c = server.mysql(""); Statement s = c.createStatement()) {
            long before = Long.parseLong(status(s, "SHOW GLOBAL STATUS LIKE 'Aborted_connects'").get("Aborted_connects"));
            try (Connection bad = java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                    + "/?user=nobody&password=x&sslMode=DISABLED&allowPublicKeyRetrieval=true")) {
                throw new AssertionError("login should fail");
            } catch (SQLException expected) {
                assertEquals(1045, expected.getErrorCode());
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            long after;
            do {
                after = Long.parseLong(status(s, "SHOW GLOBAL STATUS LIKE 'Aborted_connects'").get("Aborted_connects"));
            } while (after == before && System.nanoTime() < deadline);
            assertEquals(before + 1, after);
        }
    }
}
