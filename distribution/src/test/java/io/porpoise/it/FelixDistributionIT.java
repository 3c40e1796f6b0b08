package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Felix distribution as users run it: a copy of the built install, {@code bin/porpoise},
 * and files dropped into and removed from {@code deploy/} and {@code conf/} while clients stay
 * connected.
 */
class FelixDistributionIT {
    private static final String SHA2_JAR_PREFIX = "porpoise-auth-caching-sha2-password-";
    private Path install;
    private Path data;

    @BeforeEach
    void copyInstall() throws IOException {
        Path built = Path.of(System.getProperty("porpoise.distribution", "target/porpoise"));
        install = Files.createTempDirectory("porpoise-install");
        try (Stream<Path> files = Files.walk(built)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = install.resolve(built.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (!p.startsWith(built.resolve("data")) && !p.startsWith(built.resolve("logs"))) {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        data = Files.createTempDirectory("porpoise-data");
    }

    @AfterEach
    void delete() {
        ServerFixture.deleteTree(install);
        ServerFixture.deleteTree(data);
    }

    private DistributionIT.Running start() throws IOException {
        return DistributionIT.start(install.resolve("bin/porpoise"), data, "");
    }

    @Test
    void everyBundleResolvesAndLogsGoToLogs() throws Exception {
        long t0 = System.nanoTime();
        DistributionIT.Running r = start();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        try (Connection c = connect(r.port(), "root"); Statement s = c.createStatement()) {
            assertEquals("2", one(s, "SELECT 1 + 1"));
            assertEquals("caching_sha2_password", one(s, "SELECT @@default_authentication_plugin"));
        } finally {
            DistributionIT.stop(r);
        }
        assertFalse(r.output().contains("did not resolve"), r.output());
        String log = Files.readString(install.resolve("logs/porpoise.0.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("ready for connections") && log.contains("backends [h2]"), log);
        System.out.println("Felix distribution: listening after " + millis + " ms (process start to ready line)");
    }

    @Test
    void hotDeploysABackendAndSwapsAnAuthPluginWhileConnectionsStayUp() throws Exception {
        // The sha2 plugin is managed from deploy/ here, so the test can take it away and bring it back.
        Path sha2 = jar(install.resolve("bundles"), SHA2_JAR_PREFIX);
        Path sha2Deployed = install.resolve("deploy").resolve(sha2.getFileName());
        Files.move(sha2, sha2Deployed);
        // Two passwordless accounts: root uses caching_sha2_password, nat mysql_native_password.
        Files.writeString(data.resolve("accounts.tsv"),
                "root\tlocalhost\tcaching_sha2_password\t\nnat\tlocalhost\tmysql_native_password\t\n", StandardCharsets.UTF_8);
        DistributionIT.Running r = start();
        try (Connection keep = connect(r.port(), "nat"); Statement k = keep.createStatement()) {
            k.execute("CREATE DATABASE aquarium");
            k.execute("CREATE TABLE aquarium.tanks (id INT PRIMARY KEY)");
            k.execute("INSERT INTO aquarium.tanks VALUES (1), (2)");
            eventually(() -> {
                try (Connection c = connect(r.port(), "root")) {
                    return true;
                }
            });

            Path sample = Path.of(System.getProperty("porpoise.samples"), "porpoise-backend-sample.jar");
            Path deployed = install.resolve("deploy/porpoise-backend-sample.jar");
            Files.copy(sample, deployed);
            long t0 = System.nanoTime();
            String count = eventually(() -> {
                try (Connection c = connect(r.port(), "nat"); Statement s = c.createStatement()) {
                    s.execute("USE sample");
                    return one(s, "SELECT COUNT(*) FROM porpoises");
                }
            });
            assertEquals("4", count);
            System.out.println("sample backend serving " + (System.nanoTime() - t0) / 1_000_000 + " ms after the copy into deploy/");
            assertTrue(column(k, "SHOW DATABASES").containsAll(List.of("aquarium", "sample")));
            assertEquals("2", one(k, "SELECT COUNT(*) FROM aquarium.tanks"), "the H2 connection is untouched");

            Files.delete(deployed);
            int gone = eventually(() -> {
                try (Connection c = connect(r.port(), "nat"); Statement s = c.createStatement()) {
                    s.execute("USE sample");
                    return null;
                } catch (SQLException e) {
                    return e.getErrorCode();
                }
            });
            assertEquals(1049, gone);
            assertFalse(column(k, "SHOW DATABASES").contains("sample"));
            assertEquals("2", one(k, "SELECT COUNT(*) FROM aquarium.tanks"));

            Files.move(sha2Deployed, install.resolve(sha2Deployed.getFileName()));
            int refused = eventually(() -> {
                try (Connection c = connect(r.port(), "root")) {
                    return null;
                } catch (SQLException e) {
                    return e.getErrorCode();
                }
            });
            assertEquals(1524, refused, "ER_PLUGIN_IS_NOT_LOADED for an account whose plugin is gone");
            try (Connection c = connect(r.port(), "nat")) {
                assertTrue(c.isValid(2), "the remaining plugin still logs in");
            }
            assertEquals("2", one(k, "SELECT COUNT(*) FROM aquarium.tanks"));

            Files.move(install.resolve(sha2Deployed.getFileName()), sha2Deployed);
            eventually(() -> {
                try (Connection c = connect(r.port(), "root")) {
                    return true;
                }
            });
        } finally {
            DistributionIT.stop(r);
        }
        assertFalse(r.output().contains("did not resolve"), r.output());
    }

    @Test
    void configurationAppliesLiveAndPortChangesWaitForRestart() throws Exception {
        DistributionIT.Running r = start();
        try (Connection a = connect(r.port(), "root"); Connection b = connect(r.port(), "root")) {
            Files.writeString(install.resolve("conf/io.porpoise.server.cfg"),
                    "max_connections = 2\nmax_allowed_packet = 8M\nbind_address = 127.0.0.2\n", StandardCharsets.UTF_8);
            int refused = eventually(() -> {
                try (Connection c = connect(r.port(), "root")) {
                    return null;
                } catch (SQLException e) {
                    return e.getErrorCode();
                }
            });
            assertEquals(1040, refused);
            try (Statement s = a.createStatement()) {
                assertEquals(Long.toString(8 * 1024 * 1024), one(s, "SELECT @@global.max_allowed_packet"));
                assertEquals("2", one(s, "SELECT @@max_connections"));
            }
        } finally {
            DistributionIT.stop(r);
        }
        assertTrue(r.output().contains("takes effect after a restart"), r.output());
    }

    /**
     * The class-data-sharing archive of bin/porpoise: the first server to get ready leaves its
     * dump in data/cds/, the next start adopts it and the JVM maps the launcher's classes from
     * it; an archive the JVM cannot use (here garbage) costs time, never the start.
     */
    @Test
    void classDataArchiveIsWrittenAdoptedAndNeverStopsAStart() throws Exception {
        Path cds = install.resolve("data/cds");
        DistributionIT.stop(start());
        assertEquals(2, files(cds, ".*\\.dump(\\.ok)?").size(), "the dump and its mark: " + files(cds, ".*"));
        DistributionIT.Running second = DistributionIT.start(install.resolve("bin/porpoise"), data, "-Xlog:class+load=info");
        try (Connection c = connect(second.port(), "root"); Statement s = c.createStatement()) {
            assertEquals("2", one(s, "SELECT 1 + 1"));
        } finally {
            DistributionIT.stop(second);
        }
        List<Path> archives = files(cds, "porpoise-.*\\.jsa");
        assertEquals(List.of(), files(cds, ".*\\.dump(\\.ok)?"));
        assertEquals(1, archives.size(), files(cds, ".*").toString());
        assertTrue(second.output().contains("io.porpoise.launcher.Main source: shared objects file"), "launcher class from the archive");
        Files.writeString(archives.get(0), "not an archive", StandardCharsets.US_ASCII);
        DistributionIT.Running third = DistributionIT.start(install.resolve("bin/porpoise"), data, "-Xlog:class+load=info");
        try (Connection c = connect(third.port(), "root"); Statement s = c.createStatement()) {
            assertEquals("2", one(s, "SELECT 1 + 1"));
        } finally {
            DistributionIT.stop(third);
        }
        assertFalse(third.output().contains("io.porpoise.launcher.Main source: shared objects file"), third.output());
    }

    /** A moved install starts with its data directory, whose bundle cache holds the old bundle paths. */
    @Test
    void aMovedInstallStartsWithItsData() throws Exception {
        DistributionIT.Running r = start();
        try (Connection c = connect(r.port(), "root"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE moved");
        } finally {
            DistributionIT.stop(r);
        }
        Path moved = install.resolveSibling(install.getFileName() + "-moved");
        Files.move(install, moved);
        install = moved;
        DistributionIT.Running again = start();
        try (Connection c = connect(again.port(), "root"); Statement s = c.createStatement()) {
            assertEquals(List.of("moved"), column(s, "SHOW DATABASES LIKE 'moved'"));
        } finally {
            DistributionIT.stop(again);
        }
        assertFalse(again.output().contains("not unique"), again.output());
    }

    private static List<Path> files(Path dir, String nameRegex) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(nameRegex)).sorted().collect(java.util.stream.Collectors.toList());
        }
    }

    private static Path jar(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    /** Polls for up to 20 s until {@code check} returns a value (null or an exception: not yet). */
    private static <T> T eventually(Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T v = check.call();
                if (v != null) {
                    return v;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 20 s", last);
    }

    private static Connection connect(int port, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?user=" + user + "&sslMode=DISABLED");
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
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
}
