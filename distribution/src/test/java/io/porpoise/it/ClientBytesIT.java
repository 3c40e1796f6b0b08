package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A string's bytes go where MySQL puts them: into a VARBINARY column as the client sent them (in
 * its charset, never re-encoded), into a text column as characters, and bytes that are no text in
 * the client's charset stored into a text column are 1366 "Incorrect string value", nothing
 * stored; the same bytes compared are no error. Through the text protocol (the {@code mariadb}
 * CLI and Connector/J literals) and the binary protocol (Connector/J server-side prepares).
 */
class ClientBytesIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() throws SQLException {
        fx = ServerFixture.start();
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE cb");
            s.execute("CREATE TABLE cb.t (id INT PRIMARY KEY, s VARCHAR(40), b VARBINARY(40), n INT)");
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static byte[] concat(Charset cs, Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] ? (byte[]) p : ((String) p).getBytes(cs));
        }
        return out.toByteArray();
    }

    /** The {@code mariadb} CLI fed {@code stdin}: [stdout, stderr, exit status]. */
    static List<String> mariadb(byte[] stdin, String charset) throws Exception {
        CharsetIT.assumeCli();
        Process p = new ProcessBuilder("mariadb", "-h127.0.0.1", "-P" + fx.port(), "--protocol=TCP", "--skip-ssl", "-uroot", "--batch",
                "--raw", "--skip-column-names", "--default-character-set=" + charset).start();
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        return List.of(out, err, Integer.toString(p.exitValue()));
    }

    /** {@code [s, HEX(b)]} of row {@code id}, read over UTF-8. */
    static List<String> row(int id) throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT s, b FROM cb.t WHERE id = " + id)) {
            if (!rs.next()) {
                return List.of();
            }
            byte[] b = rs.getBytes(2);
            return List.of(String.valueOf(rs.getString(1)), b == null ? "NULL" : HexFormat.of().withUpperCase().formatHex(b));
        }
    }

    @ParameterizedTest(name = "mariadb --default-character-set={0}")
    @CsvSource({"latin1, windows-1252, 'é€', 1", "gbk, GBK, '中文縗', 2", "utf8mb4, UTF-8, 'é中', 3"})
    void aLiteralIntoAVarbinaryColumnKeepsTheClientsBytes(String mysqlCharset, String javaCharset, String text, int id) throws Exception {
        Charset cs = Charset.forName(javaCharset);
        List<String> cli = mariadb(concat(cs, "INSERT INTO cb.t (id, s, b) VALUES (" + id + ", '" + text + "', '" + text + "');\n"), mysqlCharset);
        assertEquals("0", cli.get(2), cli.get(1));
        assertEquals(List.of(text, HexFormat.of().withUpperCase().formatHex(text.getBytes(cs))), row(id));
    }

    @Test
    void bytesThatAreNoTextInTheClientsCharsetAreRefusedForATextColumn() throws Exception {
        List<String> cli = mariadb(concat(StandardCharsets.UTF_8, "INSERT INTO cb.t (id, s) VALUES (10, 'ok'), (11, 'caf", new byte[] {(byte) 0xE9},
                "');\n"), "utf8mb4");
        assertEquals("1", cli.get(2));
        assertTrue(cli.get(1).contains("ERROR 1366 (HY000) at line 1: Incorrect string value: '\\xE9' for column 's' at row 2"), cli.get(1));
        assertEquals(List.of(), row(10), "nothing stored");
        // GBK: 0x81 starts a two-byte character; 0x81 0x20 is none.
        cli = mariadb(concat(Charset.forName("GBK"), "INSERT INTO cb.t VALUES (12, 'a", new byte[] {(byte) 0x81, ' '}, "b', NULL, NULL);\n"), "gbk");
        assertEquals("1", cli.get(2));
        assertTrue(cli.get(1).contains("ERROR 1366 (HY000) at line 1: Incorrect string value: '\\x81 b' for column 's' at row 1"), cli.get(1));
        // The same bytes into the binary column are stored as they are; compared with the text column they match
        // nothing (no error), with the binary one byte for byte.
        cli = mariadb(concat(StandardCharsets.UTF_8, "INSERT INTO cb.t (id, b) VALUES (13, 'caf", new byte[] {(byte) 0xE9}, "');\n",
                "UPDATE cb.t SET n = 1 WHERE s = 'caf", new byte[] {(byte) 0xE9}, "';\n",
                "SELECT COUNT(*), 'x' FROM cb.t WHERE s = 'caf", new byte[] {(byte) 0xE9}, "';\n",
                "SELECT id FROM cb.t WHERE b = 'caf", new byte[] {(byte) 0xE9}, "';\n",
                "UPDATE cb.t SET s = 'caf", new byte[] {(byte) 0xE9}, "' WHERE id = 13;\n"), "utf8mb4");
        assertEquals("1", cli.get(2));
        assertEquals("0\tx\n13\n", cli.get(0));
        assertTrue(cli.get(1).contains("ERROR 1366 (HY000) at line 5: Incorrect string value: '\\xE9' for column 's' at row 1"), cli.get(1));
        assertEquals(List.of("null", "636166E9"), row(13));
    }

    @Test
    void connectorJGbkTextAndBinaryProtocolStoreTheClientsBytesInVarbinary() throws SQLException {
        byte[] raw = {(byte) 0xC3, (byte) 0xA9, 0x5C, 0x27, (byte) 0x81, (byte) 0x40};
        for (boolean serverPrepares : new boolean[] {false, true}) {
            int id = serverPrepares ? 21 : 20;
            try (Connection c = fx.mysql("&characterEncoding=GBK&useServerPrepStmts=" + serverPrepares);
                 PreparedStatement p = c.prepareStatement("INSERT INTO cb.t (id, s, b) VALUES (?, ?, ?)")) {
                p.setInt(1, id);
                p.setString(2, "中文");
                p.setBytes(3, raw);
                p.executeUpdate();
                p.setInt(1, id + 10);
                p.setString(2, "縗");
                p.setString(3, "縗");
                p.executeUpdate();
            }
            assertEquals(List.of("中文", HexFormat.of().withUpperCase().formatHex(raw)), row(id), "setBytes, server prepares " + serverPrepares);
            assertEquals(List.of("縗", "BF5C"), row(id + 10), "setString into VARBINARY stores the GBK bytes, server prepares " + serverPrepares);
        }
        try (Connection c = fx.mysql("&characterEncoding=GBK&useServerPrepStmts=true");
             PreparedStatement p = c.prepareStatement("INSERT INTO cb.t (id, s) VALUES (?, ?)")) {
            p.setInt(1, 40);
            p.setBytes(2, new byte[] {'x', (byte) 0x81});
            SQLException e = assertThrows(SQLException.class, p::executeUpdate);
            assertEquals(1366, e.getErrorCode());
            assertEquals("HY000", e.getSQLState());
            assertEquals("Incorrect string value: '\\x81' for column 's' at row 1", e.getMessage());
            assertFalse(row(40).size() > 0);
        }
        try (Connection c = fx.mysql("&characterEncoding=GBK&useServerPrepStmts=true");
             PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM cb.t WHERE s = ?")) {
            p.setBytes(1, new byte[] {'x', (byte) 0x81});
            ResultSet rs = p.executeQuery();
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
        }
    }
}
