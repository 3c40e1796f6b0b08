package io.porpoise.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The built distribution's {@code bin/porpoise}, started on port 0 with a fresh data directory.
 * The distribution's location is the system property {@code porpoise.distribution} (set by this
 * module's POM to {@code ../target/porpoise}).
 */
final class PorpoiseProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready for connections on .*:(\\d+) ");

    private final Process process;
    private final Path dataDir;
    private final int port;

    private PorpoiseProcess(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    static PorpoiseProcess start() throws IOException {
        Path bin = Path.of(System.getProperty("porpoise.distribution", "../target/porpoise"), "bin", "porpoise");
        assertTrue(Files.isExecutable(bin), "bin/porpoise: " + bin.toAbsolutePath() + " (expected: built by the distribution module)");
        Path dataDir = Files.createTempDirectory("porpoise-e2e");
        Process p = new ProcessBuilder(bin.toString(), "--port", "0", "--bind", "127.0.0.1", "--data-dir", dataDir.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = READY.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException e) {
                        // The process ended: nothing more to drain.
                    }
                }, "porpoise-stdout");
                drain.setDaemon(true);
                drain.start();
                return new PorpoiseProcess(p, dataDir, Integer.parseInt(m.group(1)));
            }
        }
        deleteTree(dataDir);
        throw new AssertionError("bin/porpoise exited before listening:\n" + seen);
    }

    /** The server's data directory (its generated ca.pem, for clients verifying TLS). */
    Path dataDir() {
        return dataDir;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, wait for the exit, remove the data directory. */
    @Override
    public void close() {
        process.destroy();
        boolean stopped;
        try {
            stopped = process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        if (!stopped) {
            process.destroyForcibly();
        }
        deleteTree(dataDir);
        assertTrue(stopped, "bin/porpoise stops on SIGTERM within 30 s");
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
