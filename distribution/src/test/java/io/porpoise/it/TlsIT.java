package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.auth.TlsRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS with real clients against the certificates the server generated in its data directory:
 * Connector/J and MariaDB Connector/J (with and without verifying the CA and the host name), the
 * mariadb CLI, client certificates for REQUIRE X509, REQUIRE SSL, require_secure_transport, and
 * caching_sha2_password's full authentication with the clear password inside TLS.
 */
class TlsIT {
    static ServerFixture fx;
    static Path trustStore;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(b -> b.initialRootPassword("t1s!")
                .account("ssl_user", "%", "caching_sha2_password", "pw-ssl", TlsRequirement.SSL)
                .account("x509_user", "%", "caching_sha2_password", "pw-x509", TlsRequirement.X509));
        trustStore = TlsFiles.trustStore(fx.dataDir);
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    static Connection mysql(String user, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + fx.port() + "/?user=" + user + "&password=" + password + options);
    }

    static String status(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE '" + name + "'")) {
            return rs.next() ? rs.getString(2) : null;
        }
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void connectorJRequiredUsesTlsAndFullAuthenticationSendsTheClearPassword() throws SQLException {
        // A fresh account (cache empty): caching_sha2 asks for full authentication, which over TLS
        // needs neither the RSA key nor allowPublicKeyRetrieval.
        try (Connection c = mysql("root", "t1s!", "&sslMode=REQUIRED")) {
            String cipher = status(c, "Ssl_cipher");
            assertTrue(!cipher.isEmpty(), "Ssl_cipher: " + cipher);
            assertTrue(status(c, "Ssl_version").matches("TLSv1\\.[23]"), status(c, "Ssl_version"));
            assertEquals("root@localhost", scalar(c, "SELECT CURRENT_USER()"));
            assertEquals("YES", scalar(c, "SELECT @@have_ssl"));
        }
        SQLException wrong = assertThrows(SQLException.class, () -> mysql("root", "wrong", "&sslMode=REQUIRED"));
        assertEquals(1045, wrong.getErrorCode());
        assertEquals("28000", wrong.getSQLState());
    }

    @Test
    void connectorJVerifiesTheGeneratedCaAndHostName() throws SQLException {
        for (String mode : new String[] {"VERIFY_CA", "VERIFY_IDENTITY"}) {
            try (Connection c = mysql("root", "t1s!", "&sslMode=" + mode + TlsFiles.connectorJTrust(trustStore))) {
                assertNotEquals("", status(c, "Ssl_cipher"), mode);
            }
        }
        // Without the CA, verification fails on the client: the server really presents the generated certificate.
        assertThrows(SQLException.class, () -> mysql("root", "t1s!", "&sslMode=VERIFY_CA"));
    }

    @Test
    void tls12CanBeForced() throws SQLException {
        try (Connection c = mysql("root", "t1s!", "&sslMode=REQUIRED&tlsVersions=TLSv1.2")) {
            assertEquals("TLSv1.2", status(c, "Ssl_version"));
            assertTrue(status(c, "Ssl_cipher").contains("-"), "OpenSSL cipher name as MySQL reports it: " + status(c, "Ssl_cipher"));
        }
    }

    @Test
    void mariaDbConnectorVerifiesTheCa() throws SQLException {
        String base = "jdbc:mariadb://127.0.0.1:" + fx.port() + "/?user=root&password=t1s!";
        try (Connection c = DriverManager.getConnection(base + "&sslMode=verify-ca&serverSslCert=" + fx.dataDir.resolve("ca.pem"))) {
            assertNotEquals("", status(c, "Ssl_cipher"));
        }
        try (Connection c = DriverManager.getConnection(base + "&sslMode=verify-full&serverSslCert=" + fx.dataDir.resolve("ca.pem"))) {
            assertNotEquals("", status(c, "Ssl_cipher"));
        }
        try (Connection c = DriverManager.getConnection(base + "&sslMode=trust")) {
            assertNotEquals("", status(c, "Ssl_cipher"));
        }
        SQLException wrong = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + fx.port() + "/?user=root&password=bad&sslMode=trust"));
        assertEquals(1045, wrong.getErrorCode());
        assertEquals("28000", wrong.getSQLState());
    }

    @Test
    void requireSslAccount() throws SQLException {
        SQLException plain = assertThrows(SQLException.class,
                () -> mysql("ssl_user", "pw-ssl", "&sslMode=DISABLED&allowPublicKeyRetrieval=true"));
        assertEquals(1045, plain.getErrorCode(), plain.getMessage());
        assertEquals("28000", plain.getSQLState());
        try (Connection c = mysql("ssl_user", "pw-ssl", "&sslMode=REQUIRED")) {
            assertEquals("ssl_user@%", scalar(c, "SELECT CURRENT_USER()"));
        }
    }

    @Test
    void requireClauseOfCreateAndAlterUser() throws Exception {
        try (Connection root = mysql("root", "t1s!", "&sslMode=REQUIRED"); Statement s = root.createStatement()) {
            s.execute("CREATE USER sql_ssl IDENTIFIED BY 'pw1' REQUIRE SSL");
            s.execute("CREATE USER sql_x509 IDENTIFIED BY 'pw2' REQUIRE X509");
            assertTrue(scalar(root, "SHOW CREATE USER sql_ssl").contains(" REQUIRE SSL PASSWORD EXPIRE DEFAULT"),
                    scalar(root, "SHOW CREATE USER sql_ssl"));
            assertTrue(scalar(root, "SHOW CREATE USER sql_x509").contains(" REQUIRE X509 "), scalar(root, "SHOW CREATE USER sql_x509"));
            // A new password keeps the requirement.
            s.execute("ALTER USER sql_ssl IDENTIFIED BY 'pw3'");
        }
        String plain = "&sslMode=DISABLED&allowPublicKeyRetrieval=true";
        SQLException denied = assertThrows(SQLException.class, () -> mysql("sql_ssl", "pw3", plain));
        assertEquals(1045, denied.getErrorCode(), denied.getMessage());
        assertEquals("28000", denied.getSQLState());
        try (Connection c = mysql("sql_ssl", "pw3", "&sslMode=REQUIRED")) {
            assertEquals("sql_ssl@%", scalar(c, "SELECT CURRENT_USER()"));
        }
        SQLException noCert = assertThrows(SQLException.class, () -> mysql("sql_x509", "pw2", "&sslMode=REQUIRED"));
        assertEquals(1045, noCert.getErrorCode(), noCert.getMessage());
        try (Connection c = mysql("sql_x509", "pw2", "&sslMode=VERIFY_CA" + TlsFiles.connectorJTrust(trustStore)
                + TlsFiles.connectorJClientCertificate(TlsFiles.clientKeyStore(fx.dataDir)))) {
            assertEquals("sql_x509@%", scalar(c, "SELECT CURRENT_USER()"));
        }
        try (Connection root = mysql("root", "t1s!", "&sslMode=REQUIRED"); Statement s = root.createStatement()) {
            s.execute("ALTER USER sql_ssl REQUIRE NONE");
            assertTrue(scalar(root, "SHOW CREATE USER sql_ssl").contains(" REQUIRE NONE "));
        }
        try (Connection c = mysql("sql_ssl", "pw3", plain)) {
            assertEquals("", status(c, "Ssl_cipher"));
        }
    }

    @Test
    void requireX509AccountNeedsAClientCertificateFromTheCa() throws Exception {
        SQLException noCert = assertThrows(SQLException.class, () -> mysql("x509_user", "pw-x509", "&sslMode=REQUIRED"));
        assertEquals(1045, noCert.getErrorCode(), noCert.getMessage());
        Path keyStore = TlsFiles.clientKeyStore(fx.dataDir);
        try (Connection c = mysql("x509_user", "pw-x509", "&sslMode=VERIFY_CA" + TlsFiles.connectorJTrust(trustStore)
                + TlsFiles.connectorJClientCertificate(keyStore))) {
            assertEquals("x509_user@%", scalar(c, "SELECT CURRENT_USER()"));
        }
        SQLException wrong = assertThrows(SQLException.class, () -> mysql("x509_user", "nope", "&sslMode=REQUIRED"
                + TlsFiles.connectorJClientCertificate(keyStore)));
        assertEquals(1045, wrong.getErrorCode());
    }

    @Test
    void globalStatusCountsHandshakes() throws SQLException {
        try (Connection c = mysql("root", "t1s!", "&sslMode=REQUIRED")) {
            long accepts = Long.parseLong(globalStatus(c, "Ssl_finished_accepts"));
            assertTrue(accepts >= 1, "Ssl_finished_accepts: " + accepts);
            assertTrue(globalStatus(c, "Ssl_server_not_after").matches("[A-Z][a-z]{2} [ 0-9]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} GMT"),
                    globalStatus(c, "Ssl_server_not_after"));
            assertEquals(fx.dataDir.resolve("server-cert.pem").toAbsolutePath().toString(), globalStatus(c, "Current_tls_cert"));
            assertEquals(fx.dataDir.resolve("ca.pem").toAbsolutePath().toString(), scalar(c, "SELECT @@ssl_ca"));
        }
        try (Connection c = mysql("root", "t1s!", "&sslMode=DISABLED&allowPublicKeyRetrieval=true")) {
            assertEquals("", status(c, "Ssl_cipher"), "a plain connection reports no cipher");
        }
    }

    static String globalStatus(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            return rs.next() ? rs.getString(2) : null;
        }
    }

    @Test
    void mariadbCliUsesTlsAndVerifiesTheGeneratedCa() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/mariadb")) && System.getenv("CI") == null) {
            return;
        }
        String ca = "--ssl-ca=" + fx.dataDir.resolve("ca.pem");
        MariaDbCliIT.Result r = cli("-uroot", "-pt1s!", "--ssl", "--ssl-verify-server-cert", ca, "-e", "SHOW SESSION STATUS LIKE 'Ssl_version'");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s)Variable_name\tValue\nSsl_version\tTLSv1\\.[23]\n"), r.out());
        MariaDbCliIT.Result x509 = cli("-ux509_user", "-ppw-x509", ca, "--ssl-cert=" + fx.dataDir.resolve("client-cert.pem"),
                "--ssl-key=" + fx.dataDir.resolve("client-key.pem"), "-e", "SELECT CURRENT_USER()");
        assertEquals(0, x509.exit(), x509.err());
        assertEquals("CURRENT_USER()\nx509_user@%\n", x509.out());
        MariaDbCliIT.Result wrong = cli("-uroot", "-pbad", "--ssl", "-e", "SELECT 1");
        assertTrue(wrong.err().contains("ERROR 1045 (28000)"), wrong.err());
    }

    static MariaDbCliIT.Result cli(String... args) throws Exception {
        return MariaDbCliIT.run(fx.port(), true, args);
    }
}
