package io.porpoise.auth.cachingsha2;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 helpers of the caching_sha2_password scramble. */
final class Sha2 {
    static final int LENGTH = 32;

    private Sha2() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256: unavailable (expected: in every JDK)", e);
        }
    }

    /** SHA256(SHA256(password)): what the cache holds. */
    static byte[] doubleHash(byte[] password) {
        MessageDigest d = sha256();
        return d.digest(d.digest(password));
    }

    /** Given SHA256(SHA256(pw)), checks the client's fast-auth response. */
    static boolean verifyScramble(byte[] scramble, byte[] doubleHash, byte[] response) {
        MessageDigest d = sha256();
        d.update(doubleHash);
        d.update(scramble);
        byte[] mask = d.digest();
        byte[] candidate = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            candidate[i] = (byte) (response[i] ^ mask[i]);
        }
        return MessageDigest.isEqual(d.digest(candidate), doubleHash);
    }

    /** What a client sends on the fast path (tests, tools). */
    static byte[] scramble(byte[] password, byte[] scramble) {
        MessageDigest d = sha256();
        byte[] h1 = d.digest(password);
        byte[] h2 = d.digest(h1);
        d.update(h2);
        d.update(scramble);
        byte[] mask = d.digest();
        for (int i = 0; i < LENGTH; i++) {
            h1[i] ^= mask[i];
        }
        return h1;
    }
}
