package io.porpoise.auth.nativepassword;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import io.porpoise.auth.AuthPlugin;
import io.porpoise.auth.AuthStep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * {@code mysql_native_password}: the client proves knowledge of SHA1(password) with
 * {@code SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw)))}; the server stores
 * {@code "*" + HEX(SHA1(SHA1(pw)))} and never the password.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_authentication_methods_native_password_authentication.html">Native Authentication</a>
 */
@Component(service = AuthPlugin.class, property = AuthPlugin.NAME_PROPERTY + "=" + NativePasswordPlugin.NAME)
public final class NativePasswordPlugin implements AuthPlugin {
    public static final String NAME = "mysql_native_password";
    private static final int SHA1_LENGTH = 20;
    /** Stands in for an unknown user's hash, so both paths do the same work. */
    private static final byte[] DUMMY_HASH = new byte[SHA1_LENGTH];

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuthStep step(AuthExchange exchange, byte[] response) {
        Account account = exchange.account().orElse(null);
        String stored = account == null ? "" : account.authenticationString();
        if (response.length == 0 || response.length == 1 && response[0] == 0) {
            return account != null && stored.isEmpty() ? AuthStep.accept() : AuthStep.reject("empty password given");
        }
        byte[] doubleHash = stored.isEmpty() ? DUMMY_HASH : parse(stored);
        boolean ok = response.length == SHA1_LENGTH && verify(exchange.scramble(), doubleHash, response);
        if (account == null) {
            return AuthStep.reject("unknown user");
        }
        return ok && !stored.isEmpty() ? AuthStep.accept() : AuthStep.reject("wrong password");
    }

    /** SHA1(candidate) == stored, where candidate = response XOR SHA1(scramble + stored). */
    static boolean verify(byte[] scramble, byte[] doubleHash, byte[] response) {
        MessageDigest sha1 = sha1();
        sha1.update(scramble);
        byte[] mask = sha1.digest(doubleHash);
        byte[] candidate = new byte[SHA1_LENGTH];
        for (int i = 0; i < SHA1_LENGTH; i++) {
            candidate[i] = (byte) (response[i] ^ mask[i]);
        }
        return MessageDigest.isEqual(sha1.digest(candidate), doubleHash);
    }

    /** What a client sends for {@code password} and {@code scramble} (tests, tools). */
    public static byte[] scramble(String password, byte[] scramble) {
        MessageDigest sha1 = sha1();
        byte[] h1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] h2 = sha1.digest(h1);
        sha1.update(scramble);
        byte[] mask = sha1.digest(h2);
        for (int i = 0; i < h1.length; i++) {
            h1[i] ^= mask[i];
        }
        return h1;
    }

    @Override
    public String hashPassword(String clearPassword) {
        if (clearPassword.isEmpty()) {
            return "";
        }
        MessageDigest sha1 = sha1();
        byte[] h2 = sha1.digest(sha1.digest(clearPassword.getBytes(StandardCharsets.UTF_8)));
        return "*" + HexFormat.of().formatHex(h2).toUpperCase(Locale.ROOT);
    }

    /** {@code *} and 40 hex digits (MySQL writes them upper-case), or empty. */
    @Override
    public boolean isValidAuthenticationString(String s) {
        return s.isEmpty() || s.matches("\\*[0-9A-Fa-f]{40}");
    }

    private static byte[] parse(String stored) {
        if (stored.length() != 41 || stored.charAt(0) != '*') {
            return DUMMY_HASH;
        }
        try {
            return HexFormat.of().parseHex(stored.substring(1));
        } catch (IllegalArgumentException e) {
            return DUMMY_HASH;
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1: unavailable (expected: in every JDK)", e);
        }
    }
}
