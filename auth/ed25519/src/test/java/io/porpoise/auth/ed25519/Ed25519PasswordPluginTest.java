package io.porpoise.auth.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthStep;
import io.porpoise.testkit.auth.FakeAuthExchange;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * Known answers: the stored values are those of MariaDB's test suite
 * ({@code mysql-test/suite/plugins/r/auth_ed25519.result}) and knowledge base
 * ({@code ed25519_password("secret")}); the signatures of nonce 01..20 by passwords "secret" and "" was
 * computed with an independent RFC 8032 implementation in Python and checked with the
 * {@code cryptography} package ({@code auth/known-answer-vectors.py}).
 */
class Ed25519PasswordPluginTest {
    static final String SECRET_KEY = "ZIgUREUg5PVgQ6LskhXmO+eZLS0nC8be6HPjYWR4YJY";
    static final byte[] NONCE = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
    static final byte[] SIGNATURE = HexFormat.of().parseHex("60a0f4f8bcb6396043e44b2a25521af16f0815ff6369cc541c281e2c4455c823"
            + "2b79b21ee5bb933507725db2f2919ea09e676f6abee19c5c7b98b40a627a9707");
    static final byte[] EMPTY_PASSWORD_SIGNATURE = HexFormat.of().parseHex("6d063d5d3fa5175ed8544e6cc97a5498a007c19f4cefdd6d5a094650d02f3dda"
            + "74bdc995a87e2a7b3aea5bf70f318142e84ffe8b2f5d8d24124ebd21107c9c0a");

    /** Hands out NONCE as the "random" nonce. */
    static final class FixedNonce extends SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(NONCE, 0, bytes, 0, bytes.length);
        }
    }

    final Ed25519PasswordPlugin plugin = new Ed25519PasswordPlugin(new FixedNonce());

    static Account account(String stored) {
        return new Account("u", "%", Ed25519PasswordPlugin.NAME, stored);
    }

    FakeAuthExchange switched(Account a) {
        FakeAuthExchange e = new FakeAuthExchange(a, false);
        assertArrayEquals(NONCE, plugin.initialData(e), "the AuthSwitchRequest carries exactly the 32-byte nonce");
        return e;
    }

    @Test
    void storedValuesMatchMariaDb() {
        assertEquals(SECRET_KEY, plugin.hashPassword("secret"));
        assertEquals("vubFBzIrapbfHct1/J72dnUryz5VS7lA6XHH8sIx4TI", plugin.hashPassword("foo"));
        assertEquals("qv2mG6HWCuy32Slb5xhV4THStewNz2VINVPbgk+XAJ8", plugin.hashPassword("foobar"));
        assertEquals("Y5fV74JAVRMOK2cdnUsYS+WW9sXaaL/o+6WGKOgqnzc", plugin.hashPassword("foo bar"));
        assertEquals("pfzkeWMzkTefY1oshXS+/kATeN51M+4jxi3/cbyTd10", plugin.hashPassword("bar"));
        assertEquals("", plugin.hashPassword(""));
    }

    @Test
    void agreesWithBouncyCastleWhereTheDerivationsCoincide() {
        // For a 32-byte password, SHA-512(password) is exactly standard Ed25519's expansion of that seed.
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        byte[] expected = new byte[32];
        Ed25519.generatePublicKey(seed, 0, expected, 0);
        assertArrayEquals(expected, PasswordKeys.publicKey(seed));
    }

    @Test
    void verifiesTheKnownSignature() {
        assertInstanceOf(AuthStep.Accept.class, plugin.step(switched(account(SECRET_KEY)), SIGNATURE));
    }

    @Test
    void handshakeAnswerIsSwitchedToANonce() {
        FakeAuthExchange e = new FakeAuthExchange(account(SECRET_KEY), false);
        AuthStep s = plugin.step(e, new byte[20]);
        assertEquals(new AuthStep.SwitchTo(Ed25519PasswordPlugin.NAME), s);
    }

    @Test
    void wrongPasswordUnknownUserAndBadStoredValues() {
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account(plugin.hashPassword("other"))), SIGNATURE));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(null), SIGNATURE));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account("foo")), SIGNATURE), "43 characters expected");
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account(">>>1234567890123456789012345678901234567890")), SIGNATURE));
        assertNull(Ed25519PasswordPlugin.decodeStored("not base64 at all, but 43 characters long!!"));
    }

    @Test
    void hostileReplies() {
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account(SECRET_KEY)), Arrays.copyOf(SIGNATURE, 63)), "truncated");
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account(SECRET_KEY)), Arrays.copyOf(SIGNATURE, 65)), "oversized");
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account(SECRET_KEY)), new byte[1 << 20]), "oversized");
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account(SECRET_KEY)), new byte[0]), "empty");
        byte[] flipped = SIGNATURE.clone();
        flipped[40] ^= 1;
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account(SECRET_KEY)), flipped));
        FakeAuthExchange replay = switched(account(SECRET_KEY));
        assertInstanceOf(AuthStep.Accept.class, plugin.step(replay, SIGNATURE));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(replay, SIGNATURE), "a reply after the verdict");
    }

    @Test
    void emptyPasswordAccount() {
        // The client still signs, with the key of SHA-512(""); an empty stored value stands for that key.
        assertInstanceOf(AuthStep.Accept.class, plugin.step(switched(account("")), EMPTY_PASSWORD_SIGNATURE));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account("")), SIGNATURE));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(switched(account(SECRET_KEY)), EMPTY_PASSWORD_SIGNATURE));
        assertEquals("4LH+dBF+G5W2CKTyId8xR3SyDqZoQjUNUVNxx8aWbG4",
                Ed25519PasswordPlugin.encode(PasswordKeys.publicKey("".getBytes(StandardCharsets.UTF_8))));
    }
}
