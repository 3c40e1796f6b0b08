package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.backend.ColumnType;
import io.porpoise.testkit.RecordingResultSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result metadata per MySQL type and exact value round trips. */
final class H2MetadataTest {
    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "meta");
        db.ok("CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, flag TINYINT(1), b BOOLEAN, big BIGINT, ubig BIGINT UNSIGNED,"
                + " uint INT UNSIGNED, dec1 DECIMAL(10,2), dec2 DECIMAL(65,30), f FLOAT, d DOUBLE, c CHAR(3), v VARCHAR(20) NOT NULL DEFAULT '',"
                + " tx TEXT, lt LONGTEXT, bl BLOB, lb LONGBLOB, vb VARBINARY(300), dt DATE, tm TIME, dtm DATETIME(6), ts TIMESTAMP, js JSON,"
                + " e ENUM('x','y'), UNIQUE KEY uk_v (v), KEY idx_big (big)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void assertColumn(RecordingResultSink s, String name, ColumnType type, long length, int decimals, boolean binary, ColumnFlag... flags) {
        Column c = s.column(name);
        assertEquals(type, c.type(), name + " type");
        assertEquals(length, c.length(), name + " length");
        assertEquals(decimals, c.decimals(), name + " decimals");
        assertEquals(binary, c.isBinary(), name + " binary collation");
        for (ColumnFlag f : flags) {
            assertTrue(c.has(f), name + " flag " + f + " in " + c.flags());
        }
    }

    @Test
    void metadataPerType() {
        RecordingResultSink s = db.run("SELECT * FROM t");
        s.expectRows();
        assertColumn(s, "id", ColumnType.LONG, 11, 0, true, ColumnFlag.NOT_NULL, ColumnFlag.PRI_KEY, ColumnFlag.AUTO_INCREMENT, ColumnFlag.NUM);
        assertColumn(s, "flag", ColumnType.TINY, 1, 0, true);
        assertColumn(s, "b", ColumnType.TINY, 1, 0, true);
        assertColumn(s, "big", ColumnType.LONGLONG, 20, 0, true, ColumnFlag.MULTIPLE_KEY);
        assertColumn(s, "ubig", ColumnType.LONGLONG, 20, 0, true, ColumnFlag.UNSIGNED);
        assertColumn(s, "uint", ColumnType.LONG, 10, 0, true, ColumnFlag.UNSIGNED);
        assertColumn(s, "dec1", ColumnType.NEWDECIMAL, 12, 2, true);
        assertColumn(s, "dec2", ColumnType.NEWDECIMAL, 67, 30, true);
        assertColumn(s, "f", ColumnType.FLOAT, 12, 31, true);
        assertColumn(s, "d", ColumnType.DOUBLE, 22, 31, true);
        assertColumn(s, "c", ColumnType.STRING, 3, 0, false);
        assertColumn(s, "v", ColumnType.VAR_STRING, 20, 0, false, ColumnFlag.NOT_NULL, ColumnFlag.UNIQUE_KEY);
        assertColumn(s, "tx", ColumnType.BLOB, 65535, 0, false, ColumnFlag.BLOB);
        assertColumn(s, "lt", ColumnType.BLOB, 4294967295L / 4, 0, false, ColumnFlag.BLOB);
        assertColumn(s, "bl", ColumnType.BLOB, 65535, 0, true, ColumnFlag.BLOB, ColumnFlag.BINARY);
        assertColumn(s, "lb", ColumnType.BLOB, 4294967295L, 0, true, ColumnFlag.BLOB, ColumnFlag.BINARY);
        assertColumn(s, "vb", ColumnType.VAR_STRING, 300, 0, true, ColumnFlag.BINARY);
        assertColumn(s, "dt", ColumnType.DATE, 10, 0, true);
        assertColumn(s, "tm", ColumnType.TIME, 10, 0, true);
        assertColumn(s, "dtm", ColumnType.DATETIME, 26, 6, true);
        assertColumn(s, "ts", ColumnType.TIMESTAMP, 19, 0, true);
        assertColumn(s, "js", ColumnType.JSON, 4294967295L / 4, 0, false);
        assertColumn(s, "e", ColumnType.STRING, 1, 0, false, ColumnFlag.ENUM);
        assertFalse(s.column("big").has(ColumnFlag.NOT_NULL));
        Column id = s.column("id");
        assertEquals("meta", id.schema());
        assertEquals("t", id.table());
        assertEquals("t", id.orgTable());
        assertEquals("id", id.orgName());
    }

    @Test
    void aliasesKeepOriginNames() {
        RecordingResultSink s = db.run("SELECT id AS k, 1 + 1 AS two FROM t");
        s.expectRows();
        assertEquals("k", s.columns().get(0).name());
        assertEquals("id", s.columns().get(0).orgName());
        assertEquals("", s.columns().get(1).table());
        assertEquals(ColumnType.LONG, s.columns().get(1).type());
    }

    @Test
    void extremeValuesRoundTrip() {
        db.ok("INSERT INTO t (big, ubig, uint, dec2, d, f, v) VALUES (" + Long.MIN_VALUE + ", 18446744073709551615, 4294967295,"
                + " 12345678901234567890123456789012345.123456789012345678901234567890, 1.7976931348623157E308, 3.4028235E38, 'a')");
        db.ok("INSERT INTO t (big, ubig, dec2, d, v) VALUES (" + Long.MAX_VALUE + ", 0, -0.000000000000000000000000000001, 4.9E-324, 'b')");
        List<List<Object>> r = db.rows("SELECT big, ubig, uint, dec2, d, f FROM t ORDER BY id");
        assertEquals(Long.MIN_VALUE, r.get(0).get(0));
        assertEquals(new BigInteger("18446744073709551615"), r.get(0).get(1));
        assertEquals(4294967295L, r.get(0).get(2));
        assertEquals(new BigDecimal("12345678901234567890123456789012345.123456789012345678901234567890"), r.get(0).get(3));
        assertEquals(Double.MAX_VALUE, r.get(0).get(4));
        assertEquals(Float.MAX_VALUE, r.get(0).get(5));
        assertEquals(Long.MAX_VALUE, r.get(1).get(0));
        assertEquals(BigInteger.ZERO, r.get(1).get(1));
        assertEquals(new BigDecimal("-0.000000000000000000000000000001"), r.get(1).get(3));
        assertEquals(Double.MIN_VALUE, r.get(1).get(4));
    }

    @Test
    void textBinaryAndTemporalValuesRoundTrip() {
        String emoji = "\ud83d\udc2c porpoise \u00e9\u4e2d";
        StringBuilder hex = new StringBuilder();
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
            hex.append(String.format("%02X", i));
        }
        db.ok("INSERT INTO t (v, tx, bl, vb, dt, tm, dtm, ts, js, c, e, flag, b) VALUES ('" + emoji + "', 'it''s \\\\ \\n', X'" + hex + "', 0x" + hex
                + ", '2024-02-29', '23:59:59', '2024-02-29 12:34:56.123456', '1999-12-31 23:59:59', '{\"a\": [1, 2]}', 'ab', 'y', 1, TRUE)");
        db.ok("INSERT INTO t (v) VALUES ('nulls')");
        List<List<Object>> r = db.rows("SELECT v, tx, bl, vb, dt, tm, dtm, ts, js, c, e, flag, b FROM t ORDER BY id");
        List<Object> row = r.get(0);
        assertEquals(emoji, row.get(0));
        assertEquals("it's \\ \n", row.get(1));
        assertArrayEquals(all, (byte[]) row.get(2));
        assertArrayEquals(all, (byte[]) row.get(3));
        assertEquals(LocalDate.of(2024, 2, 29), row.get(4));
        assertEquals(LocalTime.of(23, 59, 59), row.get(5));
        assertEquals(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000), row.get(6));
        assertEquals(LocalDateTime.of(1999, 12, 31, 23, 59, 59), row.get(7));
        assertEquals("{\"a\": [1, 2]}", row.get(8));
        assertEquals("ab", row.get(9));
        assertEquals("y", row.get(10));
        assertEquals(1, ((Number) row.get(11)).intValue());
        assertEquals(1, ((Number) row.get(12)).intValue());
        for (int i = 1; i < row.size(); i++) {
            if (i != 0) {
                assertNull(r.get(1).get(i == 0 ? 1 : i), "column " + i + " of the all-NULL row");
            }
        }
    }

    @Test
    void largeValuesStream() {
        db.ok("CREATE TABLE big (id INT PRIMARY KEY, body LONGTEXT, data LONGBLOB)");
        StringBuilder text = new StringBuilder();
        while (text.length() < 20 * 1024 * 1024) {
            text.append("0123456789abcdef\ud83d\udc2c");
        }
        db.ok("INSERT INTO big VALUES (1, '" + text + "', REPEAT('x', 1))");
        db.ok("UPDATE big SET data = CAST(body AS VARBINARY) WHERE id = 1");
        List<List<Object>> r = db.rows("SELECT body, data FROM big");
        assertEquals(text.toString(), r.get(0).get(0));
        assertInstanceOf(byte[].class, r.get(0).get(1));
        assertTrue(((byte[]) r.get(0).get(1)).length >= 20 * 1024 * 1024);
    }

    @Test
    void lastInsertIdFunctionReportsFirstIdOfMultiRowInsert() {
        db.ok("INSERT INTO t (v) VALUES ('a'), ('b'), ('c')");
        assertEquals(1L, ((Number) db.run("SELECT LAST_INSERT_ID()").expectSingleValue()).longValue());
    }
}
