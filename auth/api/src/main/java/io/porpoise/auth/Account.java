package io.porpoise.auth;

import java.util.Objects;

/**
 * A MySQL account: {@code user@host} with its auth plugin, the plugin's
 * {@code authentication_string} (a hash, never a clear password) and what it requires of the
 * transport ({@code REQUIRE NONE|SSL|X509}).
 */
public record Account(String user, String host, String plugin, String authenticationString, TlsRequirement tlsRequirement) {
    public Account {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(plugin, "plugin");
        authenticationString = authenticationString == null ? "" : authenticationString;
        tlsRequirement = tlsRequirement == null ? TlsRequirement.NONE : tlsRequirement;
    }

    /** An account with {@code REQUIRE NONE}. */
    public Account(String user, String host, String plugin, String authenticationString) {
        this(user, host, plugin, authenticationString, TlsRequirement.NONE);
    }

    /** This account with another transport requirement. */
    public Account withTlsRequirement(TlsRequirement requirement) {
        return new Account(user, host, plugin, authenticationString, requirement);
    }

    /** {@code 'user'@'host'}, as MySQL prints accounts. */
    public String quoted() {
        return "'" + user + "'@'" + host + "'";
    }
}
