package io.porpoise.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The helpers shared by the password plugins, against vectors computed outside Java. */
class SharedExchangeTest {
    static final byte[] SECRET = "secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void saltedHashMatchesPythonPbkdf2() {
        assertTrue(SaltedPasswordHash.isWellFormed(KnownAnswers.SALTED_SECRET));
        assertTrue(SaltedPasswordHash.verify(KnownAnswers.SALTED_SECRET, SECRET));
        assertFalse(SaltedPasswordHash.verify(KnownAnswers.SALTED_SECRET, "Secret".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SaltedPasswordHash.verify(KnownAnswers.SALTED_SECRET, new byte[0]));
    }

    @Test
    void saltedHashIsSaltedAndNeverClear() {
        String a = SaltedPasswordHash.hash("secret");
        String b = SaltedPasswordHash.hash("secret");
        assertNotEquals(a, b, "a fresh salt each time");
        assertFalse(a.contains("secret"));
        assertTrue(SaltedPasswordHash.verify(a, SECRET) && SaltedPasswordHash.verify(b, SECRET));
        assertEquals("", SaltedPasswordHash.hash(""));
        assertTrue(SaltedPasswordHash.verify("", new byte[0]));
        assertFalse(SaltedPasswordHash.verify("", SECRET));
    }

    @Test
    void malformedStoredValuesFailWithoutThrowing() {
        for (String bad : new String[] {"$P$", "$P$x$00$00", "$P$5000$zz$" + "00".repeat(32), "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7",
                "$P$5000$0102$" + "00".repeat(31), "plain"}) {
            assertFalse(SaltedPasswordHash.isWellFormed(bad), bad);
            assertFalse(SaltedPasswordHash.verify(bad, SECRET), bad);
        }
    }

    @Test
    void rsaCiphertextFromPythonDecrypts() {
        KeyPair keys = KnownAnswers.rsaKeys(SharedExchangeTest.class);
        byte[] plain = RsaPasswords.decrypt(keys, KnownAnswers.RSA_SECRET, KnownAnswers.SCRAMBLE);
        assertArrayEquals("secret\0".getBytes(StandardCharsets.US_ASCII), plain);
        String pem = new String(RsaPasswords.publicKeyPem(keys), StandardCharsets.US_ASCII);
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n") && pem.endsWith("-----END PUBLIC KEY-----\n"), pem);
    }

    @Test
    void hostileCiphertextsAreNotDecrypted() {
        KeyPair keys = KnownAnswers.rsaKeys(SharedExchangeTest.class);
        byte[] flipped = KnownAnswers.RSA_SECRET.clone();
        flipped[100] ^= 1;
        assertNull(RsaPasswords.decrypt(keys, flipped, KnownAnswers.SCRAMBLE));
        assertNull(RsaPasswords.decrypt(keys, Arrays.copyOf(KnownAnswers.RSA_SECRET, 255), KnownAnswers.SCRAMBLE));
        assertNull(RsaPasswords.decrypt(keys, new byte[0], KnownAnswers.SCRAMBLE));
        assertNull(RsaPasswords.decrypt(keys, new byte[100_000], KnownAnswers.SCRAMBLE));
    }

    @Test
    void accountDefaultsToRequireNone() {
        Account a = new Account("u", "%", "mysql_native_password", null);
        assertEquals(TlsRequirement.NONE, a.tlsRequirement());
        assertEquals(TlsRequirement.X509, a.withTlsRequirement(TlsRequirement.X509).tlsRequirement());
        assertEquals("", a.authenticationString());
    }
}
