package io.porpoise.auth.sha256;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthStep;
import io.porpoise.testkit.auth.FakeAuthExchange;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every path of the exchange. Known answers from {@code auth/known-answer-vectors.py} (Python
 * hashlib and cryptography): the PBKDF2 stored form of "secret" with salt 01..14, and the RSA-OAEP
 * ciphertext of "secret\0" XOR scramble 01..14 under kat-rsa-private.pem's key.
 */
class Sha256PasswordPluginTest {
    static final String STORED_SECRET = "$P$5000$0102030405060708090a0b0c0d0e0f1011121314"
            + "$9dd02fd47262d65f844ce2977ebc4d9de8f73a3aa0cd5510ae879fb94d8b075f";
    static final byte[] RSA_SECRET = HexFormat.of().parseHex("c27682a1b75c379e16fc7b8c0e1a9203d9a7568b7d1eccba30b3a9e1450f3ea251c42006be5e53ed0f505d946b5dff17ad4198e09f5f92df56564b46ef51133c3730bc7bef46a34018a9bf9e28995e9a1b079de6790c1afcfca62fb98c0ae93d7be6e18d69db436f163b713a3eaf80d75db6c27c0241a3c748ee9d248776319fb8eeffac1016daaf426603475c45ed09428a11096e94395f6d7baed7c86fe5dfd9ff9f30cb9bd7f97769c3dbd254b00d8663f9c6ab52e4f94c69646bbc404cf0da3c3e638d3f8570f0df83467f100124c4954467e6a75762a72973120c78a7d29a8e75a1e602552fa48efe4aa853eebd2710f9206789bcc16edd0f40c7ee3d47");
    static KeyPair keys;

    final Sha256PasswordPlugin plugin = new Sha256PasswordPlugin();
    final Account account = new Account("u", "localhost", Sha256PasswordPlugin.NAME, STORED_SECRET);

    @BeforeAll
    static void loadKey() throws Exception {
        try (InputStream in = Sha256PasswordPluginTest.class.getResourceAsStream("/kat-rsa-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            KeyFactory kf = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kf.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
            keys = new KeyPair(kf.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent())), priv);
        }
    }

    FakeAuthExchange plain(Account a) {
        FakeAuthExchange e = new FakeAuthExchange(a, false);
        e.keys = keys;
        return e;
    }

    @Test
    void rsaPathWithPublicKeyRequest() {
        FakeAuthExchange e = plain(account);
        AuthStep key = plugin.step(e, new byte[] {1});
        String pem = new String(((AuthStep.MoreData) key).data(), StandardCharsets.US_ASCII);
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), pem);
        assertInstanceOf(AuthStep.Accept.class, plugin.step(e, RSA_SECRET));
    }

    @Test
    void rsaPathWithKnownKey() {
        assertInstanceOf(AuthStep.Accept.class, plugin.step(plain(account), RSA_SECRET));
    }

    @Test
    void tlsPathTakesTheClearPassword() {
        assertInstanceOf(AuthStep.Accept.class, plugin.step(new FakeAuthExchange(account, true), "secret\0".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(AuthStep.Accept.class, plugin.step(new FakeAuthExchange(account, true), "secret".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(account, true), "secret!\0".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(account, true), new byte[] {0}));
    }

    @Test
    void wrongPasswordAndUnknownUserAreRejected() {
        Account other = new Account("u", "localhost", Sha256PasswordPlugin.NAME, plugin.hashPassword("other"));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(plain(other), RSA_SECRET));
        FakeAuthExchange ghost = plain(null);
        assertInstanceOf(AuthStep.MoreData.class, plugin.step(ghost, new byte[] {1}), "same first step as a real user");
        assertInstanceOf(AuthStep.Reject.class, plugin.step(ghost, RSA_SECRET));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(new FakeAuthExchange(null, true), new byte[] {0}));
    }

    @Test
    void emptyPassword() {
        Account empty = new Account("u", "localhost", Sha256PasswordPlugin.NAME, plugin.hashPassword(""));
        assertEquals("", empty.authenticationString());
        assertInstanceOf(AuthStep.Accept.class, plugin.step(plain(empty), new byte[0]));
        assertInstanceOf(AuthStep.Accept.class, plugin.step(plain(empty), new byte[] {0}));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(plain(account), new byte[0]));
    }

    @Test
    void hostileReplies() {
        byte[] truncated = Arrays.copyOf(RSA_SECRET, 200);
        assertInstanceOf(AuthStep.Reject.class, plugin.step(plain(account), truncated));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(plain(account), new byte[1 << 20]), "oversized");
        byte[] flipped = RSA_SECRET.clone();
        flipped[0] ^= (byte) 0x80;
        assertInstanceOf(AuthStep.Reject.class, plugin.step(plain(account), flipped));
        FakeAuthExchange twice = plain(account);
        plugin.step(twice, new byte[] {1});
        assertInstanceOf(AuthStep.Reject.class, plugin.step(twice, new byte[] {1}), "a second key request is not a password");
        FakeAuthExchange after = plain(account);
        assertInstanceOf(AuthStep.Accept.class, plugin.step(after, RSA_SECRET));
        assertInstanceOf(AuthStep.Reject.class, plugin.step(after, RSA_SECRET), "a reply after the verdict");
    }

    @Test
    void storedFormIsSaltedNeverClear() {
        String h = plugin.hashPassword("secret");
        assertFalse(h.contains("secret"));
        assertTrue(h.startsWith("$P$5000$"), h);
        assertArrayEquals("pw".getBytes(StandardCharsets.UTF_8), Sha256PasswordPlugin.beforeNul("pw\0junk".getBytes(StandardCharsets.UTF_8)));
    }
}
