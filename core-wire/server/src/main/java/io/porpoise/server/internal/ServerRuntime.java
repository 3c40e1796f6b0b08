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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** A started server: the Netty channels, the shared services and the live connections. */
public final class ServerRuntime implements LoginContext, io.porpoise.command.ProcessList {
    private static final System.Logger LOG = System.getLogger(ServerRuntime.class.getName());
    /** MySQL 8.4 compatibility, with the product named after the dash. */
    static final String VERSION = "8.4.6-porpoise-0.1.0";

    private final ServerConfig config;
    private final Registry registry;
    private final Backend backend;
    private final SystemVariables variables;
    private final AccountStore accounts;
    private final KeyPair rsaKeys;
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

    private ServerRuntime(ServerConfig config, Backend backend, Registry registry) {
        this.config = config;
        this.registry = registry;
        this.backend = backend;
        this.variables = SystemVariables.withDefaults();
        configureVariables();
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.rsaKeys = RsaKeys.loadOrCreate(config.dataDirectory());
        this.accounts = FileAccountStore.open(config.dataDirectory(), List.of(initialRoot()));
        this.workers = Workers.create(config.workerThreads());
    }

    public static ServerRuntime start(ServerConfig config, Optional<Backend> given, Registry registry) {
        Backend backend = given.orElseGet(() -> registry.services(Backend.class).stream().findFirst().orElseThrow(
                () -> new IllegalStateException("backend: none (expected: one given to the builder or a Backend service)")));
        ServerRuntime rt = new ServerRuntime(config, backend, registry);
        rt.startBackend();
        rt.bind();
        LOG.log(Level.INFO, "Porpoise " + VERSION + " listening on " + rt.localAddress() + " with backend " + backend.name()
                + ", auth plugins " + rt.authPlugins().keySet() + ", commands " + rt.commandHandlers().size());
        return rt;
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

    private Account initialRoot() {
        String password = config.initialRootPassword().orElse("");
        AuthPlugin plugin = authPlugins().get(config.defaultAuthPlugin());
        if (plugin == null) {
            throw new IllegalStateException("default auth plugin: " + config.defaultAuthPlugin() + " (expected: one of "
                    + authPlugins().keySet() + ")");
        }
        return new Account("root", "localhost", plugin.name(), plugin.hashPassword(password));
    }

    private void startBackend() {
        try {
            backend.start(new BackendContext() {
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
            });
        } catch (BackendException e) {
            throw new IllegalStateException("backend " + backend.name() + " failed to start: " + e.getMessage(), e);
        }
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

    Backend backend() {
        return backend;
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
        for (AuthPlugin p : registry.services(AuthPlugin.class)) {
            map.putIfAbsent(p.name(), p);
            if (p.name().equals(config.defaultAuthPlugin())) {
                def = p;
            }
        }
        if (map.isEmpty()) {
            throw new IllegalStateException("auth plugins: none (expected: at least one AuthPlugin service)");
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
        return config.defaultAuthPlugin();
    }

    @Override
    public KeyPair rsaKeys() {
        return rsaKeys;
    }

    @Override
    public SecureRandom random() {
        return random;
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
            backend.close();
            terminated.countDown();
        }
    }
}
