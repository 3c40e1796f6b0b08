package io.porpoise.command.accounts;

import static io.porpoise.command.accounts.Fakes.run;
import static io.porpoise.command.accounts.Fakes.syntax;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.auth.Account;
import io.porpoise.auth.Grant;
import io.porpoise.auth.Privilege;
import io.porpoise.auth.Privileges;
import io.porpoise.auth.TlsRequirement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account statements against an in-memory account manager: parsing, privileges, errors and output. */
class AccountStatementsTest {
    private Fakes.Accounts accounts;
    private Fakes.Session root;
    private Fakes.Session app;

    @BeforeEach
    void setUp() {
        accounts = new Fakes.Accounts();
        accounts.add(new Account("root", "localhost", "test_plugin", ""),
                new Privileges(List.of(Grant.global(Privilege.all(Privilege.Level.GLOBAL), true))));
        accounts.add(new Account("app", "%", "test_plugin", "hash(app)"),
                new Privileges(List.of(new Grant("shop", null, Set.of(Privilege.SELECT), false))));
        root = new Fakes.Session(accounts, "root", "localhost");
        app = new Fakes.Session(accounts, "app", "%");
    }

    @Test
    void createUserVariants() {
        assertEquals(List.of("ok"), run(root, "CREATE USER 'a'@'localhost' IDENTIFIED BY 'pw'"));
        assertEquals("hash(pw)", accounts.account("a", "localhost").orElseThrow().authenticationString());
        assertEquals(List.of("ok"), run(root, "create user b identified with test_plugin, `c`@'10.0.0.0/8' IDENTIFIED WITH 'test_plugin' BY 'x'"));
        assertEquals("%", accounts.account("b", "%").orElseThrow().host());
        assertEquals("hash(x)", accounts.account("c", "10.0.0.0/8").orElseThrow().authenticationString());
        assertEquals(List.of("ok"), run(root, "CREATE USER d IDENTIFIED WITH test_plugin AS 'hash(y)' REQUIRE NONE ACCOUNT UNLOCK;"));
        assertEquals("hash(y)", accounts.account("d", "%").orElseThrow().authenticationString());
        assertEquals(List.of("error 1396 HY000 Operation CREATE USER failed for 'a'@'localhost','d'@'%'"),
                run(root, "CREATE USER a@localhost, e, d"));
        assertFalse(accounts.account("e", "%").isPresent(), "all or nothing");
        assertEquals(List.of("ok, warnings 1"), run(root, "CREATE USER IF NOT EXISTS a@localhost, e"));
        assertTrue(accounts.account("e", "%").isPresent());
        assertEquals(List.of("error 1524 HY000 Plugin 'nope' is not loaded"), run(root, "CREATE USER f IDENTIFIED WITH nope"));
        assertEquals(List.of("error 1827 HY000 The password hash doesn't have the expected format."),
                run(root, "CREATE USER f IDENTIFIED WITH test_plugin AS 'plain'"));
        assertEquals(List.of("error 1235 42000 This version of MySQL doesn't yet support 'PASSWORD EXPIRE INTERVAL 90 DAY'"),
                run(root, "CREATE USER f PASSWORD EXPIRE INTERVAL 90 DAY"));
        assertEquals(List.of("error 1470 HY000 String 'abcdefghijklmnopqrstuvwxyz0123456789' is too long for user name (should be no longer than 32)"),
                run(root, "CREATE USER abcdefghijklmnopqrstuvwxyz0123456789"));
        assertEquals(List.of(syntax("BY 'x'")), run(root, "CREATE USER f IDENTIFIED WITH BY 'x'"));
        assertEquals(List.of(syntax("")), run(root, "CREATE USER"));
    }

    @Test
    void privilegesForAccountManagement() {
        String denied = "error 1227 42000 Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation";
        assertEquals(List.of(denied), run(app, "CREATE USER x"));
        assertEquals(List.of(denied), run(app, "DROP USER root@localhost"));
        assertEquals(List.of(denied), run(app, "RENAME USER root@localhost TO x"));
        assertEquals(List.of(denied), run(app, "ALTER USER root@localhost IDENTIFIED BY 'x'"));
        assertEquals(List.of("error 1044 42000 Access denied for user 'app'@'%' to database 'mysql'"),
                run(app, "SET PASSWORD FOR root@localhost = 'x'"));
        assertEquals(List.of("ok"), run(app, "SET PASSWORD = 'new'"));
        assertEquals(List.of("ok"), run(app, "ALTER USER USER() IDENTIFIED BY 'newer'"));
        assertEquals(List.of("ok"), run(app, "ALTER USER CURRENT_USER() IDENTIFIED BY 'newest'"));
        assertEquals("hash(newest)", accounts.account("app", "%").orElseThrow().authenticationString());
        assertEquals(List.of("app@%", "app@%", "app@%"), accounts.changed, "every change is reported (cache invalidation)");
    }

    @Test
    void dropRenameAndSetPassword() {
        assertEquals(List.of("error 1396 HY000 Operation DROP USER failed for 'x'@'%'"), run(root, "DROP USER app, x"));
        assertTrue(accounts.account("app", "%").isPresent());
        assertEquals(List.of("ok, warnings 1"), run(root, "DROP USER IF EXISTS app, x"));
        assertFalse(accounts.account("app", "%").isPresent());
        assertEquals(List.of("error 1133 42000 Can't find any matching row in the user table"), run(root, "SET PASSWORD FOR app = 'x'"));
        assertEquals(List.of("error 1396 HY000 Operation RENAME USER failed for 'app'@'%'"), run(root, "RENAME USER app TO b"));
        assertEquals(List.of("error 1396 HY000 Operation ALTER USER failed for 'app'@'%'"), run(root, "ALTER USER app IDENTIFIED BY 'x'"));
        assertEquals(List.of("ok, warnings 1"), run(root, "ALTER USER IF EXISTS app IDENTIFIED BY 'x'"));
    }

    @Test
    void grantsAndShowGrants() {
        assertEquals(List.of("ok"), run(root, "GRANT SELECT, INSERT ON shop.orders TO app WITH GRANT OPTION"));
        assertEquals(List.of("ok"), run(root, "GRANT ALL PRIVILEGES ON other.* TO app"));
        assertEquals(List.of("ok"), run(root, "GRANT SHOW DATABASES, PROCESS ON *.* TO app"));
        assertEquals(List.of("columns Grants for app@%",
                "GRANT PROCESS, SHOW DATABASES ON *.* TO `app`@`%`",
                "GRANT SELECT ON `shop`.* TO `app`@`%`",
                "GRANT ALL PRIVILEGES ON `other`.* TO `app`@`%`",
                "GRANT SELECT, INSERT ON `shop`.`orders` TO `app`@`%` WITH GRANT OPTION", "end"), run(app, "SHOW GRANTS"));
        assertEquals(List.of("ok"), run(root, "REVOKE INSERT, GRANT OPTION ON shop.orders FROM app"));
        assertEquals(List.of("error 1141 42000 There is no such grant defined for user 'app' on host '%'"),
                run(root, "REVOKE SELECT ON nowhere.* FROM app"));
        assertEquals(List.of("error 1410 42000 You are not allowed to create a user with GRANT"), run(root, "GRANT SELECT ON *.* TO ghost"));
        assertEquals(List.of("error 1221 HY000 Incorrect usage of DB GRANT and GLOBAL PRIVILEGES"), run(root, "GRANT SUPER ON shop.* TO app"));
        assertEquals(List.of("error 1144 42000 Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used"),
                run(root, "GRANT EXECUTE ON shop.t TO app"));
        assertEquals(List.of("error 1235 42000 This version of MySQL doesn't yet support 'column privileges'"),
                run(root, "GRANT SELECT (a) ON shop.t TO app"));
        assertEquals(List.of("error 1235 42000 This version of MySQL doesn't yet support 'roles'"), run(root, "GRANT r1 TO app"));
        assertEquals(List.of(syntax("FLY ON *.* TO app")), run(root, "GRANT FLY ON *.* TO app"));
        // The caller needs what it grants and the grant option.
        assertEquals(List.of("error 1044 42000 Access denied for user 'app'@'%' to database 'shop'"), run(app, "GRANT SELECT ON shop.* TO root@localhost"));
        assertEquals(List.of("error 1045 28000 Access denied for user 'app'@'%' (using password: YES)"), run(app, "GRANT SELECT ON *.* TO app"));
        assertEquals(List.of("ok"), run(root, "GRANT UPDATE ON shop.t TO app WITH GRANT OPTION"));
        assertEquals(List.of("ok"), run(app, "GRANT UPDATE ON shop.t TO root@localhost"));
        assertEquals(List.of("error 1142 42000 GRANT command denied to user 'app'@'localhost' for table 'u'"),
                run(app, "GRANT UPDATE ON shop.u TO root@localhost"));
        assertEquals(List.of("error 1044 42000 Access denied for user 'app'@'%' to database 'mysql'"), run(app, "SHOW GRANTS FOR root@localhost"));
        assertEquals(List.of("ok"), run(root, "REVOKE ALL PRIVILEGES, GRANT OPTION FROM app"));
        assertEquals(List.of("columns Grants for app@%", "GRANT USAGE ON *.* TO `app`@`%`", "end"), run(root, "SHOW GRANTS FOR 'app'"));
        root.schema = "shop";
        assertEquals(List.of("ok"), run(root, "GRANT SELECT ON * TO app"));
        assertEquals(List.of("ok"), run(root, "GRANT SELECT ON t TO app"));
        assertEquals(List.of("columns Grants for app@%", "GRANT USAGE ON *.* TO `app`@`%`", "GRANT SELECT ON `shop`.* TO `app`@`%`",
                "GRANT SELECT ON `shop`.`t` TO `app`@`%`", "end"), run(root, "SHOW GRANTS FOR app"));
    }

    @Test
    void showCreateUser() {
        assertEquals(List.of("columns CREATE USER for app@%", "CREATE USER `app`@`%` IDENTIFIED WITH 'test_plugin' AS 'hash(app)'"
                + " REQUIRE NONE PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK PASSWORD HISTORY DEFAULT PASSWORD REUSE INTERVAL DEFAULT"
                + " PASSWORD REQUIRE CURRENT DEFAULT", "end"), run(app, "SHOW CREATE USER CURRENT_USER"));
        assertEquals(List.of("error 1396 HY000 Operation SHOW CREATE USER failed for 'x'@'%'"), run(root, "SHOW CREATE USER x"));
        assertEquals(List.of("error 1142 42000 SELECT command denied to user 'app'@'localhost' for table 'user'"),
                run(app, "SHOW CREATE USER root@localhost"));
    }

    @Test
    void requireClause() {
        assertEquals(List.of("ok"), run(root, "CREATE USER s IDENTIFIED BY 'pw' REQUIRE SSL"));
        assertEquals(List.of("ok"), run(root, "CREATE USER x, y REQUIRE x509"), "one clause for all accounts");
        assertEquals(TlsRequirement.X509, accounts.account("y", "%").orElseThrow().tlsRequirement());
        assertEquals(List.of(syntax(", z REQUIRE SSL")), run(root, "CREATE USER w REQUIRE SSL, z REQUIRE SSL"));
        assertEquals(TlsRequirement.SSL, accounts.account("s", "%").orElseThrow().tlsRequirement());
        assertEquals(TlsRequirement.X509, accounts.account("x", "%").orElseThrow().tlsRequirement());
        assertEquals(List.of("columns CREATE USER for s@%", "CREATE USER `s`@`%` IDENTIFIED WITH 'test_plugin' AS 'hash(pw)'"
                + " REQUIRE SSL PASSWORD EXPIRE DEFAULT ACCOUNT UNLOCK PASSWORD HISTORY DEFAULT PASSWORD REUSE INTERVAL DEFAULT"
                + " PASSWORD REQUIRE CURRENT DEFAULT", "end"), run(root, "SHOW CREATE USER s"));
        // Changing credentials keeps the requirement; REQUIRE alone changes only the requirement.
        assertEquals(List.of("ok"), run(root, "ALTER USER s IDENTIFIED BY 'new'"));
        assertEquals(new Account("s", "%", "test_plugin", "hash(new)", TlsRequirement.SSL), accounts.account("s", "%").orElseThrow());
        assertEquals(List.of("ok"), run(root, "SET PASSWORD FOR s = 'newer'"));
        assertEquals(TlsRequirement.SSL, accounts.account("s", "%").orElseThrow().tlsRequirement());
        assertEquals(List.of("ok"), run(root, "ALTER USER s REQUIRE X509"));
        assertEquals(new Account("s", "%", "test_plugin", "hash(newer)", TlsRequirement.X509), accounts.account("s", "%").orElseThrow());
        assertEquals(List.of("ok"), run(root, "ALTER USER s, x IDENTIFIED BY 'z' REQUIRE NONE"));
        assertEquals(new Account("x", "%", "test_plugin", "hash(z)", TlsRequirement.NONE), accounts.account("x", "%").orElseThrow());
        assertEquals(TlsRequirement.NONE, accounts.account("s", "%").orElseThrow().tlsRequirement());
        assertEquals(List.of("ok"), run(root, "RENAME USER s TO t"));
        assertEquals(List.of("ok"), run(root, "ALTER USER t REQUIRE SSL"));
        assertEquals(List.of("ok"), run(root, "RENAME USER t TO s"));
        assertEquals(TlsRequirement.SSL, accounts.account("s", "%").orElseThrow().tlsRequirement());
        // One's own password needs no privilege, one's own REQUIRE does.
        assertEquals(List.of("error 1227 42000 Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation"),
                run(app, "ALTER USER USER() IDENTIFIED BY 'x' REQUIRE NONE"));
        assertEquals(List.of("error 1235 42000 This version of MySQL doesn't yet support 'REQUIRE ISSUER'"),
                run(root, "CREATE USER i REQUIRE ISSUER '/C=SE'"));
        assertEquals(List.of(syntax("REQUIRE NONE")), run(root, "CREATE USER i REQUIRE SSL REQUIRE NONE"));
        assertEquals(List.of(syntax("TLS")), run(root, "CREATE USER i REQUIRE TLS"));
        assertFalse(accounts.account("i", "%").isPresent());
    }

    @Test
    void accessChecks() {
        app.schema = "shop";
        assertEquals(List.of("backend"), run(app, "SELECT * FROM t"));
        assertEquals(List.of("error 1142 42000 INSERT command denied to user 'app'@'localhost' for table 't'"),
                run(app, "INSERT INTO t VALUES (1)"));
        assertEquals(List.of("error 1142 42000 SELECT command denied to user 'app'@'localhost' for table 'o'"),
                run(app, "SELECT * FROM t, other.o"));
        assertEquals(List.of("error 1044 42000 Access denied for user 'app'@'%' to database 'other'"), run(app, "SHOW TABLES FROM other"));
        assertEquals(List.of("error 1044 42000 Access denied for user 'app'@'%' to database 'newdb'"), run(app, "CREATE DATABASE newdb"));
        assertEquals(List.of("error 1227 42000 Access denied; you need (at least one of) the SUPER or SYSTEM_VARIABLES_ADMIN privilege(s) for this operation"),
                run(app, "SET @@global.max_connections = 1"));
        assertEquals(List.of("backend"), run(app, "SET @x = 'GLOBAL'"));
        app.processes.add(new io.porpoise.command.ProcessList.Process(7, "root", "localhost", null, "Sleep", 0, "", null));
        assertEquals(List.of("error 1095 HY000 You are not owner of thread 7"), run(app, "KILL 7"));
        assertEquals(List.of("backend"), run(root, "INSERT INTO shop.t VALUES (1)"));
        assertTrue(new AccessCheckInterceptor().accepts("SELECT * FROM other.o", app), "denied: prepared statements are emulated");
        assertFalse(new AccessCheckInterceptor().accepts("SELECT * FROM t", app));
    }

    @Test
    void showDatabasesIsFiltered() {
        app.backend = (sql, sink) -> {
            io.porpoise.backend.RowWriter rows = sink.columns(List.of(io.porpoise.backend.Column.of("Database",
                    io.porpoise.backend.ColumnType.VAR_STRING)));
            for (String db : List.of("information_schema", "other", "shop")) {
                rows.row(db);
            }
            rows.finish();
        };
        assertEquals(List.of("columns Database", "information_schema", "shop", "end"), run(app, "SHOW DATABASES"));
        assertEquals(List.of("backend"), run(root, "SHOW DATABASES"), "SHOW DATABASES privilege: unfiltered");
    }

    @Test
    void failedLoginAttempts() {
        assertEquals(List.of("columns USERHOST, FAILED_ATTEMPTS", "'%'@'10.0.0.9' | 4", "end"),
                run(root, "SELECT * FROM INFORMATION_SCHEMA.CONNECTION_CONTROL_FAILED_LOGIN_ATTEMPTS"));
        assertEquals(List.of("columns FAILED_ATTEMPTS", "end"),
                run(root, "select failed_attempts from information_schema.connection_control_failed_login_attempts where userhost = 'x'"));
        assertEquals(List.of("error 1227 42000 Access denied; you need (at least one of) the PROCESS privilege(s) for this operation"),
                run(app, "SELECT * FROM INFORMATION_SCHEMA.CONNECTION_CONTROL_FAILED_LOGIN_ATTEMPTS"));
    }
}
