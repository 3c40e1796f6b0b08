package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.EncodedString;
import io.porpoise.backend.Prepared;
import io.porpoise.backend.StringLiteral;
import io.porpoise.testkit.RecordingResultSink;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strings that arrive as bytes in the client's charset ({@link EncodedString}) are stored by the
 * column they go to, as MySQL does: the bytes into binary columns, the text into text columns,
 * 1366 for bytes that are no text; comparisons never fail.
 */
final class H2EncodedStringTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "enc");
        db.ok("CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(20), b VARBINARY(20), n INT)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static EncodedString gbk(String text) {
        return new EncodedString(text.getBytes(GBK), GBK, "gbk", text);
    }

    static EncodedString invalidUtf8(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return new EncodedString(bytes, StandardCharsets.UTF_8, "utf8mb4", null);
    }

    /** Runs {@code sql}, each {@code '…'}-quoted {@code @n} placeholder being literal n with its span. */
    RecordingResultSink query(String sql, EncodedString... values) {
        List<StringLiteral> literals = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int from = 0;
        for (int i = 0; i < values.length; i++) {
            int at = sql.indexOf("@" + i, from);
            text.append(sql, from, at);
            int start = text.length();
            text.append(values[i].isText() ? "'" + values[i].text() + "'" : values[i].toString());
            literals.add(new StringLiteral(start, text.length(), values[i]));
            from = at + 2;
        }
        text.append(sql.substring(from));
        RecordingResultSink sink = new RecordingResultSink();
        try {
            db.session.query(text.toString(), literals, sink);
        } catch (BackendException e) {
            sink.thrown(e);
        }
        return sink;
    }

    @Test
    void aLiteralGoesIntoABinaryColumnAsTheClientsBytesAndIntoATextColumnAsText() {
        query("INSERT INTO t (id, s, b) VALUES (1, @0, @1)", gbk("中文"), gbk("中文")).expectOk();
        List<List<Object>> rows = db.rows("SELECT s, b FROM t WHERE id = 1");
        assertEquals("中文", rows.get(0).get(0));
        assertArrayEquals("中文".getBytes(GBK), (byte[]) rows.get(0).get(1));
        query("UPDATE t SET b = @0, s = @1 WHERE s = @2", gbk("é"), gbk("日本"), gbk("中文")).expectOk();
        rows = db.rows("SELECT s, b FROM t WHERE id = 1");
        assertEquals("日本", rows.get(0).get(0));
        assertArrayEquals("é".getBytes(GBK), (byte[]) rows.get(0).get(1));
    }

    @Test
    void bytesThatAreNoTextAreRefusedForATextColumnAndKeptForABinaryOne() {
        BackendException e = query("INSERT INTO t (id, s) VALUES (2, 'ok'), (3, @0)", invalidUtf8('x', 0xE9, 'y')).expectError();
        assertEquals(1366, e.errorCode());
        assertEquals("HY000", e.sqlState());
        assertEquals("Incorrect string value: '\\xE9y' for column 's' at row 2", e.getMessage());
        assertEquals(List.of(List.of(0L)), db.rows("SELECT COUNT(*) FROM t"), "nothing stored");
        e = query("INSERT INTO t VALUES (4, @0, NULL, 1)", invalidUtf8(0xFF, 0xFE, 1, 2, 3, 4, 5, 6)).expectError();
        assertEquals("Incorrect string value: '\\xFF\\xFE\\x01\\x02\\x03\\x04...' for column 's' at row 1", e.getMessage());
        query("INSERT INTO t (id, b) VALUES (5, @0)", invalidUtf8(0xFF, 0x80)).expectOk();
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0x80}, (byte[]) db.rows("SELECT b FROM t WHERE id = 5").get(0).get(0));
        e = query("UPDATE t SET s = @0 WHERE id = 5", invalidUtf8(0xC3)).expectError();
        assertEquals("Incorrect string value: '\\xC3' for column 's' at row 1", e.getMessage());
        // A comparison is no assignment: MySQL compares (with a warning), nothing matches.
        query("UPDATE t SET n = 7 WHERE s = @0", invalidUtf8(0xC3)).expectOk();
        assertEquals(List.of(List.of(0L)), db.rows("SELECT COUNT(*) FROM t WHERE n = 7"));
        assertEquals(List.of(List.of(0L)), query("SELECT COUNT(*) FROM t WHERE s = @0", invalidUtf8(0xC3)).expectRows());
        // Compared with a binary column, the bytes match byte for byte.
        assertEquals(List.of(List.of(5)), query("SELECT id FROM t WHERE b = @0", invalidUtf8(0xFF, 0x80)).expectRows());
    }

    @Test
    void preparedParametersAreBoundByTheirColumn() throws Exception {
        Prepared p = db.session.prepare("INSERT INTO t (id, s, b) VALUES (?, ?, ?)");
        RecordingResultSink sink = new RecordingResultSink();
        db.session.execute(p, Arrays.asList(6, gbk("縗"), gbk("縗")), sink);
        sink.expectOk();
        List<List<Object>> rows = db.rows("SELECT s, b FROM t WHERE id = 6");
        assertEquals("縗", rows.get(0).get(0));
        assertArrayEquals(new byte[] {(byte) 0xBF, 0x5C}, (byte[]) rows.get(0).get(1));
        RecordingResultSink bad = new RecordingResultSink();
        try {
            db.session.execute(p, Arrays.asList(7, invalidUtf8(0x80), null), bad);
        } catch (BackendException e) {
            bad.thrown(e);
        }
        assertEquals("Incorrect string value: '\\x80' for column 's' at row 1", bad.expectError().getMessage());
        db.session.closeStatement(p);
        Prepared q = db.session.prepare("SELECT COUNT(*) FROM t WHERE s = ?");
        RecordingResultSink count = new RecordingResultSink();
        db.session.execute(q, Arrays.asList(invalidUtf8(0x80)), count);
        assertEquals(0L, ((Number) count.expectSingleValue()).longValue());
        db.session.closeStatement(q);
    }

    @Test
    void hexLiteralsAndBlobParametersIntoATextColumnMustBeUtf8() throws Exception {
        BackendException e = db.run("INSERT INTO t (id, s) VALUES (50, X'636166E9')").expectError();
        assertEquals(1366, e.errorCode());
        assertEquals("Incorrect string value: '\\xE9' for column 's' at row 1", e.getMessage());
        db.ok("INSERT INTO t (id, s, b) VALUES (51, X'636166C3A9', X'FF'), (52, 0x41, 0x4142)");
        assertEquals(List.of(List.of("caf\u00e9", "ff"), List.of("A", "4142")),
                db.rows("SELECT s, RAWTOHEX(b) FROM t WHERE id IN (51, 52) ORDER BY id"));
        e = db.run("UPDATE t SET s = X'80' WHERE id = 51").expectError();
        assertEquals("Incorrect string value: '\\x80' for column 's' at row 1", e.getMessage());
        Prepared p = db.session.prepare("INSERT INTO t (id, s) VALUES (?, ?)");
        RecordingResultSink bad = new RecordingResultSink();
        try {
            db.session.execute(p, Arrays.asList(53, new byte[] {'o', (byte) 0xE9}), bad);
        } catch (BackendException x) {
            bad.thrown(x);
        }
        assertEquals("Incorrect string value: '\\xE9' for column 's' at row 1", bad.expectError().getMessage());
        db.session.closeStatement(p);
    }

    @Test
    void mysqlsDayTimeLiteralStillWorksBesideBytes() {
        db.ok("CREATE TABLE tt (t TIME, s VARCHAR(10), b VARBINARY(10))");
        query("INSERT INTO tt VALUES ('0 13:7:59', @0, X'E9')", gbk("\u4e2d")).expectOk();
        assertEquals(List.of(List.of("13:07:59", "\u4e2d", "e9")), db.rows("SELECT CAST(t AS VARCHAR), s, RAWTOHEX(b) FROM tt"));
    }
}
