package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Logins with passwords: caching_sha2_password (RSA full auth, then the fast path), native, auth switch. */
class AuthIT {

    private static Connection connect(int port, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?user=root&password=" + password
                + "&sslMode=DISABLED" + options);
    }

    private static String user(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void cachingSha2FullAuthenticationThenFastPath() throws SQLException {
        try (ServerFixture fx = ServerFixture.start(b -> b.initialRootPassword("s3cret!"))) {
            SQLException noKey = assertThrows(SQLException.class, () -> connect(fx.port(), "s3cret!", ""));
            assertEquals("08001", noKey.getSQLState(), noKey.getMessage());
            try (Connection c = connect(fx.port(), "s3cret!", "&allowPublicKeyRetrieval=true")) {
                assertEquals("root@localhost", user(c));
            }
            // The cache is now filled: the fast path needs no public key.
            try (Connection c = connect(fx.port(), "s3cret!", "")) {
                assertEquals("root@localhost", user(c));
            }
            SQLException wrong = assertThrows(SQLException.class, () -> connect(fx.port(), "wrong", "&allowPublicKeyRetrieval=true"));
            assertEquals(1045, wrong.getErrorCode());
            assertEquals("28000", wrong.getSQLState());
        }
    }

    @Test
    void otherClientsCompleteFullAuthentication() throws Exception {
        try (ServerFixture fx = ServerFixture.start(b -> b.initialRootPassword("m4ria"))) {
            SQLException noKey = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    "jdbc:mariadb://127.0.0.1:" + fx.port() + "/?user=root&password=m4ria"));
            assertEquals(true, noKey.getMessage().contains("RSA public key"), noKey.getMessage());
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + fx.port()
                    + "/?user=root&password=m4ria&allowPublicKeyRetrieval=true")) {
                assertEquals("root@localhost", user(c));
            }
        }
        if (java.nio.file.Files.isExecutable(Path.of("/usr/bin/mariadb"))) {
            // A fresh server, so the CLI takes the RSA path itself (it asks for the key).
            try (ServerFixture fx = ServerFixture.start(b -> b.initialRootPassword("cl1"))) {
                MariaDbCliIT.Result r = MariaDbCliIT.mariadb(fx.port(), "-uroot", "-pcl1", "-e", "SELECT CURRENT_USER()");
                assertEquals(0, r.exit(), r.err());
                assertEquals("CURRENT_USER()\nroot@localhost\n", r.out());
            }
        }
    }

    @Test
    void keysAndAccountsSurviveRestart() throws Exception {
        Path dir = Files.createTempDirectory("porpoise-auth");
        try {
            ServerFixture first = ServerFixture.start(dir, b -> b.initialRootPassword("pw1"));
            String key = Files.readString(dir.resolve("public_key.pem"));
            first.stop();
            ServerFixture second = ServerFixture.start(dir, b -> b.initialRootPassword("ignored"));
            try (Connection c = connect(second.port(), "pw1", "&allowPublicKeyRetrieval=true")) {
                assertEquals("root@localhost", user(c));
            }
            assertEquals(key, Files.readString(dir.resolve("public_key.pem")), "the RSA key is not regenerated");
            assertEquals(false, Files.readString(dir.resolve("accounts.tsv")).contains("pw1"), "no clear password stored");
            second.stop();
        } finally {
            ServerFixture.deleteTree(dir);
        }
    }

    @Test
    void nativePasswordAccountIsReachedByAuthSwitch() throws Exception {
        Path dir = Files.createTempDirectory("porpoise-auth");
        try {
            // First start creates root with mysql_native_password; the second announces caching_sha2_password.
            ServerFixture.start(dir, b -> b.defaultAuthPlugin("mysql_native_password").initialRootPassword("nat")).stop();
            ServerFixture fx = ServerFixture.start(dir, b -> { });
            try (Connection c = connect(fx.port(), "nat", "")) {
                assertEquals("root@localhost", user(c));
            }
            SQLException wrong = assertThrows(SQLException.class, () -> connect(fx.port(), "bad", ""));
            assertEquals(1045, wrong.getErrorCode());
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + fx.port() + "/?user=root&password=nat")) {
                assertEquals("root@localhost", user(c));
            }
            fx.stop();
        } finally {
            ServerFixture.deleteTree(dir);
        }
    }
}
