package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.BackendSession;
import io.porpoise.backend.SessionInfo;
import io.porpoise.testkit.RecordingResultSink;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog's views are re-created at start only when their definitions (or the H2 build)
 * differ from those that made them; an unchanged catalog is left as it is, which saves the work
 * at every start. Checked on the database files with H2's own JDBC between starts.
 */
final class H2CatalogTest {
    @TempDir
    Path dir;

    @Test
    void unchangedViewsAreNotRecreated() throws Exception {
        startAndStop();
        String version = catalogVersion();
        assertTrue(version.startsWith("catalog "), version);
        raw("DROP VIEW \"information_schema\".\"FILES\"");
        startAndStop();
        assertFalse(viewExists("FILES"), "an unchanged catalog is not installed again");
        assertEquals(version, catalogVersion());
    }

    @Test
    void viewsAreRecreatedWhenTheirDefinitionsChanged() throws Exception {
        startAndStop();
        String version = catalogVersion();
        raw("DROP VIEW \"information_schema\".\"FILES\"", "COMMENT ON SCHEMA \"porpoise_meta\" IS 'catalog of an older release'");
        H2Backend b = new H2Backend();
        b.start(TestContext.of(dir));
        try {
            BackendSession s = b.openSession(new SessionInfo(1, "u", "localhost", null, Map.of()));
            RecordingResultSink sink = new RecordingResultSink();
            s.query("SELECT COUNT(*) FROM information_schema.FILES", sink);
            assertEquals(List.of(List.of(0L)), sink.expectRows());
            s.close();
        } finally {
            b.close();
        }
        assertTrue(viewExists("FILES"));
        assertEquals(version, catalogVersion());
    }

    private void startAndStop() throws Exception {
        H2Backend b = new H2Backend();
        b.start(TestContext.of(dir));
        b.close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("h2/porpoise").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "sa", "");
    }

    private void raw(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private String catalogVersion() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT REMARKS FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'porpoise_meta'")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private boolean viewExists(String name) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = 'information_schema'"
                        + " AND TABLE_NAME = '" + name + "'")) {
            assertTrue(rs.next());
            return rs.getInt(1) == 1;
        }
    }
}
