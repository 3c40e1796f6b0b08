package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.Backend;
import io.porpoise.server.Registry;
import io.porpoise.server.ServiceLoaderRegistry;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several backends behind one server, embedded: the sample backend's jar (built by this
 * build, loaded from a file like a dropped-in plugin) serves database {@code sample} next
 * to H2; backends come and go while connections stay open.
 */
class RoutingIT {
    private ServerFixture server;
    private Registry plugins;
    private final List<Backend> backends = new ArrayList<>();
    private final List<Consumer<List<Backend>>> listeners = new ArrayList<>();

    /** The plugins from the class path, except backends, which the test adds and removes. */
    private final class BackendsByHand implements Registry {
        @Override
        @SuppressWarnings("unchecked")
        public synchronized <T> List<T> services(Class<T> type) {
            return type == Backend.class ? (List<T>) List.copyOf(backends) : plugins.services(type);
        }

        @Override
        public <T> AutoCloseable register(Class<T> type, T service, int ranking) {
            return plugins.register(type, service, ranking);
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized <T> void onChange(Class<T> type, Consumer<List<T>> onChange) {
            if (type == Backend.class) {
                listeners.add((Consumer<List<Backend>>) (Consumer<?>) onChange);
            } else {
                plugins.onChange(type, onChange);
            }
        }
    }

    private void add(Backend b) {
        List<Backend> now;
        synchronized (this) {
            backends.add(b);
            now = List.copyOf(backends);
        }
        listeners.forEach(l -> l.accept(now));
    }

    private void remove(Backend b) {
        List<Backend> now;
        synchronized (this) {
            backends.remove(b);
            now = List.copyOf(backends);
        }
        listeners.forEach(l -> l.accept(now));
    }

    private static Backend h2() {
        return ServiceLoader.load(Backend.class).stream().map(ServiceLoader.Provider::get).filter(b -> b.name().equals("h2"))
                .findFirst().orElseThrow();
    }

    /** A fresh instance of the sample backend from its jar, as a plugin directory would load it. */
    private static Backend sample() throws Exception {
        Path jar = Path.of(System.getProperty("porpoise.samples"), "porpoise-backend-sample.jar");
        assertTrue(Files.isRegularFile(jar), jar + " (copied by the build)");
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, RoutingIT.class.getClassLoader());
        return ServiceLoader.load(Backend.class, loader).stream().map(ServiceLoader.Provider::get)
                .filter(b -> b.name().equals("sample")).findFirst().orElseThrow();
    }

    @BeforeEach
    void start() {
        plugins = ServiceLoaderRegistry.forModuleOf(io.porpoise.server.PorpoiseServer.class);
        server = ServerFixture.start(b -> b.registry(new BackendsByHand()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void aDeployedBackendServesItsDatabaseNextToH2() throws Exception {
        Backend h2 = h2();
        add(h2);
        try (Connection onH2 = server.mysql(""); Statement s = onH2.createStatement()) {
            s.execute("CREATE DATABASE fish");
            s.execute("USE fish");
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1)");
            assertThrows(SQLException.class, () -> s.execute("USE sample"));

            Backend sample = sample();
            add(sample);
            try (Connection c = server.mysql(""); Statement q = c.createStatement()) {
                q.execute("USE sample");
                assertEquals(List.of("Harbour porpoise", "Vaquita", "Dall's porpoise", "Burmeister's porpoise"),
                        columnAt(q, "SELECT * FROM porpoises", 2));
                assertEquals("sample", column(q, "SELECT DATABASE()").get(0));
                assertEquals(List.of("porpoises"), column(q, "SHOW TABLES"));
                // Back to H2 in the same connection.
                q.execute("USE fish");
                assertEquals(List.of("1"), column(q, "SELECT id FROM t"));
            }
            // db.table names the sample database from a connection sitting on H2.
            assertEquals(List.of("4"), column(s, "SELECT COUNT(*) FROM sample.porpoises"));
            List<String> dbs = column(s, "SHOW DATABASES");
            assertTrue(dbs.contains("sample") && dbs.contains("fish") && dbs.contains("information_schema"), dbs.toString());
            assertEquals(List.of("sample"), column(s, "SHOW DATABASES LIKE 'sam%'"));

            try (Connection c = server.mysql(""); Statement q = c.createStatement()) {
                q.execute("USE sample");
                remove(sample);
                SQLException gone = assertThrows(SQLException.class, () -> q.executeQuery("SELECT * FROM porpoises"));
                assertEquals(1049, gone.getErrorCode(), gone.getMessage());
                assertFalse(column(s, "SHOW DATABASES").contains("sample"));
                SQLException use = assertThrows(SQLException.class, () -> s.execute("USE sample"));
                assertEquals(1049, use.getErrorCode());
                // The H2 connection never noticed.
                assertEquals(List.of("1"), column(s, "SELECT id FROM t"));

                add(sample());
                assertEquals(List.of("4"), column(q, "SELECT COUNT(*) FROM porpoises"), "service resumes on the same connection");
            }
        }
    }

    @Test
    void withNoBackendQueriesGetAClearErrorAndServiceResumes() throws Exception {
        try (Connection c = server.mysql(""); Statement s = c.createStatement()) {
            SQLException none = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1 + 1"));
            assertEquals(1105, none.getErrorCode());
            assertTrue(none.getMessage().contains("No backend"), none.getMessage());
            assertEquals("1", column(s, "SELECT @@autocommit").get(0), "server-level statements still work");
            Backend h2 = h2();
            add(h2);
            assertEquals(List.of("2"), column(s, "SELECT 1 + 1"));
            remove(h2);
            assertEquals(1105, assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1 + 1")).getErrorCode());
            add(h2());
            assertEquals(List.of("2"), column(s, "SELECT 1 + 1"));
        }
    }

    private static List<String> columnAt(Statement s, String sql, int index) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(index));
            }
        }
        return out;
    }
}
