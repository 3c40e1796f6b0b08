package io.porpoise.backend.h2;

import static io.porpoise.backend.h2.H2PreparedTypesTest.execute;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.Prepared;
import io.porpoise.testkit.RecordingResultSink;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result column that echoes a parameter has the parameter's type, as in MySQL, whether H2
 * prepared the statement ({@code SELECT ?}: H2 types it by the bound value) or it runs deferred
 * with the values as literals ({@code COALESCE(?, ?)}, {@code ? + ?}: the literals carry the type).
 */
final class H2ParameterResultTypesTest {
    /** H2 prepares it and types the column by the bound value. */
    private static final String PREPARED = "SELECT ?";
    /** H2 cannot type it at prepare time: it runs deferred, the value as a literal. */
    private static final String UNTYPED = "SELECT COALESCE(?, ?)";

    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "pt");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** The one column and value of {@code sql} executed with {@code values}. */
    private Echo echo(String sql, Object... values) throws BackendException {
        Prepared p = db.session.prepare(sql);
        try {
            RecordingResultSink s = execute(db, p, values);
            List<List<Object>> rows = s.expectRows();
            assertEquals(1, s.columns().size(), sql);
            return new Echo(s.columns().get(0), rows.get(0).get(0), ((H2Prepared) p.handle()).isDeferred());
        } finally {
            db.session.closeStatement(p);
        }
    }

    /** {@code SELECT ?} and {@code SELECT COALESCE(NULL, ?)} of {@code value}: both echoes. */
    private List<Echo> both(Object value) throws BackendException {
        Echo prepared = echo(PREPARED, value);
        Echo deferred = echo(UNTYPED, null, value);
        assertFalse(prepared.deferred, "H2 prepares SELECT ?");
        assertTrue(deferred.deferred, "H2 cannot type COALESCE(?, ?)");
        return List.of(prepared, deferred);
    }

    private record Echo(Column column, Object value, boolean deferred) {
        Echo is(ColumnType type, int decimals) {
            assertEquals(type, column.type(), column.toString());
            assertEquals(decimals, column.decimals(), column.toString());
            return this;
        }
    }

    @Test
    void temporalParametersAreTemporalColumns() throws Exception {
        for (Echo e : both(LocalDate.of(2020, 1, 1))) {
            e.is(ColumnType.DATE, 0);
            assertEquals(LocalDate.of(2020, 1, 1), e.value);
        }
        // The wire carries microseconds but no declared precision: DATETIME(6) and TIME(6), whatever the value.
        for (LocalDateTime v : List.of(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000))) {
            for (Echo e : both(v)) {
                e.is(ColumnType.DATETIME, 6);
                assertEquals(26, e.column.length());
                assertEquals(v, e.value);
            }
        }
        for (LocalTime v : List.of(LocalTime.of(1, 2, 3), LocalTime.of(23, 59, 59, 999_999_000))) {
            for (Echo e : both(v)) {
                e.is(ColumnType.TIME, 6);
                assertEquals(17, e.column.length());
                assertEquals(v, e.value);
            }
        }
        for (Echo e : both(Duration.ofHours(13).plusMinutes(14).plusSeconds(15))) {
            e.is(ColumnType.TIME, 6);
            assertEquals(LocalTime.of(13, 14, 15), e.value);
        }
    }

    @Test
    void floatingPointParametersAreDoubleAndFloatColumns() throws Exception {
        for (double v : new double[] {Double.MIN_VALUE, -Double.MAX_VALUE, 0.1, 1e-300, 123456789.125, Math.PI, 0.0}) {
            for (Echo e : both(v)) {
                e.is(ColumnType.DOUBLE, 31);
                // Bit for bit: a DECIMAL written as 4.9E-324 is not what MySQL sends.
                assertEquals(Double.valueOf(v), e.value, e.toString());
            }
        }
        for (float v : new float[] {Float.MIN_VALUE, -Float.MAX_VALUE, 0.1f, 1.1f, 16777216f, 3.25f}) {
            for (Echo e : both(v)) {
                e.is(ColumnType.FLOAT, 31);
                assertEquals(Float.valueOf(v), e.value, e.toString());
            }
        }
    }

    @Test
    void byteArraysAreBinaryColumnsEvenWhenEmpty() throws Exception {
        for (byte[] v : List.of(new byte[0], new byte[] {0, (byte) 0xFF, '\'', '\\'})) {
            for (Echo e : both(v)) {
                e.is(ColumnType.VAR_STRING, 0);
                assertTrue(e.column.isBinary(), e.toString());
                assertEquals(v.length, e.column.length());
                assertArrayEquals(v, (byte[]) e.value);
            }
        }
        // A string stays text.
        for (Echo e : both("")) {
            e.is(ColumnType.VAR_STRING, 0);
            assertFalse(e.column.isBinary());
            assertEquals("", e.value);
        }
    }

    @Test
    void integerParametersAreBigint() throws Exception {
        for (Object v : List.of(5L, 5, (short) 5, (byte) 5)) {
            for (Echo e : both(v)) {
                e.is(ColumnType.LONGLONG, 0);
                assertEquals(5L, e.value);
            }
        }
        for (Echo e : both(Long.MIN_VALUE)) {
            e.is(ColumnType.LONGLONG, 0);
            assertEquals(Long.MIN_VALUE, e.value);
        }
    }

    @Test
    void decimalParametersKeepTheirScale() throws Exception {
        for (String v : List.of("1.50", "5", "-0.001", "12345678901234567890.12345678901234567890", "1E+3", "1E-7")) {
            BigDecimal d = new BigDecimal(v);
            int scale = Math.max(0, d.scale());
            for (Echo e : both(d)) {
                e.is(ColumnType.NEWDECIMAL, scale);
                assertEquals(0, d.compareTo((BigDecimal) e.value), e.toString());
                assertEquals(scale, ((BigDecimal) e.value).scale(), e.toString());
            }
        }
    }

    @Test
    void arithmeticOnParametersIsTypedByTheValues() throws Exception {
        // H2 would guess NUMERIC(100000, 50000) for ? + ?; MySQL adds two integers as BIGINT.
        Echo sum = echo("SELECT ? + ?", 1L, 2L).is(ColumnType.LONGLONG, 0);
        assertTrue(sum.deferred);
        assertEquals(3L, sum.value);
        assertEquals(6L, echo("SELECT ? - ?", 1, -5).is(ColumnType.LONGLONG, 0).value);
        assertEquals(-5L, echo("SELECT -?", 5L).is(ColumnType.LONGLONG, 0).value);
        assertEquals(3.5, echo("SELECT ? + ?", 1.5, 2L).is(ColumnType.DOUBLE, 31).value);
        assertEquals(new BigDecimal("3.5"), echo("SELECT ? + ?", new BigDecimal("1.5"), 2L).is(ColumnType.NEWDECIMAL, 1).value);
        assertEquals(List.of("? + ?"), execute(db, db.session.prepare("SELECT ? + ?"), 1L, 2L).columnNames());
        // Typed by the value, not by the first execution.
        Prepared p = db.session.prepare("SELECT ? + ?");
        assertEquals(ColumnType.LONGLONG, execute(db, p, 1L, 2L).columns().get(0).type());
        assertEquals(ColumnType.DOUBLE, execute(db, p, 1L, 0.5).columns().get(0).type());
    }

    @Test
    void deferredStatementsWithTypedLiteralsStillRunAsWritten() throws Exception {
        db.ok("CREATE TABLE t (id INT PRIMARY KEY, d DOUBLE, v VARCHAR(30))");
        db.ok("INSERT INTO t VALUES (1, 1.5, 'a'), (2, 2.5, 'b'), (3, 3.5, 'b')");
        Prepared p = db.session.prepare("SELECT COALESCE(?, ?) AS x, v, COUNT(*) AS n FROM t WHERE id > ? GROUP BY v HAVING n >= ? ORDER BY v LIMIT ?");
        assertTrue(((H2Prepared) p.handle()).isDeferred());
        assertEquals(List.of(List.of(7L, "b", 2L)), execute(db, p, null, 7, 1, 2L, 10).expectRows());
        Prepared insert = db.session.prepare("INSERT INTO t (id, d, v) VALUES (?, COALESCE(?, ?), ?)");
        assertTrue(((H2Prepared) insert.handle()).isDeferred());
        execute(db, insert, 4, null, 0.25, LocalDateTime.of(2020, 1, 2, 3, 4, 5).toString()).expectOk();
        assertEquals(List.of(List.of(0.25, "2020-01-02T03:04:05")), db.rows("SELECT d, v FROM t WHERE id = 4"));
        // The session's own statements read their parameters as plain tokens.
        execute(db, db.session.prepare("CREATE TABLE u (id INT AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT = ?"), 100L).expectOk();
        db.ok("INSERT INTO u VALUES ()");
        assertEquals(List.of("100"), db.column("SELECT id FROM u", 0));
    }

    @Test
    void decfloatResultsAreDouble() {
        db.ok("CREATE TABLE f (d DOUBLE, b BIGINT, n DECIMAL(10,2))");
        db.ok("INSERT INTO f VALUES (1.5, 2, 0.25)");
        // H2 types DOUBLE with BIGINT or DECIMAL, SUM of a DOUBLE and 1e0 as DECFLOAT; MySQL as DOUBLE.
        RecordingResultSink s = db.run("SELECT d + b, d * n, 1e0 FROM f");
        assertEquals(List.of(List.of(3.5, 0.375, 1.0)), s.expectRows());
        RecordingResultSink sum = db.run("SELECT SUM(d) FROM f");
        assertEquals(1.5, sum.expectSingleValue());
        for (Column c : List.of(s.columns().get(0), s.columns().get(1), s.columns().get(2), sum.columns().get(0))) {
            assertEquals(ColumnType.DOUBLE, c.type(), c.toString());
        }
    }
}
