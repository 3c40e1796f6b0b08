package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accounts and grants through real clients: CREATE USER and logins, host precedence, privilege errors, the sha2 cache. */
class AccountsIT {

    static Connection mysql(ServerFixture fx, String user, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + fx.port() + "/?user=" + user + "&password=" + password
                + "&sslMode=DISABLED" + options);
    }

    static Connection mariadb(ServerFixture fx, String user, String password, String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + fx.port() + "/?user=" + user + "&password=" + password + options);
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static SQLException fails(Connection c, String sql, int code, String state) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }, sql);
        assertEquals(code, e.getErrorCode(), sql + ": " + e.getMessage());
        assertEquals(state, e.getSQLState(), sql + ": " + e.getMessage());
        return e;
    }

    static void run(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void createdAccountsLogInWithBothPlugins() throws Exception {
        try (ServerFixture fx = ServerFixture.start(); Connection root = fx.mysql("")) {
            run(root, "CREATE USER alice IDENTIFIED BY 'a1'",
                    "CREATE USER 'bob'@'%' IDENTIFIED WITH mysql_native_password BY 'b1'",
                    "CREATE USER IF NOT EXISTS alice IDENTIFIED BY 'other'");
            try (Connection c = mysql(fx, "alice", "a1", "&allowPublicKeyRetrieval=true")) {
                assertEquals("alice@%", one(c, "SELECT CURRENT_USER()"));
                assertEquals("alice@%", one(c, "SELECT CURRENT_USER"));
                assertEquals("alice@localhost", one(c, "SELECT USER()"));
            }
            try (Connection c = mariadb(fx, "bob", "b1", "")) {
                assertEquals("bob@%", one(c, "SELECT CURRENT_USER()"));
            }
            try (Connection c = mysql(fx, "bob", "b1", "&useServerPrepStmts=true");
                    PreparedStatement ps = c.prepareStatement("SELECT CURRENT_USER()");
                    ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("bob@%", rs.getString(1), "CURRENT_USER() prepared");
            }
            for (String pw : new String[] {"wrong", ""}) {
                SQLException e = assertThrows(SQLException.class, () -> mysql(fx, "bob", pw, "&allowPublicKeyRetrieval=true"));
                assertEquals(1045, e.getErrorCode());
                assertEquals("28000", e.getSQLState());
            }
            assertEquals("CREATE USER `bob`@`%` IDENTIFIED WITH 'mysql_native_password' AS '" + nativeHash("b1") + "'"
                    + " REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK PASSWORD HISTORY DEFAULT PASSWORD REUSE INTERVAL DEFAULT"
                    + " PASSWORD REQUIRE CURRENT DEFAULT", one(root, "SHOW CREATE USER bob"));
            assertEquals(List.of("GRANT USAGE ON *.* TO `alice`@`%`"), column(root, "SHOW GRANTS FOR alice"));
            SQLException dup = fails(root, "CREATE USER alice, carol", 1396, "HY000");
            assertEquals("Operation CREATE USER failed for 'alice'@'%'", dup.getMessage());
            fails(root, "SHOW GRANTS FOR carol", 1141, "42000");
            fails(root, "DROP USER carol", 1396, "HY000");
            run(root, "DROP USER IF EXISTS carol");
            SQLException plugin = fails(root, "CREATE USER dan IDENTIFIED WITH no_such_plugin BY 'x'", 1524, "HY000");
            assertEquals("Plugin 'no_such_plugin' is not loaded", plugin.getMessage());
            fails(root, "CREATE USER dan IDENTIFIED WITH mysql_native_password AS 'not-a-hash'", 1827, "HY000");
            run(root, "CREATE USER dan IDENTIFIED WITH mysql_native_password AS '" + nativeHash("d1") + "'");
            try (Connection c = mysql(fx, "dan", "d1", "")) {
                assertEquals("dan@%", one(c, "SELECT CURRENT_USER()"));
            }
            fails(root, "CREATE USER", 1064, "42000");
            run(root, "RENAME USER dan TO dora@localhost");
            try (Connection c = mysql(fx, "dora", "d1", "")) {
                assertEquals("dora@localhost", one(c, "SELECT CURRENT_USER()"));
            }
            fails(root, "RENAME USER dan TO x", 1396, "HY000");
            run(root, "CREATE USER zed IDENTIFIED BY 'Zed-Clear-Secret'");
            for (String file : new String[] {"accounts.tsv", "grants.tsv"}) {
                assertFalse(Files.readString(fx.dataDir.resolve(file)).contains("Zed-Clear-Secret"), "no clear password in " + file);
            }
        }
    }

    static String nativeHash(String pw) throws Exception {
        java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
        return "*" + java.util.HexFormat.of().withUpperCase().formatHex(sha1.digest(sha1.digest(pw.getBytes("UTF-8"))));
    }

    @Test
    void hostPatternsMatchInMySqlOrder() throws Exception {
        try (ServerFixture fx = ServerFixture.start(); Connection root = fx.mysql("")) {
            run(root, "CREATE USER carol@'%' IDENTIFIED WITH mysql_native_password BY 'any'",
                    "CREATE USER carol@'127.0.0.%' IDENTIFIED WITH mysql_native_password BY 'net'",
                    "CREATE USER carol@localhost IDENTIFIED WITH mysql_native_password BY 'name'",
                    // MySQL sorts addresses with a netmask before every other host.
                    "CREATE USER erin@'127.0.0.0/255.0.0.0' IDENTIFIED WITH mysql_native_password BY 'mask'",
                    "CREATE USER erin@localhost IDENTIFIED WITH mysql_native_password BY 'name'",
                    "CREATE USER fay@'127.0.0.0/8' IDENTIFIED WITH mysql_native_password BY 'cidr'",
                    "CREATE USER gus@'10.0.0.0/8' IDENTIFIED WITH mysql_native_password BY 'elsewhere'",
                    "CREATE USER hal@'127.0.0.1' IDENTIFIED WITH mysql_native_password BY 'ip'",
                    "CREATE USER ian@'%' IDENTIFIED WITH mysql_native_password BY 'ian'");
            try (Connection c = mysql(fx, "carol", "name", "")) {
                assertEquals("carol@localhost", one(c, "SELECT CURRENT_USER()"), "a literal host beats a pattern");
            }
            assertEquals(1045, assertThrows(SQLException.class, () -> mysql(fx, "carol", "net", "")).getErrorCode());
            assertEquals(1045, assertThrows(SQLException.class, () -> mysql(fx, "carol", "any", "")).getErrorCode());
            run(root, "DROP USER carol@localhost");
            try (Connection c = mysql(fx, "carol", "net", "")) {
                assertEquals("carol@127.0.0.%", one(c, "SELECT CURRENT_USER()"), "a late wildcard beats %");
            }
            try (Connection c = mysql(fx, "erin", "mask", "")) {
                assertEquals("erin@127.0.0.0/255.0.0.0", one(c, "SELECT CURRENT_USER()"));
            }
            try (Connection c = mysql(fx, "fay", "cidr", "")) {
                assertEquals("fay@127.0.0.0/8", one(c, "SELECT CURRENT_USER()"));
            }
            try (Connection c = mysql(fx, "hal", "ip", "")) {
                assertEquals("hal@127.0.0.1", one(c, "SELECT CURRENT_USER()"), "127.0.0.1 matches by address");
                assertEquals("hal@localhost", one(c, "SELECT USER()"), "while the client host is named localhost");
            }
            SQLException e = assertThrows(SQLException.class, () -> mysql(fx, "gus", "elsewhere", "&allowPublicKeyRetrieval=true"));
            assertEquals(1045, e.getErrorCode());
            assertEquals("Access denied for user 'gus'@'localhost' (using password: YES)", e.getMessage());
            try (Connection c = mysql(fx, "ian", "ian", "")) {
                assertEquals("ian@%", one(c, "SELECT CURRENT_USER()"));
            }
            // The anonymous user on localhost beats a named user on '%' (host first), as in MySQL.
            run(root, "CREATE USER ''@localhost IDENTIFIED WITH mysql_native_password BY 'anon'");
            assertEquals(1045, assertThrows(SQLException.class, () -> mysql(fx, "ian", "ian", "")).getErrorCode(),
                    "ian on localhost is the anonymous user");
            try (Connection c = mysql(fx, "ian", "anon", "")) {
                assertEquals("@localhost", one(c, "SELECT CURRENT_USER()"));
                assertEquals("ian@localhost", one(c, "SELECT USER()"));
            }
        }
    }

    @Test
    void privilegesAreEnforced() throws Exception {
        try (ServerFixture fx = ServerFixture.start(); Connection root = fx.mysql("")) {
            run(root, "CREATE DATABASE shop", "CREATE DATABASE other", "CREATE TABLE shop.t (id INT)", "CREATE TABLE other.o (id INT)",
                    "INSERT INTO shop.t VALUES (1)", "CREATE TABLE shop.secret (id INT)",
                    "CREATE USER pat IDENTIFIED WITH mysql_native_password BY 'p'", "CREATE USER quinn",
                    "GRANT SELECT ON shop.* TO pat", "GRANT INSERT ON shop.t TO pat");
            assertEquals(List.of("GRANT USAGE ON *.* TO `pat`@`%`", "GRANT SELECT ON `shop`.* TO `pat`@`%`",
                    "GRANT INSERT ON `shop`.`t` TO `pat`@`%`"), column(root, "SHOW GRANTS FOR pat"));
            try (Connection c = mysql(fx, "pat", "p", "")) {
                assertEquals(List.of("GRANT USAGE ON *.* TO `pat`@`%`", "GRANT SELECT ON `shop`.* TO `pat`@`%`",
                        "GRANT INSERT ON `shop`.`t` TO `pat`@`%`"), column(c, "SHOW GRANTS"));
                assertEquals("1", one(c, "SELECT id FROM shop.t"));
                run(c, "INSERT INTO shop.t VALUES (2)");
                SQLException use = fails(c, "USE other", 1044, "42000");
                assertEquals("Access denied for user 'pat'@'%' to database 'other'", use.getMessage());
                SQLException sel = fails(c, "SELECT * FROM other.o", 1142, "42000");
                assertEquals("SELECT command denied to user 'pat'@'localhost' for table 'o'", sel.getMessage());
                fails(c, "SELECT * FROM shop.t JOIN other.o ON 1=1", 1142, "42000");
                fails(c, "SELECT * FROM shop.t WHERE id IN (SELECT id FROM other.o)", 1142, "42000");
                SQLException ins = fails(c, "INSERT INTO shop.secret VALUES (1)", 1142, "42000");
                assertEquals("INSERT command denied to user 'pat'@'localhost' for table 'secret'", ins.getMessage());
                fails(c, "DELETE FROM shop.t", 1142, "42000");
                fails(c, "UPDATE shop.t SET id = 3", 1142, "42000");
                fails(c, "DROP TABLE shop.t", 1142, "42000");
                fails(c, "CREATE TABLE shop.n (id INT)", 1142, "42000");
                fails(c, "CREATE DATABASE mine", 1044, "42000");
                fails(c, "SHOW TABLES FROM other", 1044, "42000");
                SQLException cu = fails(c, "CREATE USER x", 1227, "42000");
                assertEquals("Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation", cu.getMessage());
                fails(c, "DROP USER root@localhost", 1227, "42000");
                fails(c, "GRANT SELECT ON shop.* TO pat", 1044, "42000");
                fails(c, "GRANT SELECT ON *.* TO pat", 1045, "28000");
                fails(c, "GRANT SELECT ON shop.t TO pat", 1142, "42000");
                fails(c, "SET PASSWORD FOR root@localhost = 'x'", 1044, "42000");
                fails(c, "SHOW GRANTS FOR root@localhost", 1044, "42000");
                fails(c, "SET GLOBAL max_connections = 10", 1227, "42000");
                assertEquals(List.of("information_schema", "shop"), column(c, "SHOW DATABASES").stream()
                        .map(s -> s.toLowerCase(java.util.Locale.ROOT)).sorted().toList());
                SQLException catalog = assertThrows(SQLException.class, () -> c.setCatalog("other"));
                assertEquals(1044, catalog.getErrorCode(), "COM_INIT_DB");
                run(c, "SET PASSWORD = 'p2'");
            }
            try (Connection c = mysql(fx, "pat", "p2", "&useServerPrepStmts=true");
                    PreparedStatement ps = c.prepareStatement("SELECT * FROM other.o WHERE id = ?")) {
                ps.setInt(1, 1);
                SQLException e = assertThrows(SQLException.class, ps::executeQuery);
                assertEquals(1142, e.getErrorCode(), "a prepared statement is checked too");
            }
            SQLException db = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                    "jdbc:mysql://127.0.0.1:" + fx.port() + "/other?user=pat&password=p2&sslMode=DISABLED"));
            assertEquals(1044, db.getErrorCode(), "a login naming a denied database");
            run(root, "GRANT ALL ON other.* TO pat WITH GRANT OPTION", "REVOKE INSERT ON shop.t FROM pat");
            fails(root, "REVOKE INSERT ON shop.t FROM pat", 1147, "42000");
            fails(root, "GRANT SELECT ON nope.* TO nobody", 1410, "42000");
            fails(root, "GRANT RELOAD ON shop.* TO pat", 1221, "HY000");
            try (Connection c = mysql(fx, "pat", "p2", "")) {
                run(c, "USE other", "CREATE TABLE o2 (id INT)", "DROP TABLE o2", "GRANT SELECT ON other.* TO quinn");
            }
            run(root, "REVOKE ALL PRIVILEGES, GRANT OPTION FROM pat");
            assertEquals(List.of("GRANT USAGE ON *.* TO `pat`@`%`"), column(root, "SHOW GRANTS FOR pat"));
        }
    }

    @Test
    void passwordChangeInvalidatesTheSha2Cache() throws Exception {
        try (ServerFixture fx = ServerFixture.start(); Connection root = fx.mysql("")) {
            run(root, "CREATE USER sam@localhost IDENTIFIED WITH caching_sha2_password BY 'one'");
            assertEquals("08001", assertThrows(SQLException.class, () -> mysql(fx, "sam", "one", "")).getSQLState(),
                    "the first login needs full authentication (RSA key)");
            mysql(fx, "sam", "one", "&allowPublicKeyRetrieval=true").close();
            mysql(fx, "sam", "one", "").close();
            run(root, "ALTER USER sam@localhost IDENTIFIED BY 'two'");
            assertEquals("08001", assertThrows(SQLException.class, () -> mysql(fx, "sam", "two", "")).getSQLState(),
                    "after ALTER USER the fast path is gone");
            assertEquals(1045, assertThrows(SQLException.class, () -> mysql(fx, "sam", "one", "&allowPublicKeyRetrieval=true"))
                    .getErrorCode());
            mysql(fx, "sam", "two", "&allowPublicKeyRetrieval=true").close();
            mysql(fx, "sam", "two", "").close();
            run(root, "SET PASSWORD FOR sam@localhost = 'three'");
            assertEquals("08001", assertThrows(SQLException.class, () -> mysql(fx, "sam", "three", "")).getSQLState(),
                    "after SET PASSWORD the fast path is gone");
            try (Connection c = mysql(fx, "sam", "three", "&allowPublicKeyRetrieval=true")) {
                run(c, "ALTER USER USER() IDENTIFIED BY 'four'");
            }
            assertEquals("08001", assertThrows(SQLException.class, () -> mysql(fx, "sam", "four", "")).getSQLState());
            mysql(fx, "sam", "four", "&allowPublicKeyRetrieval=true").close();
        }
    }

    @Test
    void accountWithAPluginNotInstalledCannotLogIn() throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("porpoise-accounts");
        try {
            ServerFixture.start(dir, b -> { }).stop();
            Files.writeString(dir.resolve("accounts.tsv"), "ghost\t%\tauthentication_ldap_simple\t\n", java.nio.file.StandardOpenOption.APPEND);
            try (ServerFixture fx = ServerFixture.start(dir, b -> { })) {
                SQLException e = assertThrows(SQLException.class, () -> mysql(fx, "ghost", "", ""));
                assertEquals(1524, e.getErrorCode());
                assertEquals("Plugin 'authentication_ldap_simple' is not loaded", e.getMessage());
            }
        } finally {
            ServerFixture.deleteTree(dir);
        }
    }

    @Test
    void oldDataDirectoriesKeepFullAccess() throws Exception {
        java.nio.file.Path dir = Files.createTempDirectory("porpoise-accounts");
        try {
            ServerFixture.start(dir, b -> { }).stop();
            Files.delete(dir.resolve("grants.tsv"));
            try (ServerFixture fx = ServerFixture.start(dir, b -> { }); Connection root = fx.mysql("")) {
                assertTrue(one(root, "SHOW GRANTS").startsWith("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, RELOAD,"));
                assertTrue(one(root, "SHOW GRANTS").endsWith(" ON *.* TO `root`@`localhost` WITH GRANT OPTION"));
            }
        } finally {
            ServerFixture.deleteTree(dir);
        }
    }

    /** Without PROCESS a user sees only the connections of its own user name (MySQL's rule). */
    @Test
    void processListWithoutProcessPrivilegeShowsOwnConnections() throws Exception {
        try (ServerFixture fx = ServerFixture.start(); Connection root = fx.mysql("")) {
            run(root, "CREATE USER watcher IDENTIFIED WITH mysql_native_password BY 'w'",
                    "CREATE USER boss IDENTIFIED WITH mysql_native_password BY 'b'", "GRANT PROCESS ON *.* TO boss");
            long rootId = Long.parseLong(one(root, "SELECT CONNECTION_ID()"));
            try (Connection w1 = mysql(fx, "watcher", "w", ""); Connection w2 = mariadb(fx, "watcher", "w", "");
                    Connection boss = mysql(fx, "boss", "b", "")) {
                long w1Id = Long.parseLong(one(w1, "SELECT CONNECTION_ID()"));
                long w2Id = Long.parseLong(one(w2, "SELECT CONNECTION_ID()"));
                long bossId = Long.parseLong(one(boss, "SELECT CONNECTION_ID()"));
                assertEquals(List.of(w1Id, w2Id), ids(w1, "SHOW PROCESSLIST"));
                assertEquals(List.of(w1Id, w2Id), ids(w2, "SHOW FULL PROCESSLIST"));
                assertEquals(List.of("watcher", "watcher"), users(w1));
                assertTrue(ids(boss, "SHOW PROCESSLIST").containsAll(List.of(rootId, w1Id, w2Id, bossId)), "PROCESS shows everyone");
                assertTrue(ids(root, "SHOW FULL PROCESSLIST").containsAll(List.of(rootId, w1Id, w2Id, bossId)));
            }
        }
    }

    private static List<Long> ids(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        for (String id : column(c, sql)) {
            out.add(Long.parseLong(id));
        }
        out.sort(null);
        return out;
    }

    private static List<String> users(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW PROCESSLIST")) {
            while (rs.next()) {
                out.add(rs.getString("User"));
            }
        }
        return out;
    }
}
