package io.porpoise.server;

import io.porpoise.auth.TlsRequirement;
import io.porpoise.backend.Backend;
import io.porpoise.server.internal.ServerRuntime;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A running MySQL-protocol server. Build one with {@link #builder()}; see the package
 * documentation for a complete embedding example.
 */
public final class PorpoiseServer implements AutoCloseable {
    private final ServerRuntime runtime;

    private PorpoiseServer(ServerRuntime runtime) {
        this.runtime = runtime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return runtime.localAddress().getPort();
    }

    public InetSocketAddress localAddress() {
        return runtime.localAddress();
    }

    /** The version string announced to clients. */
    public String serverVersion() {
        return runtime.serverVersion();
    }

    /**
     * Applies new settings while running: limits, enabled auth plugins, the default auth
     * plugin and the default backend apply to new connections and statements at once; the
     * port, bind address and data directory need a restart (a warning is logged).
     */
    public void reconfigure(ServerConfig config) {
        runtime.reconfigure(Objects.requireNonNull(config, "config"));
    }

    /** Blocks until the server is closed. */
    public void awaitTermination() throws InterruptedException {
        runtime.awaitTermination();
    }

    /** Stops accepting, closes every connection and backend session, then the backend. */
    @Override
    public void close() {
        runtime.close();
    }

    /** Configures and starts a {@link PorpoiseServer}. */
    public static final class Builder {
        private ServerConfig.Builder config = ServerConfig.builder();
        private Backend backend;
        private Registry registry;

        private Builder() {
        }

        public Builder port(int port) {
            config.port(port);
            return this;
        }

        public Builder bindAddress(String address) {
            config.bindAddress(address);
            return this;
        }

        public Builder dataDirectory(Path dir) {
            config.dataDirectory(dir);
            return this;
        }

        public Builder maxAllowedPacket(long bytes) {
            config.maxAllowedPacket(bytes);
            return this;
        }

        /** The root password set when the account store is first created (else empty). */
        public Builder initialRootPassword(String password) {
            config.initialRootPassword(password);
            return this;
        }

        public Builder defaultAuthPlugin(String name) {
            config.defaultAuthPlugin(name);
            return this;
        }

        /** TLS with this certificate (chain) and private key, PEM files; default: certificates generated in the data directory. */
        public Builder tlsCertificate(Path certificate, Path key) {
            ServerConfig.Tls t = config.build().tls();
            config.tls(new ServerConfig.Tls(true, Optional.of(certificate), Optional.of(key), t.ca()));
            return this;
        }

        /** The CA (PEM) that verifies client certificates for {@code REQUIRE X509} accounts. */
        public Builder tlsCa(Path ca) {
            ServerConfig.Tls t = config.build().tls();
            config.tls(new ServerConfig.Tls(true, t.certificate(), t.key(), Optional.of(ca)));
            return this;
        }

        /** Whether TLS is offered at all (default true); without it CLIENT_SSL is not advertised. */
        public Builder tls(boolean enabled) {
            ServerConfig.Tls t = config.build().tls();
            config.tls(new ServerConfig.Tls(enabled, t.certificate(), t.key(), t.ca()));
            return this;
        }

        /** The initial {@code require_secure_transport} (settable later with SET GLOBAL). */
        public Builder requireSecureTransport(boolean require) {
            config.requireSecureTransport(require);
            return this;
        }

        /** Lets mysql_clear_password run on connections without TLS (off by default; think twice). */
        public Builder cleartextPasswordsWithoutTls(boolean allow) {
            config.cleartextPasswordsWithoutTls(allow);
            return this;
        }

        /**
         * Creates or replaces {@code 'user'@'host'} at start, with the plugin's hash of the password
         * (deployment provisioning; the store keeps only the hash).
         */
        public Builder account(String user, String host, String plugin, String password, TlsRequirement require) {
            config.account(new ServerConfig.AccountSpec(user, host, plugin, password, require));
            return this;
        }

        public Builder config(ServerConfig c) {
            config = c.toBuilder();
            return this;
        }

        /**
         * A backend that is always there, in addition to the registry's {@link Backend}
         * services (which may come and go); see {@link Backend#databases()} for routing.
         */
        public Builder backend(Backend b) {
            this.backend = Objects.requireNonNull(b, "backend");
            return this;
        }

        /** Where plugins come from; default {@link ServiceLoaderRegistry#forModuleOf} this class. */
        public Builder registry(Registry r) {
            this.registry = Objects.requireNonNull(r, "registry");
            return this;
        }

        /** Binds the port and starts serving; throws if the port cannot be bound. */
        public PorpoiseServer start() {
            Registry r = registry != null ? registry : ServiceLoaderRegistry.forModuleOf(PorpoiseServer.class);
            return new PorpoiseServer(ServerRuntime.start(config.build(), Optional.ofNullable(backend), r));
        }
    }
}
