package io.porpoise.auth.cachingsha2;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import io.porpoise.auth.AuthPlugin;
import io.porpoise.auth.AuthStep;
import io.porpoise.auth.RsaPasswords;
import io.porpoise.auth.SaltedPasswordHash;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * {@code caching_sha2_password}. Fast path: the client sends
 * {@code SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) + scramble)}; when this server has the
 * account's {@code SHA256(SHA256(pw))} in its in-memory cache it answers {@code 0x03} and OK,
 * otherwise {@code 0x04} (perform full authentication): the client then sends the password in
 * clear over TLS, or RSA-OAEP encrypted without TLS, asking for the public key first with
 * {@code 0x02} if it has none. A successful full authentication fills the cache; an entry is
 * used only while the account's stored hash is the one it was filled for, and it is removed when
 * the server reports the account's credentials changed (ALTER USER, SET PASSWORD, RENAME USER,
 * DROP USER), as MySQL clears its cache.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_caching_sha2_authentication_exchanges.html">caching_sha2_password exchanges</a>
 */
@Component(service = AuthPlugin.class, property = AuthPlugin.NAME_PROPERTY + "=" + CachingSha2PasswordPlugin.NAME)
public final class CachingSha2PasswordPlugin implements AuthPlugin {
    public static final String NAME = "caching_sha2_password";
    static final byte FAST_AUTH_SUCCESS = 0x03;
    static final byte PERFORM_FULL_AUTHENTICATION = 0x04;
    static final byte REQUEST_PUBLIC_KEY = 0x02;

    /** Exchange state after 0x04 was sent. */
    private static final Object FULL_AUTHENTICATION = new Object();
    /** Exchange state after the public key was sent: only the encrypted password may follow. */
    private static final Object KEY_SENT = new Object();
    /** Exchange state after the verdict of a full authentication: any further reply is out of order. */
    private static final Object DONE = new Object();

    /** An account's SHA256(SHA256(password)), valid while its stored hash is {@code storedHash}. */
    private record CacheEntry(String storedHash, byte[] doubleHash) {
    }

    private final Map<String, CacheEntry> cache = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuthStep step(AuthExchange exchange, byte[] data) {
        Account account = exchange.account().orElse(null);
        Object state = exchange.pluginState();
        if (state == DONE) {
            return AuthStep.reject("reply after the verdict");
        }
        if (state == FULL_AUTHENTICATION || state == KEY_SENT) {
            return fullAuthentication(exchange, account, data);
        }
        if (data.length == 0 || data.length == 1 && data[0] == 0) {
            // An empty password: clients send nothing or (Connector/J) a single NUL.
            return account != null && account.authenticationString().isEmpty()
                    ? AuthStep.accept() : AuthStep.reject(account == null ? "unknown user" : "empty password given");
        }
        if (data.length != Sha2.LENGTH) {
            return AuthStep.reject("fast-auth response of " + data.length + " bytes");
        }
        byte[] cached = account == null ? null : cached(account);
        if (cached != null && Sha2.verifyScramble(exchange.scramble(), cached, data)) {
            return AuthStep.acceptAfter(new byte[] {FAST_AUTH_SUCCESS});
        }
        exchange.pluginState(FULL_AUTHENTICATION);
        return AuthStep.moreData(new byte[] {PERFORM_FULL_AUTHENTICATION});
    }

    private AuthStep fullAuthentication(AuthExchange exchange, Account account, byte[] data) {
        byte[] password;
        if (exchange.isSecureTransport()) {
            // Over TLS the client sends the password itself, NUL-terminated.
            password = stripNul(data);
        } else if (data.length == 1 && data[0] == REQUEST_PUBLIC_KEY && exchange.pluginState() == FULL_AUTHENTICATION) {
            exchange.pluginState(KEY_SENT);
            return AuthStep.moreData(RsaPasswords.publicKeyPem(exchange.rsaKeyPair()));
        } else {
            byte[] decrypted = RsaPasswords.decrypt(exchange.rsaKeyPair(), data, exchange.scramble());
            if (decrypted == null) {
                return AuthStep.reject("RSA decryption failed");
            }
            password = stripNul(decrypted);
        }
        exchange.pluginState(DONE);
        try {
            if (account == null) {
                SaltedPasswordHash.verify("", password);
                return AuthStep.reject("unknown user");
            }
            if (!SaltedPasswordHash.verify(account.authenticationString(), password)) {
                return AuthStep.reject("wrong password");
            }
            cache.put(cacheKey(account), new CacheEntry(account.authenticationString(), Sha2.doubleHash(password)));
            return AuthStep.accept();
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    @Override
    public String hashPassword(String clearPassword) {
        return SaltedPasswordHash.hash(clearPassword);
    }

    @Override
    public boolean isValidAuthenticationString(String s) {
        return SaltedPasswordHash.isValid(s);
    }

    @Override
    public void credentialsChanged(Account account) {
        cache.remove(cacheKey(account));
    }

    private byte[] cached(Account account) {
        CacheEntry e = cache.get(cacheKey(account));
        return e != null && e.storedHash().equals(account.authenticationString()) ? e.doubleHash() : null;
    }

    private static String cacheKey(Account a) {
        return a.user() + '\0' + a.host().toLowerCase(java.util.Locale.ROOT);
    }

    private static byte[] stripNul(byte[] data) {
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(data, end);
    }

    /** Only for tests: whether an account's entry is cached. */
    boolean isCached(Account a) {
        return cached(a) != null;
    }
}
