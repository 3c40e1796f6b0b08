package io.porpoise.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Vectors computed independently with Python (hashlib, cryptography) by
 * {@code auth/known-answer-vectors.py}: scramble 01..14, password "secret".
 */
final class KnownAnswers {
    static final byte[] SCRAMBLE = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
    /** PBKDF2-HMAC-SHA256("secret", salt 01..14, 5000 iterations, 32 bytes). */
    static final String SALTED_SECRET = "$P$5000$0102030405060708090a0b0c0d0e0f1011121314"
            + "$9dd02fd47262d65f844ce2977ebc4d9de8f73a3aa0cd5510ae879fb94d8b075f";
    /** RSA-OAEP(SHA-1, MGF1-SHA-1) of ("secret\0" XOR scramble) under kat-rsa-private.pem's key. */
    static final byte[] RSA_SECRET = HexFormat.of().parseHex("c27682a1b75c379e16fc7b8c0e1a9203d9a7568b7d1eccba30b3a9e1450f3ea251c42006be5e53ed0f505d946b5dff17ad4198e09f5f92df56564b46ef51133c3730bc7bef46a34018a9bf9e28995e9a1b079de6790c1afcfca62fb98c0ae93d7be6e18d69db436f163b713a3eaf80d75db6c27c0241a3c748ee9d248776319fb8eeffac1016daaf426603475c45ed09428a11096e94395f6d7baed7c86fe5dfd9ff9f30cb9bd7f97769c3dbd254b00d8663f9c6ab52e4f94c69646bbc404cf0da3c3e638d3f8570f0df83467f100124c4954467e6a75762a72973120c78a7d29a8e75a1e602552fa48efe4aa853eebd2710f9206789bcc16edd0f40c7ee3d47");

    private KnownAnswers() {
    }

    /** The key pair of kat-rsa-private.pem (PKCS#8, written by the Python script). */
    static KeyPair rsaKeys(Class<?> anchor) {
        try (InputStream in = anchor.getResourceAsStream("/kat-rsa-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            KeyFactory kf = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kf.generatePrivate(new PKCS8EncodedKeySpec(der));
            return new KeyPair(kf.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent())), priv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
