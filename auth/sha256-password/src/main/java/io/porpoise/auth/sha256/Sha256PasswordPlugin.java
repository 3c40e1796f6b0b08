package io.porpoise.auth.sha256;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import io.porpoise.auth.AuthPlugin;
import io.porpoise.auth.AuthStep;
import io.porpoise.auth.RsaPasswords;
import io.porpoise.auth.SaltedPasswordHash;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;

/**
 * {@code sha256_password}: the password itself reaches the server, in clear over TLS or
 * RSA-OAEP encrypted without TLS (the client may first ask for the public key with {@code 0x01};
 * the server answers AuthMoreData with the PEM). An empty password is an empty reply or a lone
 * NUL. The server stores a salted PBKDF2 hash ({@link SaltedPasswordHash}), never the password.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_authentication_methods_sha256_password.html">SHA256 authentication</a>
 */
@Component(service = AuthPlugin.class, property = AuthPlugin.NAME_PROPERTY + "=" + Sha256PasswordPlugin.NAME)
public final class Sha256PasswordPlugin implements AuthPlugin {
    public static final String NAME = "sha256_password";
    static final byte REQUEST_PUBLIC_KEY = 0x01;

    /** Exchange state: the public key was sent; only the encrypted password may follow. */
    private static final Object KEY_SENT = new Object();
    /** Exchange state: the verdict was given; any further reply is out of order. */
    private static final Object DONE = new Object();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuthStep step(AuthExchange exchange, byte[] data) {
        Object state = exchange.pluginState();
        if (state == DONE) {
            return AuthStep.reject("reply after the verdict");
        }
        boolean secure = exchange.isSecureTransport();
        if (state == null && !secure && data.length == 1 && data[0] == REQUEST_PUBLIC_KEY) {
            exchange.pluginState(KEY_SENT);
            return AuthStep.moreData(RsaPasswords.publicKeyPem(exchange.rsaKeyPair()));
        }
        exchange.pluginState(DONE);
        byte[] password;
        if (state == null && (data.length == 0 || data.length == 1 && data[0] == 0)) {
            password = new byte[0];
        } else if (secure) {
            password = beforeNul(data);
        } else {
            byte[] decrypted = RsaPasswords.decrypt(exchange.rsaKeyPair(), data, exchange.scramble());
            if (decrypted == null) {
                return AuthStep.reject("RSA decryption failed (" + data.length + " bytes)");
            }
            password = beforeNul(decrypted);
            Arrays.fill(decrypted, (byte) 0);
        }
        try {
            Account account = exchange.account().orElse(null);
            boolean ok = SaltedPasswordHash.verify(account == null ? "" : account.authenticationString(), password);
            if (account == null) {
                return AuthStep.reject("unknown user");
            }
            return ok ? AuthStep.accept() : AuthStep.reject("wrong password");
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    @Override
    public String hashPassword(String clearPassword) {
        return SaltedPasswordHash.hash(clearPassword);
    }

    /** The password ends at its NUL terminator (clients send one; a missing one is tolerated). */
    static byte[] beforeNul(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return Arrays.copyOf(data, end);
    }

    @Override
    public boolean isValidAuthenticationString(String s) {
        return SaltedPasswordHash.isValid(s);
    }
}
