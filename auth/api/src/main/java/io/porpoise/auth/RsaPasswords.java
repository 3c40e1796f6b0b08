package io.porpoise.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The password exchange without TLS shared by caching_sha2_password and sha256_password: the
 * client XORs the NUL-terminated password with the scramble (repeated) and encrypts it with
 * RSA-OAEP (SHA-1, MGF1) under the server's key, which it may first request (the server sends
 * it as PEM in AuthMoreData).
 */
public final class RsaPasswords {
    private RsaPasswords() {
    }

    /** The public key as PEM text (SubjectPublicKeyInfo), as AuthMoreData carries it. */
    public static byte[] publicKeyPem(KeyPair keys) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return pem.getBytes(StandardCharsets.US_ASCII);
    }

    /** The password bytes (with their NUL), or null when the data does not decrypt. */
    public static byte[] decrypt(KeyPair keys, byte[] data, byte[] scramble) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            rsa.init(Cipher.DECRYPT_MODE, keys.getPrivate());
            byte[] plain = rsa.doFinal(data);
            for (int i = 0; i < plain.length; i++) {
                plain[i] ^= scramble[i % scramble.length];
            }
            return plain;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
