package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code mariadb} command-line client (libmariadb) in batch mode. On CI the client is
 * installed by {@code .ci/run}; elsewhere the test is skipped when it is absent.
 */
class MariaDbCliIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/mariadb"));
        assumeTrue(present || System.getenv("CI") != null, "mariadb client not installed (apt-get install mariadb-client)");
        fx = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    record Result(int exit, String out, String err) {
    }

    static Result mariadb(int port, String... args) throws IOException, InterruptedException {
        return run(port, false, args);
    }

    /** With {@code tls} the client's own TLS default applies (on for 10.11+), else --skip-ssl. */
    static Result run(int port, boolean tls, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mariadb", "-h127.0.0.1", "-P" + port, "--protocol=TCP", "--batch"));
        if (!tls) {
            cmd.add("--skip-ssl");
        }
        cmd.addAll(List.of(args));
        // stderr goes to a file: the client echoes a failing statement there, and a large one
        // would fill a pipe nobody reads while stdout is read.
        Path errFile = Files.createTempFile("mariadb-cli", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String err = Files.readString(errFile, StandardCharsets.UTF_8);
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), err.length() > 2000 ? err.substring(0, 2000) + "..." : err);
        } finally {
            Files.deleteIfExists(errFile);
        }
    }

    @Test
    void runsStatementsInBatchMode() throws Exception {
        Result r = mariadb(fx.port(), "-uroot", "-e",
                "CREATE DATABASE cli_db; USE cli_db; CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(10));"
                        + " INSERT INTO t VALUES (1, 'one'), (2, NULL); SELECT id, s FROM t ORDER BY id; SELECT @@version_comment;");
        assertEquals(0, r.exit(), r.err());
        assertEquals("id\ts\n1\tone\n2\tNULL\n@@version_comment\nPorpoise\n", r.out());
    }

    @Test
    void reportsErrorsWithErrnoAndSqlState() throws Exception {
        Result r = mariadb(fx.port(), "-uroot", "-e", "SELECT * FROM nowhere.nothing");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("ERROR 1146 (42S02)"), r.err());
        Result denied = mariadb(fx.port(), "-uroot", "-pwrong", "-e", "SELECT 1");
        assertEquals(1, denied.exit());
        assertTrue(denied.err().contains("ERROR 1045 (28000)"), denied.err());
    }

    @Test
    void usesDatabaseGivenOnTheCommandLine() throws Exception {
        assertEquals(0, mariadb(fx.port(), "-uroot", "-e", "CREATE DATABASE IF NOT EXISTS cli_db2").exit());
        Result r = mariadb(fx.port(), "-uroot", "cli_db2", "-e", "SELECT DATABASE()");
        assertEquals(0, r.exit(), r.err());
        assertEquals("DATABASE()\ncli_db2\n", r.out());
    }
}
