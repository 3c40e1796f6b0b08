package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built distribution: {@code bin/porpoise} (Felix) serves clients, stops cleanly on
 * SIGTERM and keeps committed data across a restart; the same jars also run without OSGi on
 * the module path, wired by their JPMS {@code provides}.
 */
class DistributionIT {
    private static final Pattern READY = Pattern.compile("ready for connections on .*:(\\d+) ");

    /** A started server process; {@code output} keeps everything it printed so far. */
    record Running(Process process, int port, StringBuffer log) {
        String output() {
            return log.toString();
        }
    }

    static Path home() {
        return Path.of(System.getProperty("porpoise.distribution", "target/porpoise"));
    }

    static Running start(Path dataDir) throws IOException {
        return start(dataDir, "");
    }

    static Running start(Path dataDir, String javaOpts) throws IOException {
        return start(home().resolve("bin/porpoise"), dataDir, javaOpts);
    }

    static Running start(Path bin, Path dataDir, String javaOpts) throws IOException {
        assertTrue(Files.isExecutable(bin), bin + " is built");
        return start(new ProcessBuilder(bin.toString(), "--port", "0", "--data-dir", dataDir.toString()), javaOpts);
    }

    static Running start(ProcessBuilder pb, String javaOpts) throws IOException {
        pb.redirectErrorStream(true);
        pb.environment().put("JAVA_OPTS", javaOpts);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuffer seen = new StringBuffer();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = READY.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        String more;
                        while ((more = out.readLine()) != null) {
                            seen.append(more).append('\n');
                        }
                    } catch (IOException e) {
                        // The process ended; nothing more to drain.
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Running(p, Integer.parseInt(m.group(1)), seen);
            }
        }
        throw new AssertionError("bin/porpoise exited before listening:\n" + seen);
    }

    static void stop(Running r) throws InterruptedException {
        r.process().destroy();
        assertTrue(r.process().waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
    }

    @Test
    void servesClientsFromTheModulePathAndPersistsData() throws Exception {
        Path data = Files.createTempDirectory("porpoise-dist");
        try {
            Running first = start(data);
            try (Connection c = connect(first.port()); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE shop");
                s.execute("CREATE TABLE shop.orders (id INT PRIMARY KEY, item VARCHAR(20))");
                s.execute("INSERT INTO shop.orders VALUES (1, 'kayak'), (2, 'paddle')");
            }
            stop(first);
            Running second = start(data);
            try (Connection c = connect(second.port()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT item FROM shop.orders ORDER BY id")) {
                assertTrue(rs.next());
                assertEquals("kayak", rs.getString(1));
                assertTrue(rs.next());
                assertEquals("paddle", rs.getString(1));
            } finally {
                stop(second);
            }
        } finally {
            ServerFixture.deleteTree(data);
        }
    }

    /**
     * A million-row cursor read in batches by a server with a 64 MiB heap: about 100 MB of rows
     * pass through, so the server can only survive if it streams them.
     */
    @Test
    void millionRowCursorWithBoundedServerHeap() throws Exception {
        Path data = Files.createTempDirectory("porpoise-dist");
        Running server = start(data, "-Xmx64m");
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port()
                        + "/?user=root&sslMode=DISABLED&useServerPrepStmts=true&useCursorFetch=true&defaultFetchSize=5000");
                java.sql.PreparedStatement p = c.prepareStatement("SELECT X, REPEAT('x', 100) FROM SYSTEM_RANGE(1, ?)")) {
            p.setInt(1, 1_000_000);
            long rows = 0;
            long sum = 0;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    sum += rs.getLong(1);
                    if (rows % 250_000 == 0) {
                        assertEquals(100, rs.getString(2).length());
                    }
                }
            }
            assertEquals(1_000_000, rows);
            assertEquals(1_000_000L * 1_000_001 / 2, sum);
            assertTrue(server.process().isAlive(), "the server survived");
        } finally {
            stop(server);
            ServerFixture.deleteTree(data);
        }
    }

    /** The bundles on the module path, without OSGi: EmbeddedMain and ServiceLoader. */
    @Test
    void theSameJarsRunOnTheModulePath() throws Exception {
        Path data = Files.createTempDirectory("porpoise-dist");
        java.util.List<String> modulePath = new java.util.ArrayList<>();
        modulePath.add(home().resolve("lib/porpoise-distribution.jar").toString());
        try (java.util.stream.Stream<Path> jars = Files.list(home().resolve("bundles"))) {
            jars.filter(j -> j.toString().endsWith(".jar"))
                    .filter(j -> !j.getFileName().toString().matches("(org\\.apache\\.felix|org\\.osgi|porpoise-osgi).*"))
                    .forEach(j -> modulePath.add(j.toString()));
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Running r = start(new ProcessBuilder(javaBin.toString(), "--module-path", String.join(java.io.File.pathSeparator, modulePath),
                "-m", "io.porpoise.launcher/io.porpoise.launcher.EmbeddedMain", "--port", "0", "--data-dir", data.toString()), "");
        try (Connection c = connect(r.port()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1, 6 * 7")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(2));
        } finally {
            stop(r);
            ServerFixture.deleteTree(data);
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?user=root&sslMode=DISABLED");
    }
}
