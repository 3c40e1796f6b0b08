package io.porpoise.auth.nativepassword;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import io.porpoise.auth.AuthStep;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Known-answer vectors computed independently (Python hashlib) for password "secret". */
class NativePasswordPluginTest {
    static final byte[] SCRAMBLE = new byte[20];
    static final String HASH = "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7";
    static final byte[] RESPONSE = HexFormat.of().parseHex("b32bb3a583e1340c0a1108d58b1be49781ad8c2f");

    static {
        for (int i = 0; i < 20; i++) {
            SCRAMBLE[i] = (byte) (i + 1);
        }
    }

    record Exchange(Optional<Account> account) implements AuthExchange {
        public byte[] scramble() { return SCRAMBLE.clone(); }
        public String user() { return "u"; }
        public String clientHost() { return "localhost"; }
        public boolean isSecureTransport() { return false; }
        public KeyPair rsaKeyPair() { return null; }
        public Object pluginState() { return null; }
        public void pluginState(Object state) { }
    }

    final NativePasswordPlugin plugin = new NativePasswordPlugin();
    final Exchange known = new Exchange(Optional.of(new Account("u", "localhost", "mysql_native_password", HASH)));

    @Test
    void storedHashAndClientScrambleMatchKnownAnswers() {
        assertEquals(HASH, plugin.hashPassword("secret"));
        assertArrayEquals(RESPONSE, NativePasswordPlugin.scramble("secret", SCRAMBLE));
        assertEquals("", plugin.hashPassword(""));
    }

    @Test
    void acceptsTheRightPasswordOnly() {
        assertInstanceOf(AuthStep.Accept.class, plugin.step(known, RESPONSE));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(known, NativePasswordPlugin.scramble("other", SCRAMBLE)));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(known, new byte[0]));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(known, new byte[7]));
    }

    @Test
    void unknownUserIsRejectedLikeAWrongPassword() {
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new Exchange(Optional.empty()), RESPONSE));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new Exchange(Optional.empty()), new byte[0]));
    }

    @Test
    void emptyPasswordAccount() {
        Exchange empty = new Exchange(Optional.of(new Account("u", "localhost", "mysql_native_password", "")));
        assertInstanceOf(AuthStep.Accept.class, plugin.step(empty, new byte[0]));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(empty, RESPONSE));
    }
}
