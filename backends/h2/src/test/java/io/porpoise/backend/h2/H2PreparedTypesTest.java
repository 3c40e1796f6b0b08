package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.Prepared;
import io.porpoise.testkit.RecordingResultSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prepared statements: every MySQL type as a parameter and as a result, and metadata equal to query()'s. */
final class H2PreparedTypesTest {
    private static final String COLUMNS = "flag, i, big, ubig, dec1, f, d, c, v, tx, bl, vb, dt, tm, dtm, ts, js";
    private static final String EMOJI = "\ud83d\udc2c porpoise \u00e9\u4e2d \ud83d\ude00";
    private static final BigDecimal DEC = new BigDecimal("12345678901234567890.12345678901234567890");

    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "ps");
        db.ok("CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, flag TINYINT(1), i INT, big BIGINT, ubig BIGINT UNSIGNED,"
                + " dec1 DECIMAL(40,20), f FLOAT, d DOUBLE, c CHAR(3), v VARCHAR(40), tx TEXT, bl BLOB, vb VARBINARY(300), dt DATE, tm TIME,"
                + " dtm DATETIME(6), ts TIMESTAMP, js JSON)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    static RecordingResultSink execute(H2Fixture db, Prepared p, Object... values) {
        RecordingResultSink sink = new RecordingResultSink();
        try {
            db.session.execute(p, Arrays.asList(values), sink);
        } catch (BackendException e) {
            sink.thrown(e);
        }
        return sink;
    }

    private List<Object> sample() {
        return Arrays.asList(Boolean.TRUE, Integer.MIN_VALUE, Long.MIN_VALUE, new BigInteger("18446744073709551615"), DEC, 3.25f, Math.PI, "ab",
                EMOJI, "it's \\ a\ntext", allBytes(), new byte[] {0, (byte) 0xFF, 0x27, 0x5C}, LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 59),
                LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000), LocalDateTime.of(1999, 12, 31, 23, 59, 59), "{\"a\": [1, 2]}");
    }

    private void assertSample(List<Object> row) {
        assertEquals(1, ((Number) row.get(0)).intValue());
        assertEquals(Integer.MIN_VALUE, ((Number) row.get(1)).intValue());
        assertEquals(Long.MIN_VALUE, row.get(2));
        assertEquals(new BigInteger("18446744073709551615"), row.get(3));
        assertEquals(DEC, row.get(4));
        assertEquals(3.25f, row.get(5));
        assertEquals(Math.PI, row.get(6));
        assertEquals("ab", row.get(7));
        assertEquals(EMOJI, row.get(8));
        assertEquals("it's \\ a\ntext", row.get(9));
        assertArrayEquals(allBytes(), (byte[]) row.get(10));
        assertArrayEquals(new byte[] {0, (byte) 0xFF, 0x27, 0x5C}, (byte[]) row.get(11));
        assertEquals(LocalDate.of(2024, 2, 29), row.get(12));
        assertEquals(LocalTime.of(23, 59, 59), row.get(13));
        assertEquals(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000), row.get(14));
        assertEquals(LocalDateTime.of(1999, 12, 31, 23, 59, 59), row.get(15));
        assertEquals("{\"a\": [1, 2]}", row.get(16));
    }

    @Test
    void everyTypeRoundTripsAsParameterAndResult() throws Exception {
        Prepared insert = db.session.prepare("INSERT INTO t (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        assertEquals(17, insert.parameters().size());
        assertFalse(((H2Prepared) insert.handle()).isDeferred());
        assertTrue(insert.columns().isEmpty());
        assertEquals(1L, execute(db, insert, sample().toArray()).expectOk().affectedRows());

        Prepared select = db.session.prepare("SELECT " + COLUMNS + " FROM t WHERE id = ?");
        assertEquals(1, select.parameters().size());
        RecordingResultSink s = execute(db, select, 1L);
        assertSample(s.expectRows().get(0));
        // The same values come back from query(): both paths read alike.
        assertSample(db.rows("SELECT " + COLUMNS + " FROM t WHERE id = 1").get(0));
        assertEquals(db.run("SELECT " + COLUMNS + " FROM t WHERE id = 1").columns(), s.columns());
        // And as parameters of a comparison, each value finds its row.
        for (String col : COLUMNS.split(", ")) {
            if (col.equals("f") || col.equals("js") || col.equals("tx")) {
                continue;
            }
            Prepared p = db.session.prepare("SELECT COUNT(*) FROM t WHERE " + col + " = ?");
            Object v = sample().get(Arrays.asList(COLUMNS.split(", ")).indexOf(col));
            assertEquals(1L, ((Number) execute(db, p, v).expectSingleValue()).longValue(), col);
            db.session.closeStatement(p);
        }
    }

    @Test
    void nullParametersStoreNull() throws Exception {
        Prepared insert = db.session.prepare("INSERT INTO t (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        execute(db, insert, Collections.nCopies(17, null).toArray()).expectOk();
        List<Object> row = db.rows("SELECT " + COLUMNS + " FROM t").get(0);
        for (int i = 0; i < row.size(); i++) {
            assertNull(row.get(i), "column " + i);
        }
        Prepared isNull = db.session.prepare("SELECT ? IS NULL, COUNT(*) FROM t WHERE big IS NULL AND (? IS NULL OR big = ?)");
        assertEquals(List.of(true, 1L), execute(db, isNull, null, null, null).expectRows().get(0));
    }

    @Test
    void valuesConvertToTheColumnType() throws Exception {
        Prepared insert = db.session.prepare("INSERT INTO t (i, dec1, d, v, dtm, tm, ubig) VALUES (?, ?, ?, ?, ?, ?, ?)");
        execute(db, insert, "42", 7L, 2L, 123L, "2024-01-02 03:04:05.000006", Duration.ofHours(23).plusMinutes(1), 5).expectOk();
        List<Object> row = db.rows("SELECT i, dec1, d, v, dtm, tm, ubig FROM t").get(0);
        assertEquals(42, ((Number) row.get(0)).intValue());
        assertEquals(0, new BigDecimal(7).compareTo((BigDecimal) row.get(1)));
        assertEquals(2.0, row.get(2));
        assertEquals("123", row.get(3));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000), row.get(4));
        assertEquals(LocalTime.of(23, 1), row.get(5));
        assertEquals(BigInteger.valueOf(5), row.get(6));

        BackendException e = execute(db, insert, "abc", 1L, 1L, "x", null, null, null).expectError();
        assertEquals(1366, e.errorCode());
        assertEquals("HY000", e.sqlState());
        assertEquals("Incorrect integer value: 'abc' for column 'i' at row 1", e.getMessage());
        e = execute(db, insert, 1L, "x1", 1L, "x", null, null, null).expectError();
        assertEquals("Incorrect decimal value: 'x1' for column 'dec1' at row 1", e.getMessage());
        e = execute(db, insert, 1L, 1L, 1L, "x", "not a date", null, null).expectError();
        assertEquals(1292, e.errorCode());
        assertEquals("22007", e.sqlState());
        e = execute(db, insert, 1L, 1L, 1L, "x", null, Duration.ofHours(-1), null).expectError();
        assertEquals(1292, e.errorCode());
        assertTrue(e.getMessage().startsWith("Incorrect time value: '-01:00:00'"), e.getMessage());
        e = execute(db, insert, 1L, 1L, 1L, "x", null, Duration.ofHours(838), null).expectError();
        assertTrue(e.getMessage().startsWith("Incorrect time value: '838:00:00'"), e.getMessage());
    }

    @Test
    void statementIsReusedWithChangedParameters() throws Exception {
        Prepared insert = db.session.prepare("INSERT INTO t (i, v) VALUES (?, ?)");
        for (int i = 1; i <= 5; i++) {
            RecordingResultSink s = execute(db, insert, i * 10, "v" + i);
            assertEquals(i, s.expectOk().lastInsertId());
            assertFalse(db.session.inTransaction());
        }
        Prepared select = db.session.prepare("SELECT id, v FROM t WHERE i >= ? AND v <> ? ORDER BY id LIMIT ?");
        assertEquals(List.of(List.of(4, "v4"), List.of(5, "v5")), execute(db, select, 40, "x", 10).expectRows());
        assertEquals(List.of(List.of(2, "v2")), execute(db, select, 20L, "v3", 1L).expectRows());
        assertEquals(List.of(), execute(db, select, 99, "", 5).expectRows());
        Prepared update = db.session.prepare("UPDATE t SET v = CONCAT(v, ?) WHERE id <= ?");
        assertEquals(3L, execute(db, update, "!", 3).expectOk().affectedRows());
        assertEquals(List.of("v1!", "v2!", "v3!", "v4", "v5"), db.column("SELECT v FROM t ORDER BY id", 0));
    }

    @Test
    void parameterMetadata() throws Exception {
        Prepared p = db.session.prepare("SELECT id FROM t WHERE id = ? AND v = ? AND dec1 > ? AND 'it''s ?' <> ? -- ?\n /* ? */");
        assertEquals(4, p.parameters().size());
        assertEquals(ColumnType.LONG, p.parameters().get(0).type());
        assertEquals(ColumnType.VAR_STRING, p.parameters().get(1).type());
        assertEquals(ColumnType.NEWDECIMAL, p.parameters().get(2).type());
        for (Column c : p.parameters()) {
            assertEquals("?", c.name());
        }
        Prepared untyped = db.session.prepare("SELECT ?");
        assertEquals(ColumnType.VAR_STRING, untyped.parameters().get(0).type());
        assertEquals("?", untyped.columns().get(0).name());
        assertEquals(0, db.session.prepare("SELECT `?`, \"?\" FROM (SELECT 1 AS `?`) x").parameters().size());
    }

    @Test
    void resultMetadataEqualsQueryMetadata() throws Exception {
        db.ok("INSERT INTO t (i, v) VALUES (1, 'a')");
        List<String> selects = new ArrayList<>(List.of("SELECT * FROM t", "SELECT " + COLUMNS + " FROM t", "SELECT COUNT(*), 1+1, concat('a','b'), id AS k, 'lit' FROM t",
                "SELECT ubig, flag, dtm, t.* FROM t", "SELECT id FROM t GROUP BY id HAVING id > 0",
                "SELECT TABLE_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'ps'"));
        for (String sql : selects) {
            RecordingResultSink q = db.run(sql);
            q.expectRows();
            Prepared p = db.session.prepare(sql);
            assertEquals(q.columns(), p.columns(), sql);
            RecordingResultSink e = execute(db, p);
            assertEquals(q.columns(), e.columns(), sql);
            assertEquals(q.expectRows().size(), e.expectRows().size(), sql);
        }
        Prepared p = db.session.prepare("SELECT ubig, flag, dtm FROM t WHERE id = ?");
        Column ubig = p.columns().get(0);
        assertEquals(ColumnType.LONGLONG, ubig.type());
        assertTrue(ubig.has(ColumnFlag.UNSIGNED));
        assertEquals(ColumnType.TINY, p.columns().get(1).type());
        assertEquals(1, p.columns().get(1).length());
        assertEquals(ColumnType.DATETIME, p.columns().get(2).type());
        assertEquals(6, p.columns().get(2).decimals());
        assertEquals("ps", ubig.schema());
        assertEquals("t", ubig.orgTable());
    }
}
