package io.porpoise.auth;

import java.security.KeyPair;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** One connection's authentication in progress, as the server shows it to a plugin. */
@ProviderType
public interface AuthExchange {
    /** The 20-byte scramble sent with this plugin (a fresh one after an auth switch). */
    byte[] scramble();

    /** The user name the client sent. */
    String user();

    /** The client host as matched ({@code localhost} for loopback). */
    String clientHost();

    /** The matched account; empty when none matches (the plugin must then reject). */
    Optional<Account> account();

    /** Whether the connection runs over TLS (the handshake completed before the client's response). */
    boolean isSecureTransport();

    /**
     * Whether this server accepts clear-text passwords on connections without TLS (off unless a
     * deployment configured it explicitly). Plugins that receive the password in clear consult it.
     */
    default boolean cleartextPasswordsWithoutTlsAllowed() {
        return false;
    }

    /** The server's RSA key pair for password exchange without TLS. */
    KeyPair rsaKeyPair();

    /** Plugin-private state for this exchange (null at the start). */
    Object pluginState();

    void pluginState(Object state);
}
