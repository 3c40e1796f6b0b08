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

    KeyPair rsaKeys();

    SecureRandom random();

    /** {@code require_secure_transport}, as of now (SET GLOBAL changes it). */
    boolean requireSecureTransport();

    /** Whether clear-text password plugins may run without TLS (configuration). */
    boolean cleartextPasswordsWithoutTlsAllowed();
}
