package io.porpoise.server.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.porpoise.auth.Account;
import io.porpoise.auth.AccountStore;
import io.porpoise.auth.AuthPlugin;
import io.porpoise.backend.Backend;
import io.porpoise.backend.BackendContext;
import io.porpoise.backend.BackendException;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SystemVariables;
import io.porpoise.compression.CompressionAlgorithm;
import io.porpoise.compression.CompressionNegotiation;
import io.porpoise.compression.PermittedAlgorithms;
import io.porpoise.server.Registry;
import io.porpoise.server.ServerConfig;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.frame.PacketFrameDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A started server: the Netty channels, the shared services and the live connections. It is
 * the composition root (configuration, keys and certificates, accounts, backends, plugin look-up,
 * live reconfiguration, shutdown), which is why it is longer than the other classes; the work
 * itself lives in the classes it wires (BackendRouter, ServerTls, AccountAdmin, Login, ...).
 */
public final class ServerRuntime implements LoginContext, io.porpoise.command.ProcessList {
    private static final System.Logger LOG = System.getLogger(ServerRuntime.class.getName());
    /** MySQL 8.4 compatibility, with the product named after the dash. */
    static final String VERSION = "8.4.6-porpoise-0.1.0";
    /** Announced when the configured default plugin is missing, in this order. */
    private static final List<String> FALLBACK_AUTH_PLUGINS =
            List.of("caching_sha2_password", "mysql_native_password", "sha256_password");

    private volatile ServerConfig config;
    private final Registry registry;
    private final BackendRouter backends;
    private final java.util.concurrent.CompletableFuture<Void> backendsStarting;
    private final SystemVariables variables;
    private final AccountStore accounts;
    private final LoginThrottle loginThrottle;
    private final AccountAdmin accountAdmin;
    private final KeyPair rsaKeys;
    private final Optional<ServerTls> tls;
    private final SecureRandom random = new SecureRandom();
    private final ExecutorService workers;
    private final AtomicLong connectionIds = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger preparedStatements = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<Long, ConnectionHandler> connections = new ConcurrentHashMap<>();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final ServerStatusCounters statusCounters = new ServerStatusCounters();
    private EventLoopGroup boss;
    private EventLoopGroup io;
    private Channel serverChannel;

    private ServerRuntime(ServerConfig config, Optional<Backend> backend, Registry registry) {
        this.config = config;
        this.registry = registry;
        this.backends = new BackendRouter(registry, backend, () -> this.config.defaultBackend().orElse(null), backendContext());
        this.variables = SystemVariables.withDefaults();
        configureVariables();
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The backends (H2 opening its database) start while keys, certificates and accounts
        // load: each takes a good part of a second, and start-up time is what users wait for.
        this.backendsStarting = new java.util.concurrent.CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                backends.startAll();
                backendsStarting.complete(null);
            } catch (BackendException | RuntimeException e) {
                backendsStarting.completeExceptionally(e);
            }
        }, "porpoise-backend-start");
        starter.setDaemon(true);
        starter.start();
        try {
            this.rsaKeys = RsaKeys.loadOrCreate(config.dataDirectory());
            this.tls = ServerTls.load(config.tls(), config.dataDirectory(), VERSION);
            configureTlsVariables();
            // root@localhost is only made for a new store: its plugin may not be installed yet on a
            // later start (a plugin bundle still being deployed), which must not stop the server.
            boolean newStore = !Files.exists(config.dataDirectory().resolve(FileAccountStore.FILE));
            this.accounts = FileAccountStore.open(config.dataDirectory(), newStore ? List.of(initialRoot()) : List.of());
            this.loginThrottle = new LoginThrottle(variables);
            this.accountAdmin = new AccountAdmin(accounts, this::authPlugins, this::defaultAuthPlugin, loginThrottle, random);
            provisionAccounts();
        } catch (RuntimeException | Error e) {
            backendsStarting.handle((ok, failed) -> null).join();
            backends.closeAll();
            throw e;
        }
        this.workers = Workers.create(config.workerThreads());
    }

    public static ServerRuntime start(ServerConfig config, Optional<Backend> given, Registry registry) {
        ServerRuntime rt = new ServerRuntime(config, given, registry);
        try {
            rt.backendsStarting.join();
        } catch (java.util.concurrent.CompletionException e) {
            rt.close();
            Throwable cause = e.getCause();
            throw new IllegalStateException("backend failed to start: " + cause.getMessage(), cause);
        }
        rt.bind();
        LOG.log(Level.INFO, "Porpoise " + VERSION + " listening on " + rt.localAddress() + ", backends "
                + rt.backends.backends().stream().map(b -> b.name() + (b.databases().isEmpty() ? "" : " " + b.databases()))
                        .collect(Collectors.toList())
                + ", auth plugins " + rt.authPlugins().keySet() + ", commands " + rt.commandHandlers().size());
        if (rt.backends.backends().isEmpty()) {
            LOG.log(Level.WARNING, "no backend installed yet: queries fail until one appears");
        }
        return rt;
    }

    /**
     * Applies new settings to the running server: limits, plugins and the default backend at
     * once (new connections and statements see them); the listening address and the data
     * directory only on restart, which is logged.
     */
    public void reconfigure(ServerConfig next) {
        ServerConfig old = config;
        if (old.port() != next.port() || !old.bindAddress().equals(next.bindAddress())) {
            LOG.log(Level.WARNING, "port/bind address change to " + next.bindAddress() + ":" + next.port()
                    + " takes effect after a restart (still listening on " + localAddress() + ")");
        }
        if (!old.dataDirectory().equals(next.dataDirectory())) {
            LOG.log(Level.WARNING, "data directory change to " + next.dataDirectory() + " takes effect after a restart");
        }
        if (!old.tls().equals(next.tls())) {
            LOG.log(Level.WARNING, "TLS settings change takes effect after a restart");
        }
        ServerConfig applied = next.toBuilder().port(old.port()).bindAddress(old.bindAddress()).dataDirectory(old.dataDirectory())
                .tls(old.tls()).build();
        if (old.requireSecureTransport() != applied.requireSecureTransport()) {
            variables.configure("require_secure_transport", applied.requireSecureTransport());
        }
        config = applied;
        variables.configure("max_allowed_packet", applied.maxAllowedPacket());
        variables.configure("max_connections", applied.maxConnections());
        variables.configure("default_authentication_plugin", applied.defaultAuthPlugin());
        LOG.log(Level.INFO, "configuration applied: max_connections=" + applied.maxConnections() + ", max_allowed_packet="
                + applied.maxAllowedPacket() + ", default auth plugin " + applied.defaultAuthPlugin() + ", enabled auth plugins "
                + (applied.enabledAuthPlugins().isEmpty() ? "all" : applied.enabledAuthPlugins()) + ", default backend "
                + applied.defaultBackend().orElse("(highest ranked)"));
    }

    private void configureVariables() {
        variables.configure("port", config.port());
        variables.configure("bind_address", config.bindAddress());
        variables.configure("max_allowed_packet", config.maxAllowedPacket());
        variables.configure("max_connections", config.maxConnections());
        variables.configure("default_authentication_plugin", config.defaultAuthPlugin());
        variables.configure("version", VERSION);
        variables.check("protocol_compression_algorithms", value -> {
            try {
                PermittedAlgorithms.parse(String.valueOf(value));
            } catch (IllegalArgumentException e) {
                ServerError err = ServerErrors.of("ER_WRONG_VALUE_FOR_VAR");
                throw new BackendException(err.code(), err.sqlState(), err.format("protocol_compression_algorithms", value));
            }
        });
        variables.configure("datadir", config.dataDirectory().toAbsolutePath() + "/");
        variables.configure("system_time_zone", java.util.TimeZone.getDefault().getID());
        try {
            variables.configure("hostname", java.net.InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "hostname unknown: " + e.getMessage());
        }
    }

    private void configureTlsVariables() {
        variables.configure("require_secure_transport", config.requireSecureTransport());
        if (tls.isPresent()) {
            ServerTls t = tls.get();
            variables.configure("have_ssl", "YES");
            variables.configure("have_openssl", "YES");
            variables.configure("ssl_cert", t.certificateFile().toString());
            variables.configure("ssl_key", t.keyFile().toString());
            t.caFile().ifPresent(ca -> variables.configure("ssl_ca", ca.toString()));
        } else {
            variables.configure("tls_version", "");
        }
    }

    /** The accounts the configuration asks for, created or replaced at every start. */
    private void provisionAccounts() {
        for (ServerConfig.AccountSpec a : config.accounts()) {
            AuthPlugin plugin = authPlugins().get(a.plugin());
            if (plugin == null) {
                throw new IllegalStateException("account " + a.user() + "@" + a.host() + " plugin: " + a.plugin()
                        + " (expected: one of " + authPlugins().keySet() + ")");
            }
            accounts.save(new Account(a.user(), a.host(), plugin.name(), plugin.hashPassword(a.password()), a.tlsRequirement()));
        }
    }

    private Account initialRoot() {
        String password = config.initialRootPassword().orElse("");
        AuthPlugin plugin = authPlugins().get(config.defaultAuthPlugin());
        if (plugin == null) {
            throw new IllegalStateException("default auth plugin: " + config.defaultAuthPlugin() + " (expected: one of "
                    + authPlugins().keySet() + ")");
        }
        return new Account("root", "localhost", plugin.name(), plugin.hashPassword(password));
    }

    private BackendContext backendContext() {
        return new BackendContext() {
            @Override
            public Path dataDirectory() {
                return config.dataDirectory();
            }

            @Override
            public Optional<String> property(String key) {
                return Optional.ofNullable(System.getProperty(key));
            }

            @Override
            public String serverVersion() {
                return VERSION;
            }
        };
    }

    private void bind() {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        long id = connectionIds.incrementAndGet();
                        statusCounters.connection();
                        ConnectionStatus status = new ConnectionStatus();
                        PacketFrameDecoder decoder = new PacketFrameDecoder(currentMaxAllowedPacket());
                        ch.pipeline().addLast("bytes", new ByteCounter(status, statusCounters))
                                .addLast("frames", decoder)
                                .addLast("connection", new ConnectionHandler(ServerRuntime.this, id, decoder, status));
                    }
                });
        try {
            serverChannel = b.bind(config.bindAddress(), config.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("bind interrupted", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private long currentMaxAllowedPacket() {
        Object v = variables.global("max_allowed_packet");
        return v instanceof Long ? (Long) v : config.maxAllowedPacket();
    }

    /**
     * What a new connection offers: the compression plugins present now that
     * {@code protocol_compression_algorithms} permits (connections keep what they started with).
     */
    CompressionNegotiation compression() {
        Object permitted = variables.global("protocol_compression_algorithms");
        return CompressionNegotiation.offer(registry.services(CompressionAlgorithm.class),
                PermittedAlgorithms.parse(permitted == null ? PermittedAlgorithms.DEFAULT : permitted.toString()));
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public String serverVersion() {
        return VERSION;
    }

    BackendRouter backends() {
        return backends;
    }

    SystemVariables variables() {
        return variables;
    }

    /** Prepared statements open server-wide (max_prepared_stmt_count). */
    java.util.concurrent.atomic.AtomicInteger preparedStatementCount() {
        return preparedStatements;
    }

    ExecutorService workers() {
        return workers;
    }

    boolean admit(ConnectionHandler c) {
        if (connections.size() >= config.maxConnections()) {
            return false;
        }
        connections.put(c.connectionId(), c);
        statusCounters.admitted(connections.size());
        return true;
    }

    void release(ConnectionHandler c) {
        connections.remove(c.connectionId());
    }

    CommandRunner openSession(ConnectionHandler c, Channel ch, Login login, Object writability) {
        List<QueryInterceptor> interceptors = registry.services(QueryInterceptor.class).stream()
                .sorted(Comparator.comparingInt(QueryInterceptor::ranking).reversed())
                .collect(Collectors.toUnmodifiableList());
        return new CommandRunner(this, c, ch, login, writability, commandHandlers(), interceptors);
    }

    /** Command handlers by byte; for duplicates the highest ranking wins, and that is logged. */
    Map<Integer, CommandHandler<?>> commandHandlers() {
        Map<Integer, CommandHandler<?>> map = new LinkedHashMap<>();
        for (CommandHandler<?> h : registry.services(CommandHandler.class)) {
            CommandHandler<?> first = map.putIfAbsent(h.command(), h);
            if (first != null) {
                LOG.log(Level.WARNING, "two handlers for command 0x" + Integer.toHexString(h.command()) + ": using "
                        + first.getClass().getName() + ", ignoring " + h.getClass().getName());
            }
        }
        return map;
    }

    @Override
    public List<Process> processes() {
        return connections.values().stream()
                .map(c -> c.commands() == null ? null : c.commands().process())
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparingLong(Process::id))
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public Statistics statistics() {
        return new Statistics(statusCounters.uptimeSeconds(), connections.size(), statusCounters.questions());
    }

    ServerStatusCounters statusCounters() {
        return statusCounters;
    }

    int openConnections() {
        return connections.size();
    }

    /** Threads_running: connections executing a command now. */
    long runningCommands() {
        return processes().stream().filter(p -> !p.command().equals("Sleep")).count();
    }

    @Override
    public boolean kill(long id, boolean queryOnly) {
        ConnectionHandler c = connections.get(id);
        if (c == null) {
            return false;
        }
        CommandRunner r = c.commands();
        if (r != null) {
            r.cancel();
        }
        if (!queryOnly) {
            c.closeChannel();
        }
        return true;
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public Map<String, AuthPlugin> authPlugins() {
        Map<String, AuthPlugin> map = new LinkedHashMap<>();
        AuthPlugin def = null;
        Set<String> enabled = config.enabledAuthPlugins();
        for (AuthPlugin p : registry.services(AuthPlugin.class)) {
            if (!enabled.isEmpty() && !enabled.contains(p.name())) {
                continue;
            }
            map.putIfAbsent(p.name(), p);
            if (p.name().equals(config.defaultAuthPlugin())) {
                def = p;
            }
        }
        if (def != null) {
            Map<String, AuthPlugin> ordered = new LinkedHashMap<>();
            ordered.put(def.name(), def);
            ordered.putAll(map);
            return ordered;
        }
        return map;
    }

    @Override
    public String defaultAuthPlugin() {
        // The configured default while it is installed and enabled, else one every client can
        // start with (the handshake must announce a plugin the server can run, and Connector/J
        // refuses to even answer mysql_clear_password without TLS).
        Map<String, AuthPlugin> plugins = authPlugins();
        String configured = config.defaultAuthPlugin();
        if (plugins.containsKey(configured) || plugins.isEmpty()) {
            return configured;
        }
        for (String common : FALLBACK_AUTH_PLUGINS) {
            if (plugins.containsKey(common)) {
                return common;
            }
        }
        return plugins.values().stream().filter(p -> !p.requiresSecureTransport()).map(AuthPlugin::name).findFirst()
                .orElse(plugins.keySet().iterator().next());
    }

    @Override
    public String pluginForUnknownUser(String user) {
        return accountAdmin.pluginForUnknownUser(user);
    }

    /** Accounts, grants and the login throttle, for sessions (CREATE USER, GRANT, access checks). */
    AccountAdmin accountAdmin() {
        return accountAdmin;
    }

    LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    @Override
    public KeyPair rsaKeys() {
        return rsaKeys;
    }

    @Override
    public SecureRandom random() {
        return random;
    }

    @Override
    public boolean requireSecureTransport() {
        return Boolean.TRUE.equals(variables.global("require_secure_transport"));
    }

    @Override
    public boolean cleartextPasswordsWithoutTlsAllowed() {
        return config.cleartextPasswordsWithoutTls();
    }

    /** The TLS the server offers; empty when disabled. */
    Optional<ServerTls> tls() {
        return tls;
    }

    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    public void close() {
        if (terminated.getCount() == 0) {
            return;
        }
        try {
            if (serverChannel != null) {
                serverChannel.close().syncUninterruptibly();
            }
            for (ConnectionHandler c : connections.values()) {
                c.closeChannel();
            }
            if (io != null) {
                io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
            if (boss != null) {
                boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            }
            workers.shutdown();
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "backend calls still running after 10 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            backends.closeAll();
            terminated.countDown();
        }
    }
}
