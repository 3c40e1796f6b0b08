package io.porpoise.auth.cachingsha2;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Base64;
import javax.crypto.Cipher;

/**
 * The password exchange without TLS: the client XORs the NUL-terminated password with the
 * scramble (repeated) and encrypts it with RSA-OAEP (SHA-1, MGF1) under the server's key.
 */
final class RsaPasswords {
    private RsaPasswords() {
    }

    static byte[] publicKeyPem(KeyPair keys) {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return pem.getBytes(StandardCharsets.US_ASCII);
    }

    /** The password bytes (with their NUL), or null when the data does not decrypt. */
    static byte[] decrypt(KeyPair keys, byte[] data, byte[] scramble) {
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
