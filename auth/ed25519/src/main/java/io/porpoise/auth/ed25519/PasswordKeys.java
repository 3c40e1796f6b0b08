package io.porpoise.auth.ed25519;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Ed25519 public key of a password as MariaDB derives it: the secret scalar is the clamped
 * first half of SHA-512(password) (standard Ed25519 hashes a 32-byte seed instead, so library
 * key generation cannot be used for passwords of other lengths), the public key is that scalar
 * times the base point, RFC 8032-encoded. Computed only when an account's password is set, never
 * during a login (verification is Bouncy Castle's).
 *
 * <p>Arithmetic: extended twisted Edwards coordinates with RFC 8032's complete addition formula,
 * a Montgomery ladder over all 255 scalar bits (the same sequence of operations whatever the
 * password).
 */
final class PasswordKeys {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(inverse(BigInteger.valueOf(121666))).mod(P);
    private static final BigInteger D2 = D.shiftLeft(1).mod(P);
    private static final BigInteger BASE_Y = BigInteger.valueOf(4).multiply(inverse(BigInteger.valueOf(5))).mod(P);
    private static final BigInteger BASE_X =
            new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202");
    private static final BigInteger[] BASE = {BASE_X, BASE_Y, BigInteger.ONE, BASE_X.multiply(BASE_Y).mod(P)};
    private static final BigInteger[] NEUTRAL = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};

    private PasswordKeys() {
    }

    /** The 32-byte public key for {@code password} (its UTF-8 bytes, as the client hashes them). */
    static byte[] publicKey(byte[] password) {
        byte[] h = sha512().digest(password);
        h[0] &= (byte) 248;
        h[31] &= 63;
        h[31] |= 64;
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = h[31 - i];
        }
        return encode(multiply(new BigInteger(1, bigEndian)));
    }

    /** scalar × base point, Montgomery ladder: R0 = k·B, R1 = (k+1)·B at every step. */
    private static BigInteger[] multiply(BigInteger scalar) {
        BigInteger[] r0 = NEUTRAL;
        BigInteger[] r1 = BASE;
        for (int i = 254; i >= 0; i--) {
            if (scalar.testBit(i)) {
                r0 = add(r0, r1);
                r1 = add(r1, r1);
            } else {
                r1 = add(r0, r1);
                r0 = add(r0, r0);
            }
        }
        return r0;
    }

    /** RFC 8032 §5.1.4 addition in extended coordinates (X, Y, Z, T), complete for Ed25519. */
    private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        BigInteger a = p[1].subtract(p[0]).multiply(q[1].subtract(q[0])).mod(P);
        BigInteger b = p[1].add(p[0]).multiply(q[1].add(q[0])).mod(P);
        BigInteger c = p[3].multiply(D2).multiply(q[3]).mod(P);
        BigInteger d = p[2].shiftLeft(1).multiply(q[2]).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger h = b.add(a);
        return new BigInteger[] {e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P)};
    }

    /** RFC 8032 §5.1.2: y little-endian, the low bit of x in the top bit. */
    private static byte[] encode(BigInteger[] point) {
        BigInteger zInverse = inverse(point[2]);
        BigInteger x = point[0].multiply(zInverse).mod(P);
        BigInteger y = point[1].multiply(zInverse).mod(P);
        byte[] out = new byte[32];
        byte[] be = y.toByteArray();
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        if (x.testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    private static BigInteger inverse(BigInteger v) {
        return v.modPow(P.subtract(BigInteger.TWO), P);
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512: unavailable (expected: in every JDK)", e);
        }
    }
}
