package io.porpoise.it;

import io.porpoise.server.PorpoiseServer;
import io.porpoise.server.ServiceLoaderRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A real server on a free loopback port with a fresh data directory and the H2 backend. */
final class ServerFixture implements AutoCloseable {
    final Path dataDir;
    final PorpoiseServer server;
    private String clientOptions = "";

    private ServerFixture(Path dataDir, PorpoiseServer server) {
        this.dataDir = dataDir;
        this.server = server;
    }

    static ServerFixture start() {
        return start(b -> { });
    }

    static ServerFixture start(Consumer<PorpoiseServer.Builder> config) {
        try {
            return start(Files.createTempDirectory("porpoise-it"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServerFixture start(Path dataDir, Consumer<PorpoiseServer.Builder> config) {
        PorpoiseServer.Builder b = PorpoiseServer.builder().port(0).bindAddress("127.0.0.1").dataDirectory(dataDir)
                .registry(ServiceLoaderRegistry.forModuleOf(PorpoiseServer.class));
        config.accept(b);
        return new ServerFixture(dataDir, b.start());
    }

    /** URL options every {@link #mysql} and {@link #mariadb} connection gets, e.g. {@code &useCompression=true}. */
    ServerFixture clientOptions(String options) {
        this.clientOptions = options;
        return this;
    }

    int port() {
        return server.port();
    }

    /** A Connector/J connection as root (empty password), with extra URL options. */
    Connection mysql(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port() + "/?user=root&sslMode=DISABLED" + clientOptions + options);
    }

    Connection mariadb(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port() + "/?user=root" + clientOptions + options);
    }

    /** Stops the server, keeping the data directory (for restart tests). */
    void stop() {
        server.close();
    }

    @Override
    public void close() {
        server.close();
        deleteTree(dataDir);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
