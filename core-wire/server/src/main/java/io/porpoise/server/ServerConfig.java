package io.porpoise.server;

import io.porpoise.auth.TlsRequirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Server settings.
 *
 * @param port TCP port, 0 for any free one (default 3306)
 * @param bindAddress address to listen on (default 127.0.0.1)
 * @param dataDirectory accounts, RSA keys and backend data live below it
 * @param maxAllowedPacket the largest payload accepted from a client (default 64 MiB)
 * @param maxConnections connections beyond it get ER_CON_COUNT_ERROR (default 151)
 * @param defaultAuthPlugin the plugin announced in the handshake and used for new accounts
 * @param initialRootPassword root@localhost's password when the account store is created
 * @param workerThreads threads for blocking backend work on Java 17 (virtual threads on 21+)
 * @param enabledAuthPlugins the auth plugins offered to clients; empty means every installed one
 * @param defaultBackend the catch-all backend's name when several are installed; empty means
 *     the highest-ranked one
 * @param tls whether TLS is offered and with which certificate
 * @param requireSecureTransport the initial {@code require_secure_transport}: plain connections are refused
 * @param cleartextPasswordsWithoutTls whether plugins may receive clear-text passwords without TLS (default false)
 * @param accounts accounts created or replaced at every start (deployment provisioning, tests)
 */
public record ServerConfig(int port, String bindAddress, Path dataDirectory, long maxAllowedPacket, int maxConnections,
        String defaultAuthPlugin, Optional<String> initialRootPassword, int workerThreads, Set<String> enabledAuthPlugins,
        Optional<String> defaultBackend, Tls tls, boolean requireSecureTransport, boolean cleartextPasswordsWithoutTls,
        List<AccountSpec> accounts) {

    public ServerConfig {
        enabledAuthPlugins = Set.copyOf(enabledAuthPlugins);
        Objects.requireNonNull(tls, "tls");
        accounts = List.copyOf(accounts);
    }

    /**
     * TLS settings. With {@code certificate} and {@code key} (PEM files; the certificate file may
     * hold the chain) the server uses them; without, it uses the certificates it generated in the
     * data directory on its first start ({@code ca.pem}, {@code server-cert.pem},
     * {@code server-key.pem}, plus {@code client-cert.pem}/{@code client-key.pem} for clients).
     * {@code ca} (PEM) verifies client certificates ({@code REQUIRE X509}); with generated
     * certificates it defaults to the generated CA.
     */
    public record Tls(boolean enabled, Optional<Path> certificate, Optional<Path> key, Optional<Path> ca) {
        public Tls {
            if (certificate.isPresent() != key.isPresent()) {
                throw new IllegalArgumentException("TLS certificate and key: " + certificate.orElse(null) + ", "
                        + key.orElse(null) + " (expected: both or neither)");
            }
        }

        /** TLS with certificates generated in the data directory. */
        public static final Tls GENERATED = new Tls(true, Optional.empty(), Optional.empty(), Optional.empty());
        /** No TLS: CLIENT_SSL is not advertised. */
        public static final Tls DISABLED = new Tls(false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** An account the server creates (or replaces) at start, hashing the password with its plugin. */
    public record AccountSpec(String user, String host, String plugin, String password, TlsRequirement tlsRequirement) {
        public AccountSpec {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(tlsRequirement, "tlsRequirement");
        }
    }

    public static final long DEFAULT_MAX_ALLOWED_PACKET = 64L * 1024 * 1024;

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.bindAddress = bindAddress;
        b.dataDirectory = dataDirectory;
        b.maxAllowedPacket = maxAllowedPacket;
        b.maxConnections = maxConnections;
        b.defaultAuthPlugin = defaultAuthPlugin;
        b.initialRootPassword = initialRootPassword.orElse(null);
        b.workerThreads = workerThreads;
        b.enabledAuthPlugins = enabledAuthPlugins;
        b.defaultBackend = defaultBackend.orElse(null);
        b.tls = tls;
        b.requireSecureTransport = requireSecureTransport;
        b.cleartextPasswordsWithoutTls = cleartextPasswordsWithoutTls;
        b.accounts.addAll(accounts);
        return b;
    }

    /** Builds a {@link ServerConfig}. */
    public static final class Builder {
        private int port = 3306;
        private String bindAddress = "127.0.0.1";
        private Path dataDirectory = Path.of("data");
        private long maxAllowedPacket = DEFAULT_MAX_ALLOWED_PACKET;
        private int maxConnections = 151;
        private String defaultAuthPlugin = "caching_sha2_password";
        private String initialRootPassword;
        private int workerThreads = 256;
        private Set<String> enabledAuthPlugins = Set.of();
        private String defaultBackend;
        private Tls tls = Tls.GENERATED;
        private boolean requireSecureTransport;
        private boolean cleartextPasswordsWithoutTls;
        private final List<AccountSpec> accounts = new ArrayList<>();

        public Builder port(int v) {
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("port: " + v + " (expected: 0..65535)");
            }
            port = v;
            return this;
        }

        public Builder bindAddress(String v) { bindAddress = v; return this; }

        public Builder dataDirectory(Path v) { dataDirectory = v; return this; }

        public Builder maxAllowedPacket(long v) {
            if (v < 1024 || v > 1024L * 1024 * 1024) {
                throw new IllegalArgumentException("maxAllowedPacket: " + v + " (expected: 1024..1073741824)");
            }
            maxAllowedPacket = v;
            return this;
        }

        public Builder maxConnections(int v) { maxConnections = v; return this; }

        public Builder defaultAuthPlugin(String v) { defaultAuthPlugin = v; return this; }

        public Builder initialRootPassword(String v) { initialRootPassword = v; return this; }

        public Builder workerThreads(int v) { workerThreads = v; return this; }

        /** The auth plugins offered to clients (by name); empty means every installed one. */
        public Builder enabledAuthPlugins(Set<String> v) { enabledAuthPlugins = Set.copyOf(v); return this; }

        /** The catch-all backend when several are installed (by name); null means the highest-ranked. */
        public Builder defaultBackend(String v) { defaultBackend = v == null || v.isBlank() ? null : v; return this; }

        public Builder tls(Tls v) { tls = Objects.requireNonNull(v, "tls"); return this; }

        public Builder requireSecureTransport(boolean v) { requireSecureTransport = v; return this; }

        public Builder cleartextPasswordsWithoutTls(boolean v) { cleartextPasswordsWithoutTls = v; return this; }

        public Builder account(AccountSpec v) { accounts.add(Objects.requireNonNull(v, "account")); return this; }

        public ServerConfig build() {
            return new ServerConfig(port, bindAddress, dataDirectory, maxAllowedPacket, maxConnections, defaultAuthPlugin,
                    Optional.ofNullable(initialRootPassword), workerThreads, enabledAuthPlugins, Optional.ofNullable(defaultBackend),
                    tls, requireSecureTransport,
                    cleartextPasswordsWithoutTls, accounts);
        }
    }
}
