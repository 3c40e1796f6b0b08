package io.porpoise.server.internal;

import io.porpoise.auth.AccountStore;
import io.porpoise.auth.AuthPlugin;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Map;

/** What a {@link Login} needs from the server: accounts, plugins (a snapshot), keys. */
interface LoginContext {
    AccountStore accounts();

    /** The auth plugins by name, as of now; never empty. */
    Map<String, AuthPlugin> authPlugins();

    String defaultAuthPlugin();

    /**
     * The plugin an unknown user is authenticated with: chosen like a real account's (see
     * {@link AccountAdmin#pluginForUnknownUser}), so the exchange does not reveal that the user is unknown.
     */
    default String pluginForUnknownUser(String user) {
        return defaultAuthPlugin();
    }

    KeyPair rsaKeys();

    SecureRandom random();

    /** {@code require_secure_transport}, as of now (SET GLOBAL changes it). */
    boolean requireSecureTransport();

    /** Whether clear-text password plugins may run without TLS (configuration). */
    boolean cleartextPasswordsWithoutTlsAllowed();
}
