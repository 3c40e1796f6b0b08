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
 * The built distribution: {@code bin/porpoise} runs every jar on the module path (so the JPMS
 * {@code provides} of each plugin are what wires it), serves clients, stops cleanly on SIGTERM,
 * and keeps committed data across a restart.
 */
class DistributionIT {
    private static final Pattern READY = Pattern.compile("ready for connections on .*:(\\d+) ");

    record Running(Process process, int port) {
    }

    static Running start(Path dataDir) throws IOException {
        Path bin = Path.of(System.getProperty("porpoise.distribution", "target/porpoise"), "bin", "porpoise");
        assertTrue(Files.isExecutable(bin), bin + " is built");
        Process p = new ProcessBuilder(bin.toString(), "--port", "0", "--data-dir", dataDir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = READY.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // The process ended; nothing more to drain.
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Running(p, Integer.parseInt(m.group(1)));
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

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?user=root&sslMode=DISABLED");
    }
}
