package io.porpoise.it;

import static io.porpoise.it.AccountsIT.mysql;
import static io.porpoise.it.AccountsIT.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are throttled per host, exponentially, like MySQL's connection-control, without
 * telling an unknown user from a wrong password.
 */
class ThrottleIT {

    /** Milliseconds a failed login took, with its message. */
    private record Attempt(long millis, String message) {
    }

    private static Attempt fail(ServerFixture fx, String user, String password) {
        long start = System.nanoTime();
        // An unknown user may be taken through caching_sha2_password's full authentication (as a real
        // account would be): the client needs the RSA key for it.
        SQLException e = assertThrows(SQLException.class, () -> mysql(fx, user, password, "&allowPublicKeyRetrieval=true"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1045, e.getErrorCode(), e.getMessage());
        assertEquals("28000", e.getSQLState());
        return new Attempt(ms, e.getMessage());
    }

    private static String delaysGenerated(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Connection_control_delay_generated'")) {
            assertTrue(rs.next(), "Connection_control_delay_generated listed");
            return rs.getString(2);
        }
    }

    @Test
    void failuresAboveTheThresholdAreDelayedExponentially() throws Exception {
        try (ServerFixture fx = ServerFixture.start(); Connection root = fx.mysql("")) {
            run(root, "CREATE USER vic IDENTIFIED WITH mysql_native_password BY 'right'",
                    "SET GLOBAL connection_control_failed_connections_threshold = 2",
                    "SET GLOBAL connection_control_min_connection_delay = 600",
                    "SET GLOBAL connection_control_max_connection_delay = 1500");
            assertEquals("0", delaysGenerated(root));
            Attempt first = fail(fx, "vic", "wrong");
            Attempt second = fail(fx, "nobody", "wrong");
            assertTrue(first.millis() < 600 && second.millis() < 600, first + " " + second);
            assertEquals("Access denied for user 'vic'@'localhost' (using password: YES)", first.message());
            assertEquals("Access denied for user 'nobody'@'localhost' (using password: YES)", second.message(),
                    "an unknown user gets the same message");
            Attempt third = fail(fx, "nobody", "wrong");
            Attempt fourth = fail(fx, "vic", "wrong");
            Attempt fifth = fail(fx, "vic", "wrong");
            assertTrue(third.millis() >= 600, "the third failure waits the minimum delay: " + third);
            assertTrue(fourth.millis() >= 1200, "then it doubles: " + fourth);
            assertTrue(fifth.millis() >= 1500 && fifth.millis() < 2900, "up to the maximum: " + fifth);
            try (Statement s = root.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT * FROM INFORMATION_SCHEMA.CONNECTION_CONTROL_FAILED_LOGIN_ATTEMPTS")) {
                assertTrue(rs.next());
                assertEquals("'%'@'localhost'", rs.getString("USERHOST"));
                assertEquals(5, rs.getLong("FAILED_ATTEMPTS"));
            }
            long start = System.nanoTime();
            mysql(fx, "vic", "right", "").close();
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 1500, "a success after failures is delayed too, as in MySQL");
            assertEquals("4", delaysGenerated(root), "the third, fourth and fifth failure and the success were delayed");
            start = System.nanoTime();
            mysql(fx, "vic", "right", "").close();
            assertTrue((System.nanoTime() - start) / 1_000_000 < 600, "and resets the count");
            assertEquals("4", delaysGenerated(root));
            try (Statement s = root.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT USERHOST, FAILED_ATTEMPTS FROM INFORMATION_SCHEMA.CONNECTION_CONTROL_FAILED_LOGIN_ATTEMPTS")) {
                assertTrue(!rs.next(), "no host with failures left");
            }
            // Unprivileged accounts may not change the throttle.
            try (Connection v = mysql(fx, "vic", "right", "")) {
                assertEquals(1227, assertThrows(SQLException.class,
                        () -> run(v, "SET GLOBAL connection_control_failed_connections_threshold = 0")).getErrorCode());
            }
        }
    }
}
