package io.porpoise.e2e;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.mysqlclient.SslMode;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Vert.x MySQL client (4.5) against {@code bin/porpoise}: {@code query()} is COM_QUERY (text
 * protocol), {@code preparedQuery()} and {@code prepare()} are COM_STMT_PREPARE/EXECUTE (binary
 * protocol), cursors and row streams are COM_STMT_EXECUTE with a read-only cursor followed by
 * COM_STMT_FETCH. A sniffing proxy proves each path.
 */
class VertxMySqlIT {
    private static final String COLUMNS = "id, b, i, bi, bu, d, f, db, vc, tx, vb, bl, dt, tm, dtm, ts";
    private static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    private static final String EMOJI_TEXT = "h\u00e9llo \uD83D\uDC2C \u6d77\u8c5a";
    private static final String LONG_TEXT = "line1\nline2 '\\\" \u00e9\uD83D\uDC2C ".repeat(200);
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");
    private static final BigDecimal DECIMAL = new BigDecimal("12345678901234567890.12345678901234567890");
    private static final LocalDateTime MICROS = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000);
    // Vert.x maps TIME to Duration. MySQL TIME spans -838:59:59..838:59:59, but the H2 backend stores
    // TIME as a time of day (0..24h), so negative and >24h durations are not attempted here.
    private static final Duration TIME_13_14_15 = Duration.ofHours(13).plusMinutes(14).plusSeconds(15);

    static PorpoiseProcess server;
    static Vertx vertx;

    @BeforeAll
    static void startServer() throws Exception {
        server = PorpoiseProcess.start();
        vertx = Vertx.vertx();
        MySQLConnection c = connect(server.port());
        try {
            await(c.query("CREATE DATABASE vx").execute());
            await(c.query("CREATE TABLE vx.t (id INT PRIMARY KEY, b TINYINT(1), i INT, bi BIGINT, bu BIGINT UNSIGNED,"
                    + " d DECIMAL(40,20), f FLOAT, db DOUBLE, vc VARCHAR(100), tx TEXT, vb VARBINARY(256), bl BLOB,"
                    + " dt DATE, tm TIME, dtm DATETIME(6), ts TIMESTAMP)").execute());
        } finally {
            await(c.close());
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        try {
            if (vertx != null) {
                await(vertx.close());
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    static <T> T await(Future<T> f) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    static MySQLConnection connect(int port) throws Exception {
        MySQLConnectOptions options = new MySQLConnectOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setUser("root")
                .setPassword("")
                // No default database. Vert.x rejects null ("Database name can not be null"): its "none" is "".
                .setDatabase(MySQLConnectOptions.DEFAULT_SCHEMA)
                .setSslMode(SslMode.DISABLED)
                .setConnectTimeout(10_000);
        return await(MySQLConnection.connect(vertx, options));
    }

    static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    static Row single(RowSet<Row> rs) {
        assertEquals(1, rs.size(), "one row");
        return rs.iterator().next();
    }

    @Test
    void simpleQueryUsesTheTextProtocol() throws Exception {
        try (SniffingProxy proxy = new SniffingProxy(server.port())) {
            MySQLConnection c = connect(proxy.port());
            try {
                proxy.resetCounts();
                Row row = single(await(c.query("SELECT 1 + 1 AS two, 'porpoise' AS name, NULL AS nothing").execute()));
                assertEquals(2L, row.getLong("two"));
                assertEquals("porpoise", row.getString("name"));
                assertNull(row.getValue("nothing"));
                assertEquals(1, proxy.count(SniffingProxy.COM_QUERY));
                assertEquals(0, proxy.count(SniffingProxy.COM_STMT_PREPARE));
            } finally {
                await(c.close());
            }
        }
    }

    @Test
    void everyTypeRoundTripsAsBinaryParameterAndAsBinaryAndTextResult() throws Exception {
        try (SniffingProxy proxy = new SniffingProxy(server.port())) {
            MySQLConnection c = connect(proxy.port());
            try {
                proxy.resetCounts();
                Tuple params = Tuple.from(Arrays.asList(1, true, Integer.MIN_VALUE, Long.MAX_VALUE, U64_MAX, DECIMAL, 1.25f,
                        -1.7976931348623157E308, EMOJI_TEXT, LONG_TEXT, Buffer.buffer(allBytes()), Buffer.buffer(allBytes()),
                        LocalDate.of(1999, 12, 31), LocalTime.of(13, 14, 15), MICROS, LocalDateTime.of(2024, 5, 6, 7, 8, 9)));
                RowSet<Row> ins = await(c.preparedQuery("INSERT INTO vx.t (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")").execute(params));
                assertEquals(1, ins.rowCount());
                assertEquals(1, proxy.count(SniffingProxy.COM_STMT_PREPARE));
                assertEquals(1, proxy.count(SniffingProxy.COM_STMT_EXECUTE));
                assertEquals(0, proxy.count(SniffingProxy.COM_QUERY));

                assertTypedRow(single(await(c.preparedQuery("SELECT " + COLUMNS + " FROM vx.t WHERE id = ?").execute(Tuple.of(1)))), "binary");
                assertEquals(2, proxy.count(SniffingProxy.COM_STMT_EXECUTE));
                assertTypedRow(single(await(c.query("SELECT " + COLUMNS + " FROM vx.t WHERE id = 1").execute())), "text");
                assertEquals(1, proxy.count(SniffingProxy.COM_QUERY));
            } finally {
                await(c.close());
            }
        }
    }

    /** Exact values, with the Java types Vert.x picks from the column metadata. */
    private static void assertTypedRow(Row row, String protocol) {
        assertEquals(Byte.valueOf((byte) 1), row.getValue("b"), protocol + ": Vert.x reads TINYINT(1) as a Byte");
        assertEquals(Boolean.TRUE, row.getBoolean("b"), protocol);
        assertEquals(Integer.MIN_VALUE, row.getValue("i"), protocol);
        assertEquals(Long.MAX_VALUE, row.getValue("bi"), protocol);
        Object bu = row.getValue("bu");
        assertInstanceOf(Numeric.class, bu, protocol + ": BIGINT UNSIGNED is a Numeric (unsigned flag)");
        assertEquals(U64_MAX, ((Numeric) bu).bigIntegerValue(), protocol);
        Object d = row.getValue("d");
        assertInstanceOf(Numeric.class, d, protocol);
        assertEquals(DECIMAL, ((Numeric) d).bigDecimalValue(), protocol + ": DECIMAL(40,20) with its scale");
        assertEquals(1.25f, row.getValue("f"), protocol);
        assertEquals(-1.7976931348623157E308, row.getValue("db"), protocol);
        assertEquals(EMOJI_TEXT, row.getValue("vc"), protocol);
        assertEquals(LONG_TEXT, row.getValue("tx"), protocol + ": TEXT is a String (text charset)");
        assertInstanceOf(Buffer.class, row.getValue("vb"), protocol + ": VARBINARY is a Buffer (binary charset 63)");
        assertArrayEquals(allBytes(), row.getBuffer("vb").getBytes(), protocol);
        assertInstanceOf(Buffer.class, row.getValue("bl"), protocol + ": BLOB is a Buffer (binary charset 63)");
        assertArrayEquals(allBytes(), row.getBuffer("bl").getBytes(), protocol);
        assertEquals(LocalDate.of(1999, 12, 31), row.getValue("dt"), protocol);
        assertEquals(TIME_13_14_15, row.getValue("tm"), protocol + ": TIME is a Duration");
        assertEquals(LocalTime.of(13, 14, 15), row.getLocalTime("tm"), protocol);
        assertEquals(MICROS, row.getValue("dtm"), protocol + ": DATETIME(6) keeps microseconds");
        assertEquals(LocalDateTime.of(2024, 5, 6, 7, 8, 9), row.getValue("ts"), protocol);
    }

    /** Extremes and empty values: zero-length binary DATE/TIME/DATETIME values, empty strings and blobs. */
    @Test
    void boundaryValuesRoundTrip() throws Exception {
        Object[][] rows = {
            {10, (byte) 0, Integer.MAX_VALUE, Long.MIN_VALUE, BigInteger.ZERO, new BigDecimal("-0.00000000000000000001"), 0.1f,
                Double.MIN_VALUE, "", "", new byte[0], new byte[0], LocalDate.of(1, 1, 1), Duration.ZERO,
                LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2000, 1, 1, 0, 0)},
            {11, (byte) 1, 0, 0L, new BigInteger("9223372036854775808"), new BigDecimal("99999999999999999999.99999999999999999999"),
                -3.4028235E38f, Double.MAX_VALUE, "x".repeat(100), "\u0000\u0001'\"\\", new byte[] {0}, new byte[65535],
                LocalDate.of(9999, 12, 31), Duration.ofHours(23).plusMinutes(59).plusSeconds(59),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(2038, 1, 19, 3, 14, 7)},
        };
        MySQLConnection c = connect(server.port());
        try {
            for (Object[] row : rows) {
                List<Object> params = new ArrayList<>();
                for (Object v : row) {
                    params.add(v instanceof byte[] b ? Buffer.buffer(b) : v);
                }
                await(c.preparedQuery("INSERT INTO vx.t (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")").execute(Tuple.from(params)));
            }
            String[] cols = COLUMNS.split(", ");
            for (RowSet<Row> rs : List.of(
                    await(c.preparedQuery("SELECT " + COLUMNS + " FROM vx.t WHERE id BETWEEN ? AND 11 ORDER BY id").execute(Tuple.of(10))),
                    await(c.query("SELECT " + COLUMNS + " FROM vx.t WHERE id BETWEEN 10 AND 11 ORDER BY id").execute()))) {
                assertEquals(2, rs.size());
                int n = 0;
                for (Row row : rs) {
                    for (int k = 0; k < cols.length; k++) {
                        Object expected = rows[n][k];
                        Object actual = row.getValue(cols[k]);
                        String what = "id " + rows[n][0] + " column " + cols[k];
                        if (expected instanceof byte[] b) {
                            assertArrayEquals(b, ((Buffer) actual).getBytes(), what);
                        } else if (expected instanceof BigInteger i) {
                            assertEquals(i, ((Numeric) actual).bigIntegerValue(), what);
                        } else if (expected instanceof BigDecimal d) {
                            assertEquals(d, ((Numeric) actual).bigDecimalValue(), what);
                        } else {
                            assertEquals(expected, actual, what);
                        }
                    }
                    n++;
                }
            }
        } finally {
            await(c.close());
        }
    }

    @Test
    void transactionsCommitAndRollBack() throws Exception {
        MySQLConnection c = connect(server.port());
        try {
            Transaction tx = await(c.begin());
            await(c.preparedQuery("INSERT INTO vx.t (id, vc) VALUES (?, ?)").execute(Tuple.of(400, "rolled back")));
            await(tx.rollback());
            tx = await(c.begin());
            await(c.preparedQuery("INSERT INTO vx.t (id, vc) VALUES (?, ?)").execute(Tuple.of(401, "committed")));
            await(tx.commit());
        } finally {
            await(c.close());
        }
        MySQLConnection other = connect(server.port());
        try {
            RowSet<Row> rs = await(other.query("SELECT vc FROM vx.t WHERE id IN (400, 401)").execute());
            assertEquals("committed", single(rs).getString(0));
        } finally {
            await(other.close());
        }
    }

    @Test
    void timeAsDurationAndNullsRoundTrip() throws Exception {
        MySQLConnection c = connect(server.port());
        try {
            List<Object> values = new ArrayList<>();
            values.add(2);
            for (int k = 1; k < 16; k++) {
                values.add(null);
            }
            await(c.preparedQuery("INSERT INTO vx.t (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")").execute(Tuple.from(values)));
            for (RowSet<Row> rs : List.of(
                    await(c.preparedQuery("SELECT * FROM vx.t WHERE id = ?").execute(Tuple.of(2))),
                    await(c.query("SELECT * FROM vx.t WHERE id = 2").execute()))) {
                Row row = single(rs);
                for (String col : COLUMNS.split(", ")) {
                    if (!col.equals("id")) {
                        assertNull(row.getValue(col), col);
                    }
                }
            }

            // A Duration parameter (13:14:15, and with microseconds) comes back as the same Duration.
            Duration withMicros = TIME_13_14_15.plusNanos(123_456_000);
            await(c.preparedQuery("INSERT INTO vx.t (id, tm) VALUES (?, ?), (?, ?)")
                    .execute(Tuple.of(3, TIME_13_14_15, 4, Duration.ZERO)));
            assertEquals(TIME_13_14_15, single(await(c.preparedQuery("SELECT tm FROM vx.t WHERE id = ?").execute(Tuple.of(3)))).getValue(0));
            assertEquals(Duration.ZERO, single(await(c.preparedQuery("SELECT tm FROM vx.t WHERE id = ?").execute(Tuple.of(4)))).getValue(0));
            assertEquals(withMicros, single(await(c.preparedQuery("SELECT CAST(? AS TIME(6))").execute(Tuple.of(withMicros)))).getValue(0),
                    "TIME(6) echoed through a parameter");
        } finally {
            await(c.close());
        }
    }

    @Test
    void preparedStatementReuseAndBatch() throws Exception {
        try (SniffingProxy proxy = new SniffingProxy(server.port())) {
            MySQLConnection c = connect(proxy.port());
            try {
                proxy.resetCounts();
                List<Tuple> batch = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    batch.add(Tuple.of(100 + k, k % 2 == 0 ? null : "v" + k, k));
                }
                RowSet<Row> rs = await(c.preparedQuery("INSERT INTO vx.t (id, vc, i) VALUES (?, ?, ?)").executeBatch(batch));
                int results = 0;
                for (RowSet<Row> r = rs; r != null; r = r.next()) {
                    assertEquals(1, r.rowCount());
                    results++;
                }
                assertEquals(5, results, "one result per batch tuple");
                assertEquals(5, proxy.count(SniffingProxy.COM_STMT_EXECUTE), "one COM_STMT_EXECUTE per tuple");

                PreparedStatement ps = await(c.prepare("SELECT vc, i FROM vx.t WHERE id BETWEEN ? AND ? ORDER BY id"));
                try {
                    assertEquals(List.of("null/0", "v1/1", "null/2", "v3/3", "null/4"), strings(await(ps.query().execute(Tuple.of(100, 104)))));
                    assertEquals(List.of("v3/3", "null/4"), strings(await(ps.query().execute(Tuple.of(103, 199)))));
                    // Other Java types for the same parameters (LONGLONG instead of LONG): the types are sent again.
                    assertEquals(List.of("v1/1"), strings(await(ps.query().execute(Tuple.of(101L, 101L)))));
                    assertEquals(List.of(), strings(await(ps.query().execute(Tuple.of(900, 999)))));
                } finally {
                    await(ps.close());
                }
            } finally {
                await(c.close());
            }
        }
    }

    private static List<String> strings(RowSet<Row> rs) {
        List<String> out = new ArrayList<>();
        for (Row row : rs) {
            out.add(row.getString("vc") + "/" + row.getInteger("i"));
        }
        return out;
    }

    @Test
    void errorsCarryErrnoAndSqlStateAndLeaveTheConnectionUsable() throws Exception {
        MySQLConnection c = connect(server.port());
        try {
            await(c.preparedQuery("INSERT INTO vx.t (id) VALUES (?)").execute(Tuple.of(300)));
            MySQLException dup = assertThrows(MySQLException.class,
                    () -> await(c.preparedQuery("INSERT INTO vx.t (id) VALUES (?)").execute(Tuple.of(300))));
            assertEquals(1062, dup.getErrorCode(), dup.toString());
            assertEquals("23000", dup.getSqlState(), dup.toString());

            MySQLException missingPrepared = assertThrows(MySQLException.class,
                    () -> await(c.preparedQuery("SELECT * FROM vx.missing WHERE id = ?").execute(Tuple.of(1))));
            assertEquals(1146, missingPrepared.getErrorCode(), missingPrepared.toString());
            assertEquals("42S02", missingPrepared.getSqlState(), missingPrepared.toString());

            MySQLException missingText = assertThrows(MySQLException.class,
                    () -> await(c.query("SELECT * FROM vx.missing").execute()));
            assertEquals(1146, missingText.getErrorCode(), missingText.toString());
            assertEquals("42S02", missingText.getSqlState(), missingText.toString());

            MySQLException syntax = assertThrows(MySQLException.class, () -> await(c.query("SELEKT 1").execute()));
            assertEquals(1064, syntax.getErrorCode(), syntax.toString());
            assertEquals("42000", syntax.getSqlState(), syntax.toString());

            assertEquals(1L, single(await(c.preparedQuery("SELECT COUNT(*) FROM vx.t WHERE id = ?").execute(Tuple.of(300)))).getLong(0),
                    "the connection still works");
        } finally {
            await(c.close());
        }
    }

    @Test
    void cursorReadsTenThousandRowsInBatchesOf500() throws Exception {
        try (SniffingProxy proxy = new SniffingProxy(server.port())) {
            MySQLConnection c = connect(proxy.port());
            try {
                PreparedStatement ps = await(c.prepare("SELECT X FROM SYSTEM_RANGE(1, ?)"));
                proxy.resetCounts();
                Cursor cursor = ps.cursor(Tuple.of(10_000));
                long rows = 0;
                long sum = 0;
                int batches = 0;
                do {
                    RowSet<Row> batch = await(cursor.read(500));
                    batches++;
                    if (cursor.hasMore()) {
                        assertEquals(500, batch.size(), "a full batch while more rows remain");
                    }
                    for (Row row : batch) {
                        rows++;
                        sum += row.getLong(0);
                    }
                    assertTrue(batches <= 21, "the cursor ends");
                } while (cursor.hasMore());
                assertTrue(cursor.isClosed() || !cursor.hasMore());
                await(cursor.close());
                assertEquals(10_000, rows);
                assertEquals(10_000L * 10_001 / 2, sum);
                assertTrue(batches == 20 || batches == 21, "batches: " + batches);
                assertEquals(1, proxy.count(SniffingProxy.COM_STMT_EXECUTE), "one execute opens the cursor");
                int fetches = proxy.count(SniffingProxy.COM_STMT_FETCH);
                assertTrue(fetches >= 20 && fetches <= 21, "COM_STMT_FETCH of 500 rows each: " + fetches);

                // The same prepared statement, a second cursor with another parameter.
                Cursor small = ps.cursor(Tuple.of(3));
                RowSet<Row> all = await(small.read(500));
                assertEquals(3, all.size());
                assertFalse(small.hasMore());
                await(small.close());
                await(ps.close());
            } finally {
                await(c.close());
            }
        }
    }

    @Test
    void rowStreamReadsTenThousandRows() throws Exception {
        MySQLConnection c = connect(server.port());
        try {
            PreparedStatement ps = await(c.prepare("SELECT X, CONCAT('row ', X) FROM SYSTEM_RANGE(1, ?)"));
            CompletableFuture<long[]> done = new CompletableFuture<>();
            AtomicLong rows = new AtomicLong();
            AtomicLong sum = new AtomicLong();
            RowStream<Row> stream = ps.createStream(500, Tuple.of(10_000));
            stream.exceptionHandler(done::completeExceptionally);
            stream.endHandler(v -> done.complete(new long[] {rows.get(), sum.get()}));
            stream.handler(row -> {
                long x = row.getLong(0);
                if (!("row " + x).equals(row.getString(1))) {
                    done.completeExceptionally(new AssertionError("row " + x + ": " + row.getString(1)));
                }
                rows.incrementAndGet();
                sum.addAndGet(x);
            });
            long[] got = done.get(30, SECONDS);
            assertEquals(10_000, got[0]);
            assertEquals(10_000L * 10_001 / 2, got[1]);
            await(ps.close());
        } finally {
            await(c.close());
        }
    }
}
