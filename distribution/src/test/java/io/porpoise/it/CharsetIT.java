package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Connector/J with non-UTF-8 {@code characterEncoding}s storing and reading text through the
 * text protocol (Statement literals and client-side prepared statements) and the binary protocol
 * ({@code useServerPrepStmts=true}), including characters whose encoding has 0x5C ({@code \}) as
 * second byte; plus SHOW CHARACTER SET / SHOW COLLATION, INFORMATION_SCHEMA and the errors for
 * unknown or unsupported charsets. Every value is also read back over a UTF-8 connection, so a
 * test passes only when the server decoded the client's bytes into the right characters.
 */
class CharsetIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() throws SQLException {
        fx = ServerFixture.start();
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE cs");
            s.execute("CREATE TABLE cs.t (id INT PRIMARY KEY, enc VARCHAR(20), s VARCHAR(200), b VARBINARY(200))");
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** CJK characters whose encoding in {@code cs} is two bytes ending in 0x5C, found by encoding (e.g. GBK 縗 BF 5C). */
    static String backslashTrailers(Charset cs, int count) {
        StringBuilder sb = new StringBuilder();
        for (char c = '\u4E00'; c < '\u9FFF' && sb.length() < count; c++) {
            if (cs.newEncoder().canEncode(c)) {
                byte[] b = String.valueOf(c).getBytes(cs);
                if (b.length == 2 && b[1] == 0x5C) {
                    sb.append(c);
                }
            }
        }
        assertEquals(count, sb.length(), cs + " has too few characters ending in 0x5C");
        return sb.toString();
    }

    /** Text for a charset: its 0x5C-trailing characters around quotes and backslashes. */
    static String sample(String javaCharset) {
        switch (javaCharset) {
            case "UTF-8":
                return "h\u00e9 \u4E2D\u6587 \uD83D\uDE00 it's a \\ back\\slash \uD83C\uDF63";
            case "windows-1252":
                return "caf\u00e9 \u20AC5 \u2122 it's \\ \u00ff\u00e6";
            default:
                String t = backslashTrailers(Charset.forName(javaCharset), 3);
                return t + "'" + t.charAt(0) + "\\" + t.charAt(1) + "'' \u4E2D" + t.charAt(2);
        }
    }

    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @ParameterizedTest(name = "{0} server-side prepares {2}")
    @CsvSource({"GBK, gbk, false", "GBK, gbk, true", "Big5, big5, false", "Big5, big5, true", "Shift_JIS, sjis, false",
            "Shift_JIS, sjis, true", "windows-31j, cp932, false", "windows-31j, cp932, true", "windows-1252, latin1, false",
            "windows-1252, latin1, true", "UTF-8, utf8mb4, false", "UTF-8, utf8mb4, true"})
    void storesAndReadsText(String javaCharset, String mysqlCharset, boolean serverPrepares) throws SQLException {
        String text = sample(javaCharset);
        int id = Math.abs((javaCharset + serverPrepares).hashCode() % 100000) * 10;
        String url = "&characterEncoding=" + javaCharset + "&useServerPrepStmts=" + serverPrepares;
        try (Connection c = fx.mysql(url); Statement s = c.createStatement()) {
            ResultSet vars = s.executeQuery("SELECT @@character_set_client, @@collation_connection");
            assertTrue(vars.next());
            assertEquals(mysqlCharset, vars.getString(1));
            assertTrue(vars.getString(2).startsWith(mysqlCharset + "_"), vars.getString(2));
            // Text protocol, the literal written by hand.
            s.executeUpdate("INSERT INTO cs.t (id, enc, s) VALUES (" + id + ", '" + mysqlCharset + "', " + literal(text) + ")");
            // A prepared statement: client-side (text) or server-side (binary protocol).
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cs.t (id, enc, s, b) VALUES (?, ?, ?, ?)")) {
                p.setInt(1, id + 1);
                p.setString(2, mysqlCharset);
                p.setString(3, text);
                p.setBytes(4, text.getBytes(StandardCharsets.UTF_8));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT id, s, b FROM cs.t WHERE s = ? AND id IN (?, ?) ORDER BY id")) {
                p.setString(1, text);
                p.setInt(2, id);
                p.setInt(3, id + 1);
                ResultSet rs = p.executeQuery();
                List<String> read = new ArrayList<>();
                while (rs.next()) {
                    read.add(rs.getString(2));
                    if (rs.getInt(1) == id + 1) {
                        assertEquals(text, new String(rs.getBytes(3), StandardCharsets.UTF_8), "VARBINARY bytes are never converted");
                    }
                }
                assertEquals(List.of(text, text), read);
            }
            ResultSet plain = s.executeQuery("SELECT s FROM cs.t WHERE id = " + id + " AND s = " + literal(text));
            assertTrue(plain.next());
            assertEquals(text, plain.getString(1));
        }
        try (Connection utf8 = fx.mysql("&characterEncoding=UTF-8"); Statement s = utf8.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT s FROM cs.t WHERE id IN (" + id + ", " + (id + 1) + ")");
            assertTrue(rs.next());
            assertEquals(text, rs.getString(1), "stored as the right characters");
            assertTrue(rs.next());
            assertEquals(text, rs.getString(1));
        }
    }

    @Test
    void resultsAreEncodedInCharacterSetResults() throws SQLException {
        String text = sample("GBK");
        try (Connection c = fx.mysql("&characterEncoding=GBK&characterSetResults=GBK"); Statement s = c.createStatement()) {
            ResultSet vars = s.executeQuery("SELECT @@character_set_results");
            assertTrue(vars.next());
            assertEquals("gbk", vars.getString(1));
            ResultSet rs = s.executeQuery("SELECT " + literal(text) + " AS " + "`\u5217" + text.charAt(0) + "`");
            assertEquals("\u5217" + text.charAt(0), rs.getMetaData().getColumnLabel(1), "column names in the results charset");
            assertTrue(rs.next());
            assertEquals(text, rs.getString(1));
        }
    }

    @Test
    void showCharacterSetAndCollation() throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SHOW CHARACTER SET LIKE 'gb%'");
            assertEquals(List.of("Charset", "Description", "Default collation", "Maxlen"), labels(rs));
            assertEquals(List.of("gb18030|China National Standard GB18030|gb18030_chinese_ci|4", "gb2312|GB2312 Simplified Chinese|gb2312_chinese_ci|2",
                    "gbk|GBK Simplified Chinese|gbk_chinese_ci|2"), rows(rs));
            assertEquals(41, rows(s.executeQuery("SHOW CHARSET")).size());
            rs = s.executeQuery("SHOW COLLATION WHERE Charset = 'latin1'");
            assertEquals(List.of("Collation", "Charset", "Id", "Default", "Compiled", "Sortlen", "Pad_attribute"), labels(rs));
            List<String> latin1 = rows(rs);
            assertEquals(8, latin1.size());
            assertEquals("latin1_bin|latin1|47||Yes|1|PAD SPACE", latin1.get(0));
            assertTrue(latin1.contains("latin1_swedish_ci|latin1|8|Yes|Yes|1|PAD SPACE"));
            assertEquals(List.of("utf8mb4_0900_ai_ci|utf8mb4|255|Yes|Yes|0|NO PAD"), rows(s.executeQuery("SHOW COLLATION LIKE 'utf8mb4_0900_ai_ci'")));
            assertEquals(286, rows(s.executeQuery("SHOW COLLATION")).size());
            ResultSet is = s.executeQuery("SELECT COUNT(*), SUM(ID) FROM INFORMATION_SCHEMA.COLLATIONS");
            assertTrue(is.next());
            assertEquals(286, is.getInt(1));
            ResultSet cs = s.executeQuery("SELECT DEFAULT_COLLATE_NAME, MAXLEN FROM INFORMATION_SCHEMA.CHARACTER_SETS WHERE CHARACTER_SET_NAME = 'sjis'");
            assertTrue(cs.next());
            assertEquals("sjis_japanese_ci", cs.getString(1));
            assertEquals(2, cs.getInt(2));
        }
    }

    @Test
    void setNamesAndTheCharsetVariables() throws SQLException {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("SET NAMES gbk COLLATE gbk_bin");
            assertEquals(List.of("gbk|gbk|gbk|gbk_bin"), rows(s.executeQuery(
                    "SELECT @@character_set_client, @@character_set_connection, @@character_set_results, @@collation_connection")));
            s.execute("SET character_set_results = NULL");
            assertEquals(List.of("null"), rows(s.executeQuery("SELECT @@character_set_results")));
            s.execute("SET character_set_connection = latin1");
            assertEquals(List.of("latin1|latin1_swedish_ci"), rows(s.executeQuery("SELECT @@character_set_connection, @@collation_connection")));
            s.execute("SET CHARACTER SET sjis");
            assertEquals(List.of("sjis|sjis|utf8mb4|utf8mb4_0900_ai_ci"), rows(s.executeQuery(
                    "SELECT @@character_set_client, @@character_set_results, @@character_set_connection, @@collation_connection")));
            s.execute("SET NAMES utf8mb4");
            assertError(1115, "42000", "Unknown character set: 'nope'", () -> s.execute("SET NAMES nope"));
            assertError(1273, "HY000", "Unknown collation: 'gbk_nope'", () -> s.execute("SET NAMES gbk COLLATE gbk_nope"));
            assertError(1253, "42000", "COLLATION 'latin1_bin' is not valid for CHARACTER SET 'gbk'", () -> s.execute("SET NAMES gbk COLLATE latin1_bin"));
            assertError(1231, "42000", "Variable 'character_set_client' can't be set to the value of 'ucs2'", () -> s.execute("SET NAMES ucs2"));
            assertError(1231, "42000", "Variable 'character_set_client' can't be set to the value of 'utf16'",
                    () -> s.execute("SET character_set_client = utf16"));
            // Nothing changed by the refused statements.
            assertEquals(List.of("utf8mb4|utf8mb4_0900_ai_ci"), rows(s.executeQuery("SELECT @@character_set_client, @@collation_connection")));
        }
    }

    /** The {@code mariadb} CLI, raw batch output, with {@code stdin} as bytes; its stdout as bytes. */
    static byte[] mariadb(byte[] stdin, List<String> errors, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mariadb", "-h127.0.0.1", "-P" + fx.port(), "--protocol=TCP", "--skip-ssl", "-uroot",
                "--batch", "--raw", "--skip-column-names"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = p.getInputStream().readAllBytes();
        errors.add(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        errors.add("exit " + p.exitValue());
        return out;
    }

    static void assumeCli() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/mariadb"))
                || System.getenv("CI") != null, "mariadb client not installed (apt-get install mariadb-client)");
    }

    @ParameterizedTest(name = "mariadb --default-character-set={0}")
    @CsvSource({"gbk, GBK, 7001", "latin1, windows-1252, 7002"})
    void mariadbCliSendsAndReadsItsCharset(String mysqlCharset, String javaCharset, int id) throws Exception {
        assumeCli();
        Charset cs = Charset.forName(javaCharset);
        String text = sample(javaCharset);
        String script = "INSERT INTO cs.t (id, enc, s) VALUES (" + id + ", 'cli', " + literal(text) + ");\n"
                + "SELECT s FROM cs.t WHERE id = " + id + ";\nSELECT @@character_set_client;\n";
        List<String> errors = new ArrayList<>();
        byte[] out = mariadb(script.getBytes(cs), errors, "--default-character-set=" + mysqlCharset);
        assertEquals("exit 0", errors.get(1), errors.get(0));
        assertEquals(new String((text + "\n" + mysqlCharset + "\n").getBytes(cs), cs), new String(out, cs));
        assertEquals(java.util.HexFormat.of().formatHex((text + "\n" + mysqlCharset + "\n").getBytes(cs)), java.util.HexFormat.of().formatHex(out),
                "the bytes the client reads are its charset's");
        try (Connection utf8 = fx.mysql(""); Statement st = utf8.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT s FROM cs.t WHERE id = " + id);
            assertTrue(rs.next());
            assertEquals(text, rs.getString(1), "stored as the right characters");
        }
    }

    /**
     * The six single-byte charsets MySQL maps with its own tables, through the {@code mariadb} CLI
     * (libmariadb knows them all): the literal's bytes as the client sends them (swe7 escapes its
     * Ö, byte 0x5C, as MySQL's escaping does; armscii8 sends 0xFF, an apostrophe, unescaped since
     * it is no quote to MySQL's lexer), the text stored, and the bytes read back. armscii8's
     * apostrophe comes back as 0x27, the byte MySQL converts U+0027 to.
     */
    @ParameterizedTest(name = "mariadb --default-character-set={0}")
    @CsvSource(quoteCharacter = '"', value = {
        "dec8, 7101, 436166E920D7, Caf\u00E9 \u0152, 436166E920D7",
        "hp8, 7102, AF3520C5, \u20A45 \u00E9, AF3520C5",
        "swe7, 7103, 5B605C5C5C27, \u00C4\u00E9\u00D6', 5B605C27",
        "armscii8, 7104, B2B3FF6F6B, \u0531\u0561'ok, B2B3276F6B",
        "keybcs2, 7105, 80A9, \u010C\u0159, 80A9",
        "geostd8, 7106, C0FD, \u10D0\u2116, C0FD"})
    void mariadbCliWithMysqlsOwnSingleByteCharsets(String charset, int id, String sentHex, String text, String readHex) throws Exception {
        assumeCli();
        java.io.ByteArrayOutputStream script = new java.io.ByteArrayOutputStream();
        script.writeBytes(("INSERT INTO cs.t (id, enc, s) VALUES (" + id + ", '" + charset + "', '").getBytes(StandardCharsets.US_ASCII));
        script.writeBytes(java.util.HexFormat.of().parseHex(sentHex));
        script.writeBytes(("');\nSELECT s FROM cs.t WHERE id = " + id + ";\nSELECT @@character_set_client, @@collation_connection;\n")
                .getBytes(StandardCharsets.US_ASCII));
        List<String> errors = new ArrayList<>();
        byte[] out = mariadb(script.toByteArray(), errors, "--default-character-set=" + charset);
        assertEquals("exit 0", errors.get(1), errors.get(0));
        String collation = DEFAULT_COLLATIONS.get(charset);
        assertEquals(readHex.toLowerCase() + java.util.HexFormat.of().formatHex(("\n" + charset + "\t" + collation + "\n").getBytes(StandardCharsets.US_ASCII)),
                java.util.HexFormat.of().formatHex(out), "the bytes the client reads are its charset's");
        try (Connection utf8 = fx.mysql(""); Statement st = utf8.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT s FROM cs.t WHERE id = " + id);
            assertTrue(rs.next());
            assertEquals(text, rs.getString(1), "stored as the right characters");
            // Stored text goes out in the charset too, and a character it lacks is a question mark.
            st.execute("INSERT INTO cs.t (id, enc, s) VALUES (" + (id + 50) + ", '" + charset + "', '" + text.replace("'", "''") + "\u4E2D')");
        }
        errors.clear();
        out = mariadb(("SELECT s FROM cs.t WHERE id = " + (id + 50) + ";\n").getBytes(StandardCharsets.US_ASCII), errors, "--default-character-set=" + charset);
        assertEquals("exit 0", errors.get(1), errors.get(0));
        assertEquals(readHex.toLowerCase() + "3f0a", java.util.HexFormat.of().formatHex(out));
    }

    private static final java.util.Map<String, String> DEFAULT_COLLATIONS = defaultCollations();

    private static java.util.Map<String, String> defaultCollations() {
        return java.util.Map.of("dec8", "dec8_swedish_ci", "hp8", "hp8_english_ci", "swe7", "swe7_swedish_ci", "armscii8", "armscii8_general_ci",
                "keybcs2", "keybcs2_general_ci", "geostd8", "geostd8_general_ci");
    }

    @Test
    void bytesNoSingleByteCharsetDefinesAreRefusedOutsideLiterals() throws Exception {
        assumeCli();
        List<String> errors = new ArrayList<>();
        // geostd8 leaves 0xE6 undefined: as an identifier it is no text (1300), in a literal it is bytes.
        mariadb(new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ' ', 'A', 'S', ' ', '`', (byte) 0xE6, '`', ';', '\n'}, errors,
                "--default-character-set=geostd8");
        assertEquals("exit 1", errors.get(1));
        assertTrue(errors.get(0).contains("ERROR 1300 (HY000) at line 1: Invalid geostd8 character string: 'E660'"), errors.get(0));
    }

    /**
     * A swe7 client's escaping is done on bytes, with 0x5C, which swe7 reads as Ö: the escaped
     * quote must stay inside the literal (MySQL's lexer sees a backslash), never end it.
     */
    @Test
    void swe7EscapesAreBackslashesToTheLexer() throws Exception {
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS cs.swe7 (id INT PRIMARY KEY, s VARCHAR(50))");
        }
        assumeCli();
        // The value a' OR 'x'='x escaped as mysql_real_escape_string does: \' for each quote.
        byte[] sql = "INSERT INTO cs.swe7 VALUES (1, 'a\\' OR \\'x\\'=\\'x');\nSELECT COUNT(*) FROM cs.swe7 WHERE s = 'a\\' OR \\'x\\'=\\'x';\n"
                .getBytes(StandardCharsets.US_ASCII);
        List<String> errors = new ArrayList<>();
        byte[] out = mariadb(sql, errors, "--default-character-set=swe7");
        assertEquals("exit 0", errors.get(1), errors.get(0));
        assertEquals("1\n", new String(out, StandardCharsets.US_ASCII));
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            assertEquals(List.of("a' OR 'x'='x"), rows(s.executeQuery("SELECT s FROM cs.swe7")));
        }
    }

    /**
     * Collation 63 at the handshake, as MySQL's {@code thd_init_client_charset} takes it: client,
     * connection and results binary; query bytes stored unconverted (UTF-8 text into a utf8mb4
     * column), results unconverted with text columns labelled binary.
     */
    @Test
    void handshakeCollationBinary() throws Exception {
        try (RawProtocolIT.RawClient c = new RawProtocolIT.RawClient(fx.port())) {
            c.handshake();
            io.porpoise.wire.Capabilities caps = io.porpoise.wire.Capabilities.of(io.porpoise.wire.CapabilityFlag.CLIENT_PROTOCOL_41,
                    io.porpoise.wire.CapabilityFlag.CLIENT_SECURE_CONNECTION, io.porpoise.wire.CapabilityFlag.CLIENT_PLUGIN_AUTH,
                    io.porpoise.wire.CapabilityFlag.CLIENT_DEPRECATE_EOF);
            io.netty.buffer.ByteBuf b = io.netty.buffer.Unpooled.buffer();
            new io.porpoise.wire.packet.HandshakeResponse41(caps, 1 << 24, 63, "root", new byte[0], null, "caching_sha2_password",
                    java.util.Map.of(), 0).encode(b, StandardCharsets.UTF_8);
            byte[] login = new byte[b.readableBytes()];
            b.readBytes(login);
            b.release();
            c.write(1, login);
            assertEquals(0, c.read()[0], "OK after login");
            assertEquals(List.of("binary", "binary", "binary", "binary"), rawRow(c,
                    "SELECT @@character_set_client, @@character_set_connection, @@character_set_results, @@collation_connection", 4, null));
            c.write(0, RawProtocolIT.query("INSERT INTO cs.t (id, enc, s) VALUES (7201, 'binary', 'h\u00e9 \u4E2D')"));
            assertEquals(0, c.read()[0]);
            List<Integer> charsets = new ArrayList<>();
            assertEquals(List.of("7201", "h\u00e9 \u4E2D"), rawRow(c, "SELECT id, s FROM cs.t WHERE id = 7201", 2, charsets));
            assertEquals(List.of(63, 63), charsets, "text columns are labelled binary, as MySQL does for binary results");
        }
        try (Connection utf8 = fx.mysql(""); Statement st = utf8.createStatement()) {
            assertEquals(List.of("h\u00e9 \u4E2D"), rows(st.executeQuery("SELECT s FROM cs.t WHERE id = 7201")));
        }
        // SET NAMES binary does the same on a live connection.
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("SET NAMES binary");
            assertEquals(List.of("binary|binary|binary|binary"), rows(s.executeQuery(
                    "SELECT @@character_set_client, @@character_set_connection, @@character_set_results, @@collation_connection")));
        }
    }

    /** One text-protocol row of {@code columns} values as UTF-8 strings; the column definitions' collations into {@code charsets}. */
    private static List<String> rawRow(RawProtocolIT.RawClient c, String sql, int columns, List<Integer> charsets) throws Exception {
        c.write(0, RawProtocolIT.query(sql));
        assertEquals(columns, c.read()[0]);
        for (int i = 0; i < columns; i++) {
            io.porpoise.wire.packet.ColumnDefinition41 def = io.porpoise.wire.packet.ColumnDefinition41.decode(RawProtocolIT.reader(c.read()),
                    StandardCharsets.UTF_8);
            if (charsets != null) {
                charsets.add(def.characterSet());
            }
        }
        io.porpoise.wire.PayloadReader row = RawProtocolIT.reader(c.read());
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            values.add(row.readLengthEncodedString(StandardCharsets.UTF_8));
        }
        assertEquals(0xFE, c.read()[0] & 0xFF, "end of rows");
        return values;
    }

    @Test
    void undecodableBytesAreAnErrorAndUnparsableClientCharsetsAreRefused() throws Exception {
        assumeCli();
        List<String> errors = new ArrayList<>();
        byte[] bad = {'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ' ', 'A', 'S', ' ', '`', 'a', (byte) 0xFF, (byte) 0xC3, '`', ';', '\n'};
        mariadb(bad, errors, "--default-character-set=utf8mb4");
        assertEquals("exit 1", errors.get(1));
        assertTrue(errors.get(0).contains("ERROR 1300 (HY000) at line 1: Invalid utf8mb4 character string: 'FFC360'"), errors.get(0));
        errors.clear();
        // Bytes in a string literal that are not text reach the table as the same bytes (a binary column keeps them).
        byte[] blob = {'I', 'N', 'S', 'E', 'R', 'T', ' ', 'I', 'N', 'T', 'O', ' ', 'c', 's', '.', 't', ' ', '(', 'i', 'd', ',', ' ', 'b', ')', ' ',
                'V', 'A', 'L', 'U', 'E', 'S', ' ', '(', '7', '0', '0', '3', ',', ' ', '\'', (byte) 0xFF, '\\', '\'', (byte) 0x80, '\'', ')', ';'};
        mariadb(blob, errors, "--default-character-set=utf8mb4");
        assertEquals("exit 0", errors.get(1), errors.get(0));
        try (Connection c = fx.mysql(""); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT b FROM cs.t WHERE id = 7003");
            assertTrue(rs.next());
            assertEquals("ff2780", java.util.HexFormat.of().formatHex(rs.getBytes(1)));
        }
    }

    @Test
    void handshakeWithAClientCharsetTheParserCannotReadIsRefused() throws Exception {
        assumeCli();
        List<String> errors = new ArrayList<>();
        mariadb("SELECT 1;".getBytes(StandardCharsets.US_ASCII), errors, "--default-character-set=utf16");
        assertEquals("exit 1", errors.get(1));
        assertTrue(errors.get(0).contains("ERROR 1231 (42000): Variable 'character_set_client' can't be set to the value of 'utf16'"), errors.get(0));
    }

    private static void assertError(int code, String state, String message, org.junit.jupiter.api.function.Executable e) {
        SQLException x = assertThrows(SQLException.class, e);
        assertEquals(code, x.getErrorCode(), x.getMessage());
        assertEquals(state, x.getSQLState());
        assertEquals(message, x.getMessage());
    }

    static List<String> labels(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            out.add(rs.getMetaData().getColumnLabel(i));
        }
        return out;
    }

    static List<String> rows(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                sb.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
