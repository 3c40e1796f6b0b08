package io.porpoise.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncer.r2dbc.mysql.MySqlConnectionConfiguration;
import io.asyncer.r2dbc.mysql.MySqlConnectionFactory;
import io.asyncer.r2dbc.mysql.api.MySqlConnection;
import io.asyncer.r2dbc.mysql.api.MySqlStatement;
import io.asyncer.r2dbc.mysql.constant.SslMode;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * r2dbc-mysql (asyncer) against {@code bin/porpoise}. With {@code useServerPrepareStatement()}
 * every statement that has bindings goes through COM_STMT_PREPARE/EXECUTE (binary protocol) and
 * statements without bindings through COM_QUERY (text protocol); a fetch size on a prepared
 * statement opens a read-only cursor read with COM_STMT_FETCH. A sniffing proxy proves each path.
 */
class R2dbcMySqlIT {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String COLUMNS = "id, b, i, bi, bu, d, f, db, vc, tx, vb, bl, dt, tm, dtm, ts";
    static final String EMOJI_TEXT = "h\u00e9llo \uD83D\uDC2C \u6d77\u8c5a";
    static final String LONG_TEXT = "line1\nline2 '\\\" \u00e9\uD83D\uDC2C ".repeat(200);
    static final BigInteger U64_MAX = new BigInteger("18446744073709551615");
    static final BigDecimal DECIMAL = new BigDecimal("12345678901234567890.12345678901234567890");
    static final LocalDateTime MICROS = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000);

    static PorpoiseProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PorpoiseProcess.start();
        MySqlConnection c = connect(server.port());
        try {
            update(c, "CREATE DATABASE r2");
            update(c, "CREATE TABLE r2.t (id INT PRIMARY KEY, b TINYINT(1), i INT, bi BIGINT, bu BIGINT UNSIGNED,"
                    + " d DECIMAL(40,20), f FLOAT, db DOUBLE, vc VARCHAR(100), tx TEXT, vb VARBINARY(256), bl BLOB,"
                    + " dt DATE, tm TIME, dtm DATETIME(6), ts TIMESTAMP)");
        } finally {
            close(c);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static MySqlConnection connect(int port) {
        MySqlConnectionConfiguration config = MySqlConnectionConfiguration.builder()
                .host("127.0.0.1")
                .port(port)
                .user("root")
                .sslMode(SslMode.DISABLED)
                .useServerPrepareStatement()
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return Mono.from(MySqlConnectionFactory.from(config).create()).block(TIMEOUT);
    }

    static void close(MySqlConnection c) {
        Mono.from(c.close()).block(TIMEOUT);
    }

    static long update(MySqlConnection c, String sql) {
        return Flux.from(c.createStatement(sql).execute()).flatMap(r -> r.getRowsUpdated()).reduce(0L, Long::sum).block(TIMEOUT);
    }

    static long update(MySqlStatement s) {
        return Flux.from(s.execute()).flatMap(r -> r.getRowsUpdated()).reduce(0L, Long::sum).block(TIMEOUT);
    }

    /** Runs the statement and maps every row while it is still readable (r2dbc rows die with the result). */
    static <T> List<T> rows(MySqlStatement s, Function<Row, T> mapper) {
        return Flux.from(s.execute()).concatMap(r -> r.map((row, meta) -> mapper.apply(row))).collectList().block(TIMEOUT);
    }

    static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void tlsVerifiedAgainstTheGeneratedCa() {
        MySqlConnectionConfiguration config = MySqlConnectionConfiguration.builder()
                .host("127.0.0.1")
                .port(server.port())
                .user("root")
                .sslMode(SslMode.VERIFY_CA)
                .sslCa(server.dataDir().resolve("ca.pem").toString())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        MySqlConnection c = Mono.from(MySqlConnectionFactory.from(config).create()).block(TIMEOUT);
        try {
            List<String> cipher = rows(c.createStatement("SHOW SESSION STATUS LIKE 'Ssl_cipher'"), row -> row.get(1, String.class));
            assertEquals(1, cipher.size());
            assertTrue(!cipher.get(0).isEmpty(), "the connection is encrypted");
        } finally {
            close(c);
        }
    }

    @Test
    void simpleQueryUsesTheTextProtocol() throws Exception {
        try (SniffingProxy proxy = new SniffingProxy(server.port())) {
            MySqlConnection c = connect(proxy.port());
            try {
                proxy.resetCounts();
                List<Object[]> got = rows(c.createStatement("SELECT 1 + 1 AS two, 'porpoise' AS name, NULL AS nothing"),
                        row -> new Object[] {row.get("two", Long.class), row.get("name", String.class), row.get("nothing")});
                assertEquals(1, got.size());
                assertEquals(2L, got.get(0)[0]);
                assertEquals("porpoise", got.get(0)[1]);
                assertNull(got.get(0)[2]);
                assertEquals(1, proxy.count(SniffingProxy.COM_QUERY), "a statement without bindings is a COM_QUERY");
                assertEquals(0, proxy.count(SniffingProxy.COM_STMT_PREPARE));
            } finally {
                close(c);
            }
        }
    }

    @Test
    void everyTypeRoundTripsAsBinaryParameterAndAsBinaryAndTextResult() throws Exception {
        try (SniffingProxy proxy = new SniffingProxy(server.port())) {
            MySqlConnection c = connect(proxy.port());
            try {
                proxy.resetCounts();
                MySqlStatement ins = c.createStatement("INSERT INTO r2.t (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, 1)
                        .bind(1, true)
                        .bind(2, Integer.MIN_VALUE)
                        .bind(3, Long.MAX_VALUE)
                        .bind(4, U64_MAX)
                        .bind(5, DECIMAL)
                        .bind(6, 1.25f)
                        .bind(7, -1.7976931348623157E308)
                        .bind(8, EMOJI_TEXT)
                        .bind(9, LONG_TEXT)
                        .bind(10, ByteBuffer.wrap(allBytes()))
                        .bind(11, ByteBuffer.wrap(allBytes()))
                        .bind(12, LocalDate.of(1999, 12, 31))
                        .bind(13, LocalTime.of(13, 14, 15))
                        .bind(14, MICROS)
                        .bind(15, LocalDateTime.of(2024, 5, 6, 7, 8, 9));
                assertEquals(1, update(ins));
                assertEquals(1, proxy.count(SniffingProxy.COM_STMT_PREPARE), "bindings go through the binary protocol");
                assertEquals(1, proxy.count(SniffingProxy.COM_STMT_EXECUTE));
                assertEquals(0, proxy.count(SniffingProxy.COM_QUERY));

                List<Integer> binary = rows(c.createStatement("SELECT " + COLUMNS + " FROM r2.t WHERE id = ?").bind(0, 1),
                        row -> assertTypedRow(row));
                assertEquals(List.of(1), binary, "binary result");
                assertEquals(2, proxy.count(SniffingProxy.COM_STMT_EXECUTE));

                List<Integer> text = rows(c.createStatement("SELECT " + COLUMNS + " FROM r2.t WHERE id = 1"),
                        row -> assertTypedRow(row));
                assertEquals(List.of(1), text, "text result");
                assertEquals(1, proxy.count(SniffingProxy.COM_QUERY));
            } finally {
                close(c);
            }
        }
    }

    /** Exact values with the Java types the driver picks from the column metadata, and with requested types. */
    static int assertTypedRow(Row row) {
        assertEquals(Boolean.TRUE, row.get("b"), "TINYINT(1) is a Boolean");
        assertEquals(Integer.MIN_VALUE, row.get("i", Integer.class));
        assertEquals(Long.MAX_VALUE, row.get("bi", Long.class));
        assertEquals(U64_MAX, row.get("bu"), "BIGINT UNSIGNED is a BigInteger (unsigned flag)");
        assertEquals(U64_MAX, row.get("bu", BigInteger.class));
        assertEquals(DECIMAL, row.get("d"), "DECIMAL(40,20) with its scale");
        assertEquals(1.25f, row.get("f", Float.class));
        assertEquals(-1.7976931348623157E308, row.get("db", Double.class));
        assertEquals(EMOJI_TEXT, row.get("vc", String.class));
        assertEquals(LONG_TEXT, row.get("tx", String.class));
        assertEquals(LONG_TEXT, row.get("tx"), "TEXT is a String (text charset)");
        assertEquals(ByteBuffer.wrap(allBytes()), row.get("vb", ByteBuffer.class));
        assertEquals(ByteBuffer.wrap(allBytes()), row.get("bl", ByteBuffer.class));
        assertArrayEquals(allBytes(), row.get("bl", byte[].class));
        assertEquals(LocalDate.of(1999, 12, 31), row.get("dt"));
        assertEquals(LocalTime.of(13, 14, 15), row.get("tm", LocalTime.class));
        assertEquals(Duration.ofHours(13).plusMinutes(14).plusSeconds(15), row.get("tm", Duration.class));
        assertEquals(MICROS, row.get("dtm"), "DATETIME(6) keeps microseconds");
        assertEquals(LocalDateTime.of(2024, 5, 6, 7, 8, 9), row.get("ts", LocalDateTime.class));
        return row.get("id", Integer.class);
    }

    /** Extremes and empty values: zero-length binary DATE/TIME/DATETIME values, empty strings and blobs. */
    @Test
    void boundaryValuesRoundTrip() {
        Object[][] rows = {
            {10, false, Integer.MAX_VALUE, Long.MIN_VALUE, BigInteger.ZERO, new BigDecimal("-0.00000000000000000001"), 0.1f,
                Double.MIN_VALUE, "", "", new byte[0], new byte[0], LocalDate.of(1, 1, 1),
                LocalTime.MIDNIGHT, LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2000, 1, 1, 0, 0)},
            {11, true, 0, 0L, new BigInteger("9223372036854775808"), new BigDecimal("99999999999999999999.99999999999999999999"),
                -3.4028235E38f, Double.MAX_VALUE, "x".repeat(100), "\u0000\u0001'\"\\", new byte[] {0},
                new byte[65535], LocalDate.of(9999, 12, 31), LocalTime.of(23, 59, 59),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(2038, 1, 19, 3, 14, 7)},
        };
        MySqlConnection c = connect(server.port());
        try {
            for (Object[] row : rows) {
                MySqlStatement ins = c.createStatement("INSERT INTO r2.t (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                for (int k = 0; k < row.length; k++) {
                    ins.bind(k, row[k] instanceof byte[] b ? ByteBuffer.wrap(b) : row[k]);
                }
                assertEquals(1, update(ins));
            }
            Class<?>[] types = {Integer.class, Boolean.class, Integer.class, Long.class, BigInteger.class, BigDecimal.class,
                Float.class, Double.class, String.class, String.class, ByteBuffer.class, ByteBuffer.class, LocalDate.class,
                LocalTime.class, LocalDateTime.class, LocalDateTime.class};
            String[] cols = COLUMNS.split(", ");
            for (String sql : List.of("SELECT " + COLUMNS + " FROM r2.t WHERE id BETWEEN ? AND 11 ORDER BY id",
                    "SELECT " + COLUMNS + " FROM r2.t WHERE id BETWEEN 10 AND 11 ORDER BY id")) {
                MySqlStatement sel = c.createStatement(sql);
                if (sql.contains("?")) {
                    sel.bind(0, 10);
                }
                List<Object[]> got = rows(sel, r -> {
                    Object[] values = new Object[cols.length];
                    for (int k = 0; k < cols.length; k++) {
                        values[k] = r.get(cols[k], types[k]);
                    }
                    return values;
                });
                assertEquals(2, got.size(), sql);
                for (int n = 0; n < 2; n++) {
                    for (int k = 0; k < cols.length; k++) {
                        String what = sql + ": id " + rows[n][0] + " column " + cols[k];
                        if (rows[n][k] instanceof byte[] b) {
                            assertArrayEquals(b, bytes((ByteBuffer) got.get(n)[k]), what);
                        } else {
                            assertEquals(rows[n][k], got.get(n)[k], what);
                        }
                    }
                }
            }
        } finally {
            close(c);
        }
    }

    /** r2dbc-mysql tracks the transaction from SERVER_STATUS_IN_TRANS: commit and rollback depend on it. */
    @Test
    void transactionsCommitAndRollBack() {
        MySqlConnection c = connect(server.port());
        try {
            Mono.from(c.beginTransaction()).block(TIMEOUT);
            assertEquals(1, update(c.createStatement("INSERT INTO r2.t (id, vc) VALUES (?, ?)").bind(0, 400).bind(1, "rolled back")));
            Mono.from(c.rollbackTransaction()).block(TIMEOUT);
            Mono.from(c.beginTransaction()).block(TIMEOUT);
            assertEquals(1, update(c.createStatement("INSERT INTO r2.t (id, vc) VALUES (?, ?)").bind(0, 401).bind(1, "committed")));
            Mono.from(c.commitTransaction()).block(TIMEOUT);
        } finally {
            close(c);
        }
        MySqlConnection other = connect(server.port());
        try {
            assertEquals(List.of("committed"),
                    rows(other.createStatement("SELECT vc FROM r2.t WHERE id IN (400, 401)"), row -> row.get("vc", String.class)));
        } finally {
            close(other);
        }
    }

    /**
     * {@code createBatch()}: Porpoise offers CLIENT_MULTI_STATEMENTS, so r2dbc-mysql sends the batch
     * as one COM_QUERY and reads one result per statement (SERVER_MORE_RESULTS_EXISTS).
     */
    @Test
    void batchIsOneMultiStatementQuery() throws Exception {
        try (SniffingProxy proxy = new SniffingProxy(server.port())) {
            MySqlConnection c = connect(proxy.port());
            try {
                proxy.resetCounts();
                List<Long> counts = Flux.from(c.createBatch()
                                .add("INSERT INTO r2.t (id, vc) VALUES (500, 'a')")
                                .add("INSERT INTO r2.t (id, vc) VALUES (501, 'b'), (502, 'c')")
                                .add("UPDATE r2.t SET i = 5 WHERE id BETWEEN 500 AND 502")
                                .execute())
                        .concatMap(r -> r.getRowsUpdated())
                        .collectList().block(TIMEOUT);
                assertEquals(List.of(1L, 2L, 3L), counts);
                assertEquals(1, proxy.count(SniffingProxy.COM_QUERY));
            } finally {
                close(c);
            }
        }
    }

    @Test
    void nullsRoundTripAsParametersAndResults() {
        MySqlConnection c = connect(server.port());
        try {
            MySqlStatement ins = c.createStatement("INSERT INTO r2.t (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, 2)
                    .bindNull(1, Boolean.class)
                    .bindNull(2, Integer.class)
                    .bindNull(3, Long.class)
                    .bindNull(4, BigInteger.class)
                    .bindNull(5, BigDecimal.class)
                    .bindNull(6, Float.class)
                    .bindNull(7, Double.class)
                    .bindNull(8, String.class)
                    .bindNull(9, String.class)
                    .bindNull(10, ByteBuffer.class)
                    .bindNull(11, ByteBuffer.class)
                    .bindNull(12, LocalDate.class)
                    .bindNull(13, LocalTime.class)
                    .bindNull(14, LocalDateTime.class)
                    .bindNull(15, LocalDateTime.class);
            assertEquals(1, update(ins));
            for (String sql : List.of("SELECT * FROM r2.t WHERE id = ?", "SELECT * FROM r2.t WHERE id = 2")) {
                MySqlStatement sel = c.createStatement(sql);
                if (sql.endsWith("?")) {
                    sel.bind(0, 2);
                }
                List<Integer> nulls = rows(sel, row -> {
                    int n = 0;
                    for (String col : COLUMNS.split(", ")) {
                        if (!col.equals("id")) {
                            assertNull(row.get(col), sql + ": " + col);
                            n++;
                        }
                    }
                    return n;
                });
                assertEquals(List.of(15), nulls, sql);
            }
        } finally {
            close(c);
        }
    }

    @Test
    void statementReuseWithChangedParameters() throws Exception {
        try (SniffingProxy proxy = new SniffingProxy(server.port())) {
            MySqlConnection c = connect(proxy.port());
            try {
                MySqlStatement ins = c.createStatement("INSERT INTO r2.t (id, vc, i) VALUES (?, ?, ?)");
                for (int k = 0; k < 5; k++) {
                    if (k > 0) {
                        ins.add();
                    }
                    ins.bind(0, 100 + k).bind(2, k);
                    if (k % 2 == 0) {
                        ins.bindNull(1, String.class);
                    } else {
                        ins.bind(1, "v" + k);
                    }
                }
                proxy.resetCounts();
                assertEquals(5, update(ins), "five bindings, one row each");
                assertEquals(5, proxy.count(SniffingProxy.COM_STMT_EXECUTE), "one execute per binding");

                // One statement, three bindings: r2dbc-mysql prepares once and executes per binding
                // (a statement object cannot be executed twice in r2dbc-mysql: "Statement was already executed").
                String sql = "SELECT vc, i FROM r2.t WHERE id BETWEEN ? AND ? ORDER BY id";
                MySqlStatement sel = c.createStatement(sql)
                        .bind(0, 100).bind(1, 104).add()
                        .bind(0, 103).bind(1, 199).add()
                        .bind(0, 900).bind(1, 999);
                proxy.resetCounts();
                List<List<String>> got = Flux.from(sel.execute())
                        .concatMap(r -> r.map((row, meta) -> row.get("vc", String.class) + "/" + row.get("i", Integer.class)).collectList())
                        .collectList().block(TIMEOUT);
                assertEquals(List.of(List.of("null/0", "v1/1", "null/2", "v3/3", "null/4"), List.of("v3/3", "null/4"), List.of()), got);
                assertEquals(1, proxy.count(SniffingProxy.COM_STMT_PREPARE), "prepared once");
                assertEquals(3, proxy.count(SniffingProxy.COM_STMT_EXECUTE), "executed per binding");

                // A new statement with the same SQL: the driver's prepare cache reuses the server statement id.
                List<String> again = rows(c.createStatement(sql).bind(0, 101).bind(1, 101),
                        row -> row.get("vc", String.class) + "/" + row.get("i", Integer.class));
                assertEquals(List.of("v1/1"), again);
                assertEquals(4, proxy.count(SniffingProxy.COM_STMT_EXECUTE));
                assertEquals(1, proxy.count(SniffingProxy.COM_STMT_PREPARE), "the cached server statement is reused");
                assertTrue(proxy.count(SniffingProxy.COM_STMT_RESET) >= 1, "r2dbc-mysql resets a cached statement before reuse");
            } finally {
                close(c);
            }
        }
    }

    @Test
    void errorsCarryErrnoAndSqlStateAndLeaveTheConnectionUsable() {
        MySqlConnection c = connect(server.port());
        try {
            assertEquals(1, update(c.createStatement("INSERT INTO r2.t (id) VALUES (?)").bind(0, 300)));
            R2dbcException dup = assertThrows(R2dbcException.class,
                    () -> update(c.createStatement("INSERT INTO r2.t (id) VALUES (?)").bind(0, 300)));
            assertEquals(1062, dup.getErrorCode(), dup.toString());
            assertEquals("23000", dup.getSqlState(), dup.toString());
            assertInstanceOf(R2dbcDataIntegrityViolationException.class, dup);

            R2dbcException missingPrepared = assertThrows(R2dbcException.class,
                    () -> rows(c.createStatement("SELECT * FROM r2.missing WHERE id = ?").bind(0, 1), row -> 1));
            assertEquals(1146, missingPrepared.getErrorCode(), missingPrepared.toString());
            assertEquals("42S02", missingPrepared.getSqlState(), missingPrepared.toString());
            assertInstanceOf(R2dbcBadGrammarException.class, missingPrepared);

            R2dbcException missingText = assertThrows(R2dbcException.class,
                    () -> rows(c.createStatement("SELECT * FROM r2.missing"), row -> 1));
            assertEquals(1146, missingText.getErrorCode(), missingText.toString());
            assertEquals("42S02", missingText.getSqlState(), missingText.toString());

            List<Long> count = rows(c.createStatement("SELECT COUNT(*) AS n FROM r2.t WHERE id = ?").bind(0, 300),
                    row -> row.get("n", Long.class));
            assertEquals(List.of(1L), count, "the connection still works");
        } finally {
            close(c);
        }
    }

    @Test
    void fetchSizeReadsOneHundredThousandRowsThroughACursor() throws Exception {
        try (SniffingProxy proxy = new SniffingProxy(server.port())) {
            MySqlConnection c = connect(proxy.port());
            try {
                proxy.resetCounts();
                MySqlStatement sel = c.createStatement("SELECT X FROM SYSTEM_RANGE(1, ?)").bind(0, 100_000);
                sel.fetchSize(1000);
                long[] countAndSum = Flux.from(sel.execute())
                        .concatMap(r -> r.map((row, meta) -> row.get(0, Long.class)))
                        .reduce(new long[2], (acc, x) -> {
                            acc[0]++;
                            acc[1] += x;
                            return acc;
                        })
                        .block(TIMEOUT);
                assertNotNull(countAndSum);
                assertEquals(100_000, countAndSum[0]);
                assertEquals(100_000L * 100_001 / 2, countAndSum[1]);
                int fetches = proxy.count(SniffingProxy.COM_STMT_FETCH);
                assertTrue(fetches >= 100 && fetches <= 101, "COM_STMT_FETCH of 1000 rows each: " + fetches);

                // The connection is usable afterwards, and a second cursor on it works too.
                MySqlStatement again = c.createStatement("SELECT X FROM SYSTEM_RANGE(1, ?)").bind(0, 3);
                again.fetchSize(2);
                assertEquals(List.of(1L, 2L, 3L), rows(again, row -> row.get(0, Long.class)));
                assertTrue(server.isAlive());
            } finally {
                close(c);
            }
        }
    }
}
