package io.porpoise.auth.ed25519;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import io.porpoise.auth.AuthPlugin;
import io.porpoise.auth.AuthStep;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.osgi.service.component.annotations.Component;

/**
 * MariaDB's {@code ed25519} authentication, client plugin {@code client_ed25519}: the server sends
 * a 32-byte random nonce in an AuthSwitchRequest, the client signs it with the Ed25519 key whose
 * secret is SHA-512 of the password, and the server verifies the 64-byte signature (Bouncy
 * Castle's RFC 8032 verification) against the stored public key. The password never leaves the
 * client, so no TLS is needed. The stored value is the base64 public key without padding (43
 * characters), what MariaDB's {@code ed25519_password()} returns; an empty stored value stands
 * for the empty password.
 *
 * <p>The handshake carries the 20-byte scramble, not a nonce: a client answering it with this
 * plugin is switched to it again, with a nonce, as MariaDB (which always starts with
 * mysql_native_password) effectively does.
 *
 * @see <a href="https://mariadb.com/kb/en/authentication-plugin-ed25519/">Authentication Plugin - ed25519</a>
 */
@Component(service = AuthPlugin.class, property = AuthPlugin.NAME_PROPERTY + "=" + Ed25519PasswordPlugin.NAME)
public final class Ed25519PasswordPlugin implements AuthPlugin {
    public static final String NAME = "client_ed25519";
    static final int NONCE_LENGTH = 32;
    static final int SIGNATURE_LENGTH = Ed25519.SIGNATURE_SIZE;
    /** Exchange state: the verdict was given; any further reply is out of order. */
    private static final Object DONE = new Object();
    /** The public key of the empty password: an empty stored value means it. */
    private static final byte[] EMPTY_PASSWORD_KEY = PasswordKeys.publicKey(new byte[0]);

    private final SecureRandom random;

    public Ed25519PasswordPlugin() {
        this(new SecureRandom());
    }

    Ed25519PasswordPlugin(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] initialData(AuthExchange exchange) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        exchange.pluginState(new Nonce(nonce));
        return nonce.clone();
    }

    @Override
    public AuthStep step(AuthExchange exchange, byte[] signature) {
        Object state = exchange.pluginState();
        if (state == null) {
            // The client answered the handshake's scramble: send it a nonce.
            return new AuthStep.SwitchTo(NAME);
        }
        if (!(state instanceof Nonce)) {
            return AuthStep.reject("reply after the verdict");
        }
        exchange.pluginState(DONE);
        Account account = exchange.account().orElse(null);
        byte[] publicKey = account == null ? null : decodeStored(account.authenticationString());
        boolean ok = signature.length == SIGNATURE_LENGTH
                && Ed25519.verify(signature, 0, publicKey == null ? EMPTY_PASSWORD_KEY : publicKey, 0,
                        ((Nonce) state).bytes(), 0, NONCE_LENGTH);
        if (account == null) {
            return AuthStep.reject("unknown user");
        }
        if (publicKey == null) {
            return AuthStep.reject("stored value is not a 43-character base64 Ed25519 public key");
        }
        return ok ? AuthStep.accept() : AuthStep.reject(signature.length == SIGNATURE_LENGTH
                ? "wrong password" : "signature of " + signature.length + " bytes (expected: 64)");
    }

    @Override
    public boolean isValidAuthenticationString(String s) {
        // MariaDB's ed25519_password(): the 32-byte public key, base64 without padding (43 characters).
        return s.isEmpty() || s.matches("[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]");
    }

    @Override
    public String hashPassword(String clearPassword) {
        if (clearPassword.isEmpty()) {
            return "";
        }
        return encode(PasswordKeys.publicKey(clearPassword.getBytes(StandardCharsets.UTF_8)));
    }

    /** The stored form, as MariaDB's {@code ed25519_password()}: base64 without padding. */
    static String encode(byte[] publicKey) {
        return Base64.getEncoder().withoutPadding().encodeToString(publicKey);
    }

    /** The public key of a stored value; the empty password's key for "", null when malformed. */
    static byte[] decodeStored(String stored) {
        if (stored.isEmpty()) {
            return EMPTY_PASSWORD_KEY;
        }
        if (stored.length() != 43) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The nonce sent to the client, as exchange state. */
    private record Nonce(byte[] bytes) {
    }
}
