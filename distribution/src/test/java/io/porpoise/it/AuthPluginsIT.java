package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.auth.TlsRequirement;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.packet.ErrPacket;
import io.porpoise.wire.packet.HandshakeResponse41;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every auth plugin with the real clients that speak it, with TLS and without: sha256_password
 * (TLS, RSA with key retrieval, RSA with the key file), mysql_clear_password (TLS only unless
 * configured), client_ed25519 (MariaDB Connector/J, mariadb CLI), auth switch from the server's
 * default plugin and from the client's, a plugin that is not installed, a client that cannot switch.
 */
class AuthPluginsIT {
    static final String NONE = "";
    static ServerFixture fx;
    static final Path CLIENT_PLUGINS = Path.of("/usr/lib/x86_64-linux-gnu/libmariadb3/plugin");

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("porpoise-plugins");
        // An account whose plugin no server has: it must fail, naming the plugin.
        ServerFixture.start(dir, b -> { }).stop();
        Files.writeString(dir.resolve("accounts.tsv"), "ldap\t%\tauthentication_ldap_simple\t\n",
                java.nio.file.StandardOpenOption.APPEND);
        fx = ServerFixture.start(dir, b -> b
                .account("sha", "%", "sha256_password", "s256!", TlsRequirement.NONE)
                .account("clear", "%", "mysql_clear_password", "clr!", TlsRequirement.NONE)
                .account("ed", "%", "client_ed25519", "ed-pw", TlsRequirement.NONE)
                .account("nat", "%", "mysql_native_password", "nat!", TlsRequirement.NONE)
                .account("csha", "%", "caching_sha2_password", "cs!", TlsRequirement.NONE));
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

    static Connection mariadb(String user, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + fx.port() + "/?user=" + user + "&password=" + password + options);
    }

    static String currentUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void assertDenied(SQLException e) {
        assertEquals(1045, e.getErrorCode(), e.getMessage());
        assertEquals("28000", e.getSQLState(), e.getMessage());
    }

    @Test
    void sha256PasswordOverTlsAndRsa() throws SQLException {
        for (String opts : new String[] {"&sslMode=REQUIRED", "&sslMode=DISABLED&allowPublicKeyRetrieval=true",
                "&sslMode=DISABLED&serverRSAPublicKeyFile=" + fx.dataDir.resolve("public_key.pem"),
                "&sslMode=REQUIRED&defaultAuthenticationPlugin=sha256_password",
                "&sslMode=DISABLED&allowPublicKeyRetrieval=true&defaultAuthenticationPlugin=sha256_password"}) {
            try (Connection c = mysql("sha", "s256!", opts)) {
                assertEquals("sha@%", currentUser(c), opts);
            }
            assertDenied(assertThrows(SQLException.class, () -> mysql("sha", "wrong", opts)));
        }
        // MariaDB Connector/J 3.5 has no sha256_password client plugin ("Client does not support
        // authentication protocol requested by server"); the mariadb CLI's is tested in cliPlugins.
    }

    @Test
    void cachingSha2OverTlsWithMariaDbConnector() throws SQLException {
        try (Connection c = mariadb("csha", "cs!", "&sslMode=trust")) {
            assertEquals("csha@%", currentUser(c));
        }
        assertDenied(assertThrows(SQLException.class, () -> mariadb("csha", "cs?", "&sslMode=trust")));
    }

    @Test
    void clearPasswordOnlyOverTls() throws SQLException {
        try (Connection c = mariadb("clear", "clr!", "&sslMode=trust")) {
            assertEquals("clear@%", currentUser(c));
        }
        try (Connection c = mysql("clear", "clr!", "&sslMode=REQUIRED")) {
            assertEquals("clear@%", currentUser(c));
        }
        assertDenied(assertThrows(SQLException.class, () -> mariadb("clear", "wrong", "&sslMode=trust")));
        // Both connectors refuse to send a clear password without TLS themselves; the server's own
        // refusal is shown with the mariadb CLI, which sends it (cliPlugins).
    }

    @Test
    void clearPasswordWithoutTlsWhenConfigured() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/mariadb")) && System.getenv("CI") == null) {
            return;
        }
        try (ServerFixture open = ServerFixture.start(b -> b.cleartextPasswordsWithoutTls(true)
                .account("clear", "%", "mysql_clear_password", "clr!", TlsRequirement.NONE))) {
            MariaDbCliIT.Result ok = MariaDbCliIT.mariadb(open.port(), pluginDir(), "-uclear", "-pclr!", "-e", "SELECT CURRENT_USER()");
            assertEquals(0, ok.exit(), ok.err());
            assertEquals("CURRENT_USER()\nclear@%\n", ok.out());
            MariaDbCliIT.Result wrong = MariaDbCliIT.mariadb(open.port(), pluginDir(), "-uclear", "-pnope", "-e", "SELECT 1");
            assertTrue(wrong.err().contains("ERROR 1045 (28000)"), wrong.err());
        }
    }

    static String pluginDir() {
        return Files.isDirectory(CLIENT_PLUGINS) ? "--plugin-dir=" + CLIENT_PLUGINS : "--batch";
    }

    @Test
    void ed25519WithMariaDbConnector() throws SQLException {
        for (String opts : new String[] {NONE, "&sslMode=trust"}) {
            try (Connection c = mariadb("ed", "ed-pw", opts)) {
                assertEquals("ed@%", currentUser(c), opts);
            }
            assertDenied(assertThrows(SQLException.class, () -> mariadb("ed", "ed-px", opts)));
        }
        // Connector/J has no client_ed25519: it must fail, not be let in some other way.
        SQLException cj = assertThrows(SQLException.class, () -> mysql("ed", "ed-pw", "&sslMode=REQUIRED"));
        assertTrue(cj.getMessage().contains("client_ed25519"), cj.getMessage());
    }

    @Test
    void cliPlugins() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/mariadb")) && System.getenv("CI") == null) {
            return;
        }
        String pluginDir = pluginDir();
        MariaDbCliIT.Result ed = MariaDbCliIT.mariadb(fx.port(), pluginDir, "-ued", "-ped-pw", "-e", "SELECT CURRENT_USER()");
        assertEquals(0, ed.exit(), ed.err());
        assertEquals("CURRENT_USER()\ned@%\n", ed.out());
        MariaDbCliIT.Result edWrong = MariaDbCliIT.mariadb(fx.port(), pluginDir, "-ued", "-pnope", "-e", "SELECT 1");
        assertTrue(edWrong.err().contains("ERROR 1045 (28000)"), edWrong.err());
        MariaDbCliIT.Result sha = MariaDbCliIT.mariadb(fx.port(), pluginDir, "-usha", "-ps256!", "-e", "SELECT CURRENT_USER()");
        assertEquals(0, sha.exit(), sha.err());
        MariaDbCliIT.Result shaTls = MariaDbCliIT.run(fx.port(), true, pluginDir, "--ssl", "-usha", "-ps256!", "-e", "SELECT CURRENT_USER()");
        assertEquals(0, shaTls.exit(), shaTls.err());
        assertEquals("CURRENT_USER()\nsha@%\n", shaTls.out());
        MariaDbCliIT.Result clear = MariaDbCliIT.run(fx.port(), true, pluginDir, "--ssl", "-uclear", "-pclr!", "-e", "SELECT CURRENT_USER()");
        assertEquals(0, clear.exit(), clear.err());
        assertEquals("CURRENT_USER()\nclear@%\n", clear.out());
        MariaDbCliIT.Result clearPlain = MariaDbCliIT.mariadb(fx.port(), pluginDir, "-uclear", "-pclr!", "-e", "SELECT 1");
        assertTrue(clearPlain.err().contains("ERROR 1045 (28000)"), clearPlain.err());
    }

    @Test
    void authSwitchInEveryDirection() throws SQLException {
        // The server announces caching_sha2_password; the account uses native: the server switches.
        try (Connection c = mysql("nat", "nat!", "&sslMode=DISABLED")) {
            assertEquals("nat@%", currentUser(c));
        }
        // The client starts with native (its choice): no switch for a native account, a switch for a sha2 one.
        try (Connection c = mysql("nat", "nat!", "&sslMode=DISABLED&defaultAuthenticationPlugin=mysql_native_password")) {
            assertEquals("nat@%", currentUser(c));
        }
        try (Connection c = mysql("csha", "cs!", "&sslMode=REQUIRED&defaultAuthenticationPlugin=mysql_native_password")) {
            assertEquals("csha@%", currentUser(c));
        }
        assertDenied(assertThrows(SQLException.class,
                () -> mysql("nat", "bad", "&sslMode=DISABLED&defaultAuthenticationPlugin=mysql_native_password")));
    }

    @Test
    void serverDefaultPluginSha256() throws SQLException {
        try (ServerFixture s = ServerFixture.start(b -> b.defaultAuthPlugin("sha256_password").initialRootPassword("r00t"))) {
            String url = "jdbc:mysql://127.0.0.1:" + s.port() + "/?user=root&password=";
            try (Connection c = DriverManager.getConnection(url + "r00t&sslMode=DISABLED&allowPublicKeyRetrieval=true")) {
                assertEquals("root@localhost", currentUser(c));
                assertEquals("sha256_password", scalar(c, "SELECT @@default_authentication_plugin"));
            }
            try (Connection c = DriverManager.getConnection(url + "r00t&sslMode=REQUIRED")) {
                assertEquals("root@localhost", currentUser(c));
            }
            assertDenied(assertThrows(SQLException.class, () -> DriverManager.getConnection(url + "x&sslMode=REQUIRED")));
        }
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void accountWithAPluginThatIsNotInstalled() {
        SQLException e = assertThrows(SQLException.class, () -> mysql("ldap", "x", "&sslMode=REQUIRED"));
        assertEquals(1524, e.getErrorCode(), e.getMessage());
        assertEquals("HY000", e.getSQLState());
        assertTrue(e.getMessage().contains("authentication_ldap_simple"), e.getMessage());
    }

    @Test
    void clientWithoutPluginAuthCannotBeSwitched() throws Exception {
        try (RawProtocolIT.RawClient c = new RawProtocolIT.RawClient(fx.port())) {
            c.handshake();
            Capabilities caps = Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41, CapabilityFlag.CLIENT_SECURE_CONNECTION,
                    CapabilityFlag.CLIENT_TRANSACTIONS);
            ByteBuf b = Unpooled.buffer();
            new HandshakeResponse41(caps, 1 << 24, 255, "sha", new byte[20], null, "", Map.of(), 0).encode(b, StandardCharsets.UTF_8);
            byte[] payload = new byte[b.readableBytes()];
            b.readBytes(payload);
            b.release();
            c.write(1, payload);
            ErrPacket err = RawProtocolIT.err(c.read());
            assertEquals(1251, err.errorCode());
            assertEquals("08004", err.sqlState());
            assertTrue(c.closedByServer());
        }
    }
}
