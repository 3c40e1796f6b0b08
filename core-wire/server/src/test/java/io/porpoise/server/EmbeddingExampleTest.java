package io.porpoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.Backend;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.SessionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the package documentation's embedding example compiling and working. */
class EmbeddingExampleTest {

    /** The example's backend, as in package-info.java. */
    static final class GreetingBackend implements Backend {
        @Override
        public String name() {
            return "greetings";
        }

        @Override
        public BackendSession openSession(SessionInfo info) {
            return (sql, sink) -> {
                if (!sql.trim().equalsIgnoreCase("select * from greetings")) {
                    throw new BackendException(1146, "42S02", "Table 'greetings' doesn't exist");
                }
                RowWriter rows = sink.columns(List.of(
                        Column.of("id", ColumnType.LONGLONG),
                        Column.of("text", ColumnType.VAR_STRING)));
                rows.row(1L, "hello");
                rows.row(2L, "world");
                rows.finish();
            };
        }
    }

    /** A backend failing half way through a result: the client gets the rows so far, then the error. */
    static final class FailingBackend implements Backend {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public BackendSession openSession(SessionInfo info) {
            return (sql, sink) -> {
                RowWriter rows = sink.columns(List.of(Column.of("n", ColumnType.LONGLONG)));
                rows.row(1L);
                rows.row(2L);
                if (sql.contains("sink")) {
                    sink.error(new BackendException(1317, "70100", "Query execution was interrupted"));
                    return;
                }
                throw new BackendException(1205, "HY000", "Lock wait timeout exceeded; try restarting transaction");
            };
        }
    }

    @Test
    void errorsHalfWayThroughAResultEndItWithErr() throws Exception {
        Path data = Files.createTempDirectory("porpoise-embed");
        try (PorpoiseServer server = PorpoiseServer.builder().port(0).dataDirectory(data).backend(new FailingBackend())
                .registry(ServiceLoaderRegistry.forModuleOf(PorpoiseServer.class)).start();
                Connection c = DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:" + server.port() + "/?user=root&sslMode=DISABLED")) {
            for (String sql : List.of("select via throw", "select via sink")) {
                SQLException e = assertThrows(SQLException.class, () -> {
                    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                        while (rs.next()) {
                            rs.getLong(1);
                        }
                    }
                }, sql);
                assertEquals(sql.contains("sink") ? 1317 : 1205, e.getErrorCode(), sql);
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT @@version_comment")) {
                assertTrue(rs.next(), "the connection is usable afterwards");
            }
        }
    }

    @Test
    void embedsAServerWithACustomBackend() throws Exception {
        Path data = Files.createTempDirectory("porpoise-embed");
        try (PorpoiseServer server = PorpoiseServer.builder()
                .port(0)
                .dataDirectory(data)
                .backend(new GreetingBackend())
                .registry(ServiceLoaderRegistry.forModuleOf(PorpoiseServer.class))
                .start();
                Connection c = DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:" + server.port() + "/?user=root&sslMode=DISABLED")) {
            try (ResultSet rs = c.createStatement().executeQuery("select * from greetings")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong("id"));
                assertEquals("hello", rs.getString("text"));
                assertTrue(rs.next());
                assertEquals("world", rs.getString(2));
                assertFalse(rs.next());
            }
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().executeQuery("select 1 from nowhere"));
            assertEquals(1146, e.getErrorCode());
            assertEquals("42S02", e.getSQLState());
            try (ResultSet rs = c.createStatement().executeQuery("SELECT @@max_allowed_packet, @@session.autocommit AS ac")) {
                assertTrue(rs.next());
                assertEquals(64L * 1024 * 1024, rs.getLong(1));
                assertEquals(1, rs.getInt("ac"));
            }
        }
    }
}
