package io.porpoise.auth;

import java.util.Arrays;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An authentication method (MySQL's server-side auth plugin), as a non-blocking step machine.
 * The server sends the plugin's name and {@link #initialData} in the handshake or in an
 * AuthSwitchRequest, then feeds every client reply to {@link #step} until it accepts or rejects.
 *
 * <p>Plugins are stateless services shared by all connections: per-connection state lives in
 * the {@link AuthExchange}. They are registered under this interface with the service property
 * {@link #NAME_PROPERTY}. A plugin must treat an unknown user exactly like a wrong password
 * (same steps, same timing class): {@link AuthExchange#account()} is then empty.
 */
@ConsumerType
public interface AuthPlugin {
    /** Service property carrying {@link #name()}. */
    String NAME_PROPERTY = "porpoise.auth.plugin";

    /** The protocol name, e.g. {@code caching_sha2_password}. */
    String name();

    /** Whether the plugin may only run over TLS (or another secure transport). */
    default boolean requiresSecureTransport() {
        return false;
    }

    /** Data for the handshake or AuthSwitchRequest; scramble-based plugins send the scramble and a NUL. */
    default byte[] initialData(AuthExchange exchange) {
        byte[] s = exchange.scramble();
        return Arrays.copyOf(s, s.length + 1);
    }

    /** Consumes one client reply. */
    AuthStep step(AuthExchange exchange, byte[] clientData);

    /**
     * The {@code authentication_string} to store for an account with this plugin and password
     * (never the clear password). An empty password gives an empty string.
     */
    String hashPassword(String clearPassword);

    /**
     * Whether {@code authenticationString} is in this plugin's stored format ({@code CREATE USER
     * ... IDENTIFIED WITH plugin AS 'hash'}); the empty string (no password) is always valid.
     */
    default boolean isValidAuthenticationString(String authenticationString) {
        return authenticationString.isEmpty();
    }

    /**
     * The account's credentials changed, or it was renamed or dropped: a plugin that caches
     * anything derived from them (caching_sha2_password's fast-path cache) forgets it, so the
     * next login needs full authentication. Stateless plugins need not override it.
     */
    default void credentialsChanged(Account account) {
    }
}
