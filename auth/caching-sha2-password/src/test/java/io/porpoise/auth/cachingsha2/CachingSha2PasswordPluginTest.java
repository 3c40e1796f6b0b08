package io.porpoise.auth.cachingsha2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import io.porpoise.auth.AuthStep;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exchange steps, with known answers computed independently (Python hashlib) for "secret". */
class CachingSha2PasswordPluginTest {
    static final byte[] SCRAMBLE = new byte[20];
    static final byte[] FAST_RESPONSE = HexFormat.of().parseHex("746ebe205d56a0707acb3e796e834e0dd7b1d61743b26bd5202c7a623230c7c9");
    static final byte[] DOUBLE_HASH = HexFormat.of().parseHex("3881219d087dd9c634373fd33dfa33a2cb6bfc6c520b64b8bb60ef2ceb534ae7");
    static KeyPair keys;

    static {
        for (int i = 0; i < 20; i++) {
            SCRAMBLE[i] = (byte) (i + 1);
        }
    }

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    static final class Exchange implements AuthExchange {
        final Optional<Account> account;
        Object state;

        Exchange(Optional<Account> account) {
            this.account = account;
        }

        public byte[] scramble() { return SCRAMBLE.clone(); }
        public String user() { return "u"; }
        public String clientHost() { return "localhost"; }
        public Optional<Account> account() { return account; }
        public boolean isSecureTransport() { return false; }
        public KeyPair rsaKeyPair() { return keys; }
        public Object pluginState() { return state; }
        public void pluginState(Object s) { state = s; }
    }

    static byte[] encrypt(String password) throws Exception {
        byte[] pw = Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), password.length() + 1);
        for (int i = 0; i < pw.length; i++) {
            pw[i] ^= SCRAMBLE[i % SCRAMBLE.length];
        }
        Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
        c.init(Cipher.ENCRYPT_MODE, keys.getPublic(),
                new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
        return c.doFinal(pw);
    }

    @Test
    void knownAnswerVectors() {
        assertArrayEquals(FAST_RESPONSE, Sha2.scramble("secret".getBytes(StandardCharsets.UTF_8), SCRAMBLE));
        assertArrayEquals(DOUBLE_HASH, Sha2.doubleHash("secret".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Sha2.verifyScramble(SCRAMBLE, DOUBLE_HASH, FAST_RESPONSE));
    }

    @Test
    void cacheMissThenRsaFullAuthenticationThenFastPath() throws Exception {
        CachingSha2PasswordPlugin plugin = new CachingSha2PasswordPlugin();
        Account account = new Account("u", "localhost", "caching_sha2_password", plugin.hashPassword("secret"));
        assertFalse(account.authenticationString().contains("secret"));
        Exchange first = new Exchange(Optional.of(account));
        AuthStep s = plugin.step(first, FAST_RESPONSE);
        assertArrayEquals(new byte[] {4}, ((AuthStep.MoreData) s).data(), "cache miss: perform full authentication");
        AuthStep key = plugin.step(first, new byte[] {2});
        assertTrue(new String(((AuthStep.MoreData) key).data(), StandardCharsets.US_ASCII).startsWith("-----BEGIN PUBLIC KEY-----"));
        assertInstanceOf(AuthStep.Accept.class, plugin.step(first, encrypt("secret")));
        assertTrue(plugin.isCached(account));
        AuthStep fast = plugin.step(new Exchange(Optional.of(account)), FAST_RESPONSE);
        assertArrayEquals(new byte[] {3}, ((AuthStep.Accept) fast).moreData(), "fast auth success");
    }

    @Test
    void wrongPasswordAndUnknownUserAreRejected() throws Exception {
        CachingSha2PasswordPlugin plugin = new CachingSha2PasswordPlugin();
        Account account = new Account("u", "localhost", "caching_sha2_password", plugin.hashPassword("secret"));
        Exchange wrong = new Exchange(Optional.of(account));
        plugin.step(wrong, FAST_RESPONSE);
        assertInstanceOf(AuthStep.Reject.class, plugin.step(wrong, encrypt("nope")));
        Exchange ghost = new Exchange(Optional.empty());
        assertEquals(AuthStep.MoreData.class, plugin.step(ghost, FAST_RESPONSE).getClass(), "same first step as a real user");
        assertInstanceOf(AuthStep.Reject.class, plugin.step(ghost, encrypt("secret")));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new Exchange(Optional.of(account)), new byte[0]));
    }

    @Test
    void passwordChangeInvalidatesTheCache() throws Exception {
        CachingSha2PasswordPlugin plugin = new CachingSha2PasswordPlugin();
        Account old = new Account("u", "localhost", "caching_sha2_password", plugin.hashPassword("secret"));
        Exchange e = new Exchange(Optional.of(old));
        plugin.step(e, FAST_RESPONSE);
        plugin.step(e, encrypt("secret"));
        Account changed = new Account("u", "localhost", "caching_sha2_password", plugin.hashPassword("secret"));
        assertFalse(plugin.isCached(changed), "a new hash (new salt) is a new cache key");
    }
}
