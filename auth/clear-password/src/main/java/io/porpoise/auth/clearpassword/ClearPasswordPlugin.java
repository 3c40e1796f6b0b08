package io.porpoise.auth.clearpassword;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import io.porpoise.auth.AuthPlugin;
import io.porpoise.auth.AuthStep;
import io.porpoise.auth.SaltedPasswordHash;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * {@code mysql_clear_password}: the client sends the password as-is, NUL-terminated. Refused
 * on a connection without TLS unless the server is explicitly configured to allow clear-text
 * passwords there ({@link AuthExchange#cleartextPasswordsWithoutTlsAllowed()}).
 *
 * <p>What is stored: since the server sees the password itself, it can check it against any
 * one-way form. New accounts get the salted PBKDF2 form shared with caching_sha2_password and
 * sha256_password ({@link SaltedPasswordHash}), so an account can move between these plugins
 * without a new password; a {@code mysql_native_password} hash ({@code *} + 40 hex digits,
 * SHA1(SHA1(pw))) is accepted too, so an account migrated from MySQL's native plugin can be
 * switched to clear text (for clients that only speak it, e.g. behind PAM/LDAP-style proxies).
 * Clear passwords are never stored.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_authentication_methods_clear_text_password.html">Clear text client plugin</a>
 */
@Component(service = AuthPlugin.class, property = AuthPlugin.NAME_PROPERTY + "=" + ClearPasswordPlugin.NAME)
public final class ClearPasswordPlugin implements AuthPlugin {
    public static final String NAME = "mysql_clear_password";
    private static final int NATIVE_HASH_LENGTH = 41;
    /** Exchange state: the verdict was given; any further reply is out of order. */
    private static final Object DONE = new Object();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuthStep step(AuthExchange exchange, byte[] data) {
        if (exchange.pluginState() == DONE) {
            return AuthStep.reject("reply after the verdict");
        }
        exchange.pluginState(DONE);
        if (!exchange.isSecureTransport() && !exchange.cleartextPasswordsWithoutTlsAllowed()) {
            return AuthStep.reject("clear-text password on a connection without TLS (not allowed by configuration)");
        }
        byte[] password = beforeNul(data);
        try {
            Account account = exchange.account().orElse(null);
            boolean ok = verify(account == null ? "" : account.authenticationString(), password);
            if (account == null) {
                return AuthStep.reject("unknown user");
            }
            return ok ? AuthStep.accept() : AuthStep.reject("wrong password");
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** Checks the password against the stored form: salted PBKDF2, a native SHA1(SHA1) hash, or empty. */
    static boolean verify(String stored, byte[] password) {
        if (isNativeHash(stored)) {
            MessageDigest sha1 = sha1();
            byte[] doubleHash = sha1.digest(sha1.digest(password));
            byte[] expected = HexFormat.of().parseHex(stored.substring(1).toLowerCase(Locale.ROOT));
            return MessageDigest.isEqual(doubleHash, expected) && password.length > 0;
        }
        return SaltedPasswordHash.verify(stored, password);
    }

    private static boolean isNativeHash(String stored) {
        return stored.length() == NATIVE_HASH_LENGTH && stored.charAt(0) == '*'
                && stored.substring(1).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    @Override
    public String hashPassword(String clearPassword) {
        return SaltedPasswordHash.hash(clearPassword);
    }

    private static byte[] beforeNul(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return Arrays.copyOf(data, end);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1: unavailable (expected: in every JDK)", e);
        }
    }

    @Override
    public boolean isValidAuthenticationString(String s) {
        return SaltedPasswordHash.isValid(s) || s.matches("\\*[0-9A-F]{40}");
    }
}
