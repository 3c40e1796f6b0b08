package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** require_secure_transport, TLS configured from PEM files, TLS disabled, and certificates that survive restarts. */
class SecureTransportIT {

    static Connection mysql(int port, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?user=root&password=st" + options);
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(rs.getMetaData().getColumnCount());
        }
    }

    @Test
    void plainConnectionsAreRefusedWhileSecureTransportIsRequired() throws SQLException {
        try (ServerFixture fx = ServerFixture.start(b -> b.initialRootPassword("st").requireSecureTransport(true))) {
            SQLException plain = assertThrows(SQLException.class, () -> mysql(fx.port(), "&sslMode=DISABLED&allowPublicKeyRetrieval=true"));
            assertEquals(3159, plain.getErrorCode(), plain.getMessage());
            assertEquals("HY000", plain.getSQLState());
            SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:mysql://127.0.0.1:"
                    + fx.port() + "/?user=root&password=bad&sslMode=DISABLED&allowPublicKeyRetrieval=true"));
            assertEquals(1045, wrong.getErrorCode(), "the password is checked first, as MySQL does");
            SQLException mariadbPlain = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:mariadb://127.0.0.1:"
                    + fx.port() + "/?user=root&password=st&allowPublicKeyRetrieval=true"));
            assertEquals(3159, mariadbPlain.getErrorCode(), mariadbPlain.getMessage());
            try (Connection c = mysql(fx.port(), "&sslMode=REQUIRED")) {
                assertEquals("ON", scalar(c, "SHOW VARIABLES LIKE 'require_secure_transport'"));
                c.createStatement().execute("SET GLOBAL require_secure_transport = OFF");
            }
            try (Connection c = mysql(fx.port(), "&sslMode=DISABLED&allowPublicKeyRetrieval=true")) {
                assertEquals("", scalar(c, "SHOW SESSION STATUS LIKE 'Ssl_cipher'"), "plain again once turned off");
            }
        }
    }

    @Test
    void certificatesAreGeneratedOnceAndKeptAcrossRestarts() throws Exception {
        Path dir = Files.createTempDirectory("porpoise-tls");
        try {
            ServerFixture first = ServerFixture.start(dir, b -> b.initialRootPassword("st"));
            String ca = Files.readString(dir.resolve("ca.pem"));
            String cert = Files.readString(dir.resolve("server-cert.pem"));
            String key = Files.readString(dir.resolve("server-key.pem"));
            first.stop();
            ServerFixture second = ServerFixture.start(dir, b -> { });
            assertEquals(ca, Files.readString(dir.resolve("ca.pem")));
            assertEquals(cert, Files.readString(dir.resolve("server-cert.pem")));
            assertEquals(key, Files.readString(dir.resolve("server-key.pem")));
            try (Connection c = mysql(second.port(), "&sslMode=VERIFY_CA" + TlsFiles.connectorJTrust(TlsFiles.trustStore(dir)))) {
                assertTrue(!scalar(c, "SHOW SESSION STATUS LIKE 'Ssl_cipher'").isEmpty());
            }
            second.stop();
            // A partial set of generated files is an error, not a silent regeneration of the CA clients trust.
            Files.delete(dir.resolve("server-key.pem"));
            RuntimeException e = assertThrows(RuntimeException.class, () -> ServerFixture.start(dir, b -> { }).stop());
            assertTrue(e.getMessage().contains("server-cert.pem"), e.getMessage());
        } finally {
            ServerFixture.deleteTree(dir);
        }
    }

    @Test
    void configuredPemCertificateAndCa() throws Exception {
        Path source = Files.createTempDirectory("porpoise-tls-src");
        try (ServerFixture generated = ServerFixture.start(source, b -> { })) {
            generated.stop();
            try (ServerFixture fx = ServerFixture.start(b -> b.initialRootPassword("st")
                    .tlsCertificate(source.resolve("server-cert.pem"), source.resolve("server-key.pem"))
                    .tlsCa(source.resolve("ca.pem")))) {
                assertTrue(!Files.exists(fx.dataDir.resolve("ca.pem")), "nothing generated when configured");
                try (Connection c = mysql(fx.port(), "&sslMode=VERIFY_IDENTITY" + TlsFiles.connectorJTrust(TlsFiles.trustStore(source)))) {
                    assertEquals(source.resolve("server-cert.pem").toAbsolutePath().toString(), scalar(c, "SELECT @@ssl_cert"));
                    assertTrue(!scalar(c, "SHOW SESSION STATUS LIKE 'Ssl_cipher'").isEmpty());
                }
            }
        }
    }

    @Test
    void tlsCanBeDisabled() throws SQLException {
        try (ServerFixture fx = ServerFixture.start(b -> b.initialRootPassword("st").tls(false))) {
            assertThrows(SQLException.class, () -> mysql(fx.port(), "&sslMode=REQUIRED"), "no CLIENT_SSL offered");
            try (Connection c = mysql(fx.port(), "&allowPublicKeyRetrieval=true")) {
                assertEquals("DISABLED", scalar(c, "SELECT @@have_ssl"));
                assertEquals("", scalar(c, "SHOW SESSION STATUS LIKE 'Ssl_cipher'"));
            }
            assertTrue(!Files.exists(fx.dataDir.resolve("server-cert.pem")));
        }
    }
}
