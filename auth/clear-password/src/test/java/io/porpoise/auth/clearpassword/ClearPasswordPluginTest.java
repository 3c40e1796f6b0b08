package io.porpoise.auth.clearpassword;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthStep;
import io.porpoise.testkit.auth.FakeAuthExchange;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The exchange and the stored forms it accepts. Known answers computed with Python hashlib
 * ({@code auth/known-answer-vectors.py}): the native hash and the PBKDF2 form of "secret".
 */
class ClearPasswordPluginTest {
    static final String NATIVE_SECRET = "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7";
    static final String SALTED_SECRET = "$P$5000$0102030405060708090a0b0c0d0e0f1011121314"
            + "$9dd02fd47262d65f844ce2977ebc4d9de8f73a3aa0cd5510ae879fb94d8b075f";
    static final byte[] SECRET = "secret\0".getBytes(StandardCharsets.UTF_8);

    final ClearPasswordPlugin plugin = new ClearPasswordPlugin();

    static Account account(String stored) {
        return new Account("u", "localhost", ClearPasswordPlugin.NAME, stored);
    }

    @Test
    void acceptsTheRightPasswordOverTls() {
        for (String stored : new String[] {NATIVE_SECRET, NATIVE_SECRET.toLowerCase(), SALTED_SECRET, plugin.hashPassword("secret")}) {
            assertInstanceOf(AuthStep.Accept.class, plugin.step(new FakeAuthExchange(account(stored), true), SECRET), stored);
            assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(account(stored), true),
                    "Secret\0".getBytes(StandardCharsets.UTF_8)), stored);
            assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(account(stored), true), new byte[] {0}), stored);
        }
    }

    @Test
    void refusedWithoutTlsUnlessConfigured() {
        FakeAuthExchange plain = new FakeAuthExchange(account(SALTED_SECRET), false);
        assertInstanceOf(AuthStep.Reject.class, plugin.step(plain, SECRET));
        FakeAuthExchange allowed = new FakeAuthExchange(account(SALTED_SECRET), false);
        allowed.cleartextAllowed = true;
        assertInstanceOf(AuthStep.Accept.class, plugin.step(allowed, SECRET));
    }

    @Test
    void emptyPasswordAndUnknownUser() {
        assertInstanceOf(AuthStep.Accept.class, plugin.step(new FakeAuthExchange(account(""), true), new byte[] {0}));
        assertInstanceOf(AuthStep.Accept.class, plugin.step(new FakeAuthExchange(account(""), true), new byte[0]));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(account(""), true), SECRET));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(null, true), SECRET));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(null, true), new byte[0]));
    }

    @Test
    void hostileReplies() {
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(account(NATIVE_SECRET), true), new byte[1 << 20]), "oversized");
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(account(NATIVE_SECRET), true), "secr".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(account("*XYZ"), true), SECRET), "malformed stored value");
        FakeAuthExchange after = new FakeAuthExchange(account(NATIVE_SECRET), true);
        assertInstanceOf(AuthStep.Accept.class, plugin.step(after, SECRET));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(after, SECRET), "a reply after the verdict");
    }

    @Test
    void storedFormIsNeverClear() {
        String h = plugin.hashPassword("secret");
        assertFalse(h.contains("secret"));
        assertTrue(ClearPasswordPlugin.verify(h, "secret".getBytes(StandardCharsets.UTF_8)));
    }
}
