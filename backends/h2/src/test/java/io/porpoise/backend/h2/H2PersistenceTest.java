package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.BackendSession;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.SessionInfo;
import io.porpoise.testkit.RecordingResultSink;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed data and declared types survive a restart; uncommitted data does not. */
final class H2PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void committedDataAndMetadataSurviveRestart() throws Exception {
        try (H2Fixture db = new H2Fixture(dir, "keep")) {
            db.ok("CREATE TABLE t (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, v VARCHAR(10))");
            db.ok("INSERT INTO t VALUES (18446744073709551615, 'kept')");
            BackendSession other = db.open("keep");
            other.setAutocommit(false);
            RecordingResultSink s = new RecordingResultSink();
            other.query("INSERT INTO t VALUES (1, 'lost')", s);
            s.expectOk();
        }
        assertTrue(Files.isDirectory(dir.resolve("h2")));
        H2Backend again = new H2Backend();
        again.start(TestContext.of(dir));
        try {
            BackendSession s = again.openSession(new SessionInfo(2, "test", "localhost", "keep", Map.of()));
            RecordingResultSink sink = new RecordingResultSink();
            s.query("SELECT id, v FROM t", sink);
            assertEquals(List.of(List.of(new BigInteger("18446744073709551615"), "kept")), sink.expectRows());
            assertEquals(ColumnType.LONGLONG, sink.column("id").type());
            assertTrue(sink.column("id").has(ColumnFlag.UNSIGNED));
            s.close();
        } finally {
            again.close();
        }
    }

    @Test
    void embedderConstructorWithoutStart() throws Exception {
        H2Backend b = new H2Backend(dir.resolve("embedded"));
        try {
            BackendSession s = b.openSession(new SessionInfo(1, "u", "localhost", null, Map.of()));
            RecordingResultSink sink = new RecordingResultSink();
            s.query("CREATE DATABASE e", sink);
            sink.expectOk();
        } finally {
            b.close();
        }
        assertTrue(Files.list(dir.resolve("embedded")).findAny().isPresent());
    }

    @Test
    void inMemoryUrlProperty() throws Exception {
        H2Backend b = new H2Backend();
        b.start(new TestContext(dir, Map.of(H2Backend.URL_PROPERTY, "jdbc:h2:mem:porpoise-test")));
        try {
            BackendSession s = b.openSession(new SessionInfo(1, "u", "localhost", null, Map.of()));
            RecordingResultSink sink = new RecordingResultSink();
            s.query("SHOW DATABASES", sink);
            assertEquals(List.of(List.of("information_schema")), sink.expectRows());
        } finally {
            b.close();
        }
        assertTrue(!Files.exists(dir.resolve("h2")));
    }
}
