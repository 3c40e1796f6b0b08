package io.porpoise.auth;

import java.util.Objects;

/**
 * A MySQL account: {@code user@host} with its auth plugin and the plugin's
 * {@code authentication_string} (a hash, never a clear password).
 */
public record Account(String user, String host, String plugin, String authenticationString) {
    public Account {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(plugin, "plugin");
        authenticationString = authenticationString == null ? "" : authenticationString;
    }

    /** {@code 'user'@'host'}, as MySQL prints accounts. */
    public String quoted() {
        return "'" + user + "'@'" + host + "'";
    }
}
