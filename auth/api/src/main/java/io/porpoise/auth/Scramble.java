package io.porpoise.auth;

import java.security.SecureRandom;

/**
 * The per-connection salt. 20 bytes from SecureRandom, each 1..127 and never {@code $}: some
 * clients mishandle NUL, high bytes or {@code $} (it starts caching_sha2's stored format).
 */
public final class Scramble {
    public static final int LENGTH = 20;

    private Scramble() {
    }

    public static byte[] generate(SecureRandom random) {
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            int b;
            do {
                b = random.nextInt(128);
            } while (b == 0 || b == '$');
            out[i] = (byte) b;
        }
        return out;
    }
}
