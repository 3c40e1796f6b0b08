package io.porpoise.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The stored form of a password for the plugins that receive it in clear at some point
 * (caching_sha2_password's full authentication, sha256_password, mysql_clear_password):
 * {@code $P$5000$<salt hex>$<hash hex>}, PBKDF2-HMAC-SHA256 with a 20-byte random salt and 5,000
 * iterations (MySQL's stored format is a SHA-256 crypt with the same round count; ours is equally
 * slow to brute-force and uses the JDK's implementation). One format for all of them, so an
 * account can move between these plugins without a new password. An empty password is stored as
 * the empty string.
 */
public final class SaltedPasswordHash {
    private static final int ITERATIONS = 5000;
    private static final int SALT_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DUMMY = "$P$5000$" + "00".repeat(SALT_BYTES) + "$" + "00".repeat(32);

    private SaltedPasswordHash() {
    }

    /** The stored form of {@code password}; a fresh salt each call. */
    public static String hash(String password) {
        if (password.isEmpty()) {
            return "";
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        try {
            return "$P$" + ITERATIONS + "$" + HexFormat.of().formatHex(salt) + "$" + HexFormat.of().formatHex(derive(pw, salt, ITERATIONS));
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** The stored format ({@code $P$<rounds>$<40 hex>$<64 hex>}), or empty. */
    public static boolean isValid(String stored) {
        return stored.isEmpty() || stored.matches("\\$P\\$[1-9][0-9]{3,5}\\$[0-9a-f]{40}\\$[0-9a-f]{64}");
    }

    /**
     * Whether {@code password} (UTF-8 bytes) matches {@code stored}. Constant work whatever
     * {@code stored} is (a malformed value does the work of a real one and fails); an empty stored
     * value matches only an empty password.
     */
    public static boolean verify(String stored, byte[] password) {
        if (stored.isEmpty()) {
            derive(password, new byte[SALT_BYTES], ITERATIONS);
            return password.length == 0;
        }
        boolean wellFormed = isWellFormed(stored);
        String[] f = (wellFormed ? stored : DUMMY).split("\\$");
        int iterations = Integer.parseInt(f[2]);
        byte[] salt = HexFormat.of().parseHex(f[3]);
        byte[] expected = HexFormat.of().parseHex(f[4]);
        return MessageDigest.isEqual(derive(password, salt, iterations), expected) && wellFormed;
    }

    /** Whether {@code stored} has this format (or is empty). */
    public static boolean isWellFormed(String stored) {
        if (stored.isEmpty()) {
            return true;
        }
        String[] f = stored.split("\\$", -1);
        return f.length == 5 && f[0].isEmpty() && f[1].equals("P") && f[2].matches("[1-9][0-9]{0,6}")
                && f[3].matches("([0-9a-f]{2})+") && f[4].matches("[0-9a-f]{64}");
    }

    private static byte[] derive(byte[] password, byte[] salt, int iterations) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(password));
        char[] pw = new char[chars.remaining()];
        chars.get(pw);
        PBEKeySpec spec = new PBEKeySpec(pw, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
            Arrays.fill(pw, '\0');
        }
    }
}
