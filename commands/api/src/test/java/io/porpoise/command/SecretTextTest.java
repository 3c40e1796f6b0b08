package io.porpoise.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Password literals are hidden, other text is kept (SHOW PROCESSLIST, logs). */
class SecretTextTest {

    @Test
    void passwordsAreHidden() {
        assertEquals("CREATE USER a IDENTIFIED BY <secret>", SecretText.redact("CREATE USER a IDENTIFIED BY 'pw'"));
        assertEquals("create user a identified with mysql_native_password by <secret>, b IDENTIFIED BY <secret>",
                SecretText.redact("create user a identified with mysql_native_password by 'p''w', b IDENTIFIED BY \"x\\\"y\""));
        assertEquals("SET PASSWORD FOR a@'%' = <secret>", SecretText.redact("SET PASSWORD FOR a@'%' = 'pw'"));
        assertEquals("SET PASSWORD = <secret>", SecretText.redact("SET PASSWORD = 'pw'"));
        assertEquals("ALTER USER USER() IDENTIFIED BY <secret>", SecretText.redact("ALTER USER USER() IDENTIFIED BY 'pw'"));
        // Bound parameters: byte[] values become hex literals, strings may carry an introducer.
        assertEquals("SET PASSWORD = <secret>", SecretText.redact("SET PASSWORD = X'707731'"));
        assertEquals("CREATE USER a IDENTIFIED BY <secret>", SecretText.redact("CREATE USER a IDENTIFIED BY 0x707731"));
        assertEquals("ALTER USER a IDENTIFIED BY <secret> REQUIRE SSL", SecretText.redact("ALTER USER a IDENTIFIED BY _utf8mb4'pw' REQUIRE SSL"));
    }

    @Test
    void statementsThatMayHoldASecret() {
        assertTrue(SecretText.mayHoldSecret("set password = ?"));
        assertTrue(SecretText.mayHoldSecret("CREATE USER a IDENTIFIED BY ?"));
        assertFalse(SecretText.mayHoldSecret("SELECT ?"));
        assertFalse(SecretText.mayHoldSecret(null));
        assertNull(SecretText.redact(null));
    }

    @Test
    void otherTextIsKept() {
        assertEquals("SELECT password FROM t", SecretText.redact("SELECT password FROM t"));
        assertEquals("CREATE USER a IDENTIFIED WITH mysql_native_password AS '*ABC'",
                SecretText.redact("CREATE USER a IDENTIFIED WITH mysql_native_password AS '*ABC'"), "a hash is not a password");
        String huge = "INSERT INTO t VALUES ('" + "x".repeat(2_000_000) + "') -- password";
        assertEquals(huge, SecretText.redact(huge));
        String longSecret = "SET PASSWORD = '" + "y".repeat(1_000_000) + "'";
        assertEquals("SET PASSWORD = <secret>", SecretText.redact(longSecret));
    }
}
