package io.porpoise.e2e;

import static io.porpoise.e2e.R2dbcMySqlIT.COLUMNS;
import static io.porpoise.e2e.R2dbcMySqlIT.allBytes;
import static io.porpoise.e2e.R2dbcMySqlIT.rows;
import static io.porpoise.e2e.R2dbcMySqlIT.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.asyncer.r2dbc.mysql.MySqlConnectionConfiguration;
import io.asyncer.r2dbc.mysql.MySqlConnectionFactory;
import io.asyncer.r2dbc.mysql.api.MySqlConnection;
import io.asyncer.r2dbc.mysql.api.MySqlStatement;
import io.asyncer.r2dbc.mysql.constant.CompressionAlgorithm;
import io.asyncer.r2dbc.mysql.constant.SslMode;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * r2dbc-mysql with zstd protocol compression (zstd-jni on its class path,
 * {@code compressionAlgorithms(ZSTD)}) against {@code bin/porpoise}: the types workload, a
 * 20 MiB value both ways and 100,000 rows, with the server's own status variables proving that
 * zstd was negotiated at the level the client asked for.
 */
class R2dbcZstdIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    static PorpoiseProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PorpoiseProcess.start();
        MySqlConnection c = connect(3);
        try {
            update(c, "CREATE DATABASE z");
            update(c, "CREATE TABLE z.t (id INT PRIMARY KEY, b TINYINT(1), i INT, bi BIGINT, bu BIGINT UNSIGNED,"
                    + " d DECIMAL(40,20), f FLOAT, db DOUBLE, vc VARCHAR(100), tx TEXT, vb VARBINARY(256), bl LONGBLOB,"
                    + " dt DATE, tm TIME, dtm DATETIME(6), ts TIMESTAMP)");
        } finally {
            R2dbcMySqlIT.close(c);
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static MySqlConnection connect(int level) {
        MySqlConnectionConfiguration config = MySqlConnectionConfiguration.builder()
                .host("127.0.0.1")
                .port(server.port())
                .user("root")
                .sslMode(SslMode.DISABLED)
                .useServerPrepareStatement()
                .compressionAlgorithms(CompressionAlgorithm.ZSTD)
                .zstdCompressionLevel(level)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return Mono.from(MySqlConnectionFactory.from(config).create()).block(TIMEOUT);
    }

    static Map<String, String> compressionStatus(MySqlConnection c) {
        Map<String, String> m = new TreeMap<>();
        for (String[] kv : rows(c.createStatement("SHOW SESSION STATUS LIKE 'Compression%'"),
                row -> new String[] {row.get(0, String.class), row.get(1, String.class)})) {
            m.put(kv[0], kv[1]);
        }
        return m;
    }

    @Test
    void theServerNegotiatedZstdAtTheClientsLevel() {
        for (int level : new int[] {3, 1, 19}) {
            MySqlConnection c = connect(level);
            try {
                assertEquals(Map.of("Compression", "ON", "Compression_algorithm", "zstd", "Compression_level", Integer.toString(level)),
                        compressionStatus(c));
            } finally {
                R2dbcMySqlIT.close(c);
            }
        }
    }

    @Test
    void typesRoundTripCompressed() {
        MySqlConnection c = connect(3);
        try {
            MySqlStatement ins = c.createStatement("INSERT INTO z.t (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, 1).bind(1, true).bind(2, Integer.MIN_VALUE).bind(3, Long.MAX_VALUE).bind(4, R2dbcMySqlIT.U64_MAX)
                    .bind(5, R2dbcMySqlIT.DECIMAL).bind(6, 1.25f).bind(7, -1.7976931348623157E308)
                    .bind(8, R2dbcMySqlIT.EMOJI_TEXT).bind(9, R2dbcMySqlIT.LONG_TEXT)
                    .bind(10, ByteBuffer.wrap(allBytes())).bind(11, ByteBuffer.wrap(allBytes()))
                    .bind(12, LocalDate.of(1999, 12, 31)).bind(13, LocalTime.of(13, 14, 15)).bind(14, R2dbcMySqlIT.MICROS)
                    .bind(15, java.time.LocalDateTime.of(2024, 5, 6, 7, 8, 9));
            assertEquals(1, update(ins));
            assertEquals(List.of(1), rows(c.createStatement("SELECT " + COLUMNS + " FROM z.t WHERE id = ?").bind(0, 1),
                    R2dbcMySqlIT::assertTypedRow), "binary result");
            assertEquals(List.of(1), rows(c.createStatement("SELECT " + COLUMNS + " FROM z.t WHERE id = 1"),
                    R2dbcMySqlIT::assertTypedRow), "text result");
        } finally {
            R2dbcMySqlIT.close(c);
        }
    }

    @Test
    void twentyMebibyteValueBothWays() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024];
        new Random(6).nextBytes(big);
        for (int k = 0; k < big.length; k += 2) {
            big[k] = 'x'; // half compressible, half not
        }
        MySqlConnection c = connect(3);
        try {
            assertEquals(1, update(c.createStatement("INSERT INTO z.t (id, bl) VALUES (?, ?)").bind(0, 20).bind(1, ByteBuffer.wrap(big))));
            List<byte[]> got = rows(c.createStatement("SELECT bl FROM z.t WHERE id = ?").bind(0, 20), row -> row.get(0, byte[].class));
            assertEquals(1, got.size());
            assertArrayEquals(big, got.get(0), "binary protocol");
            List<byte[]> digest = rows(c.createStatement("SELECT HASH('SHA-256', bl) FROM z.t WHERE id = 20"), row -> row.get(0, byte[].class));
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(big), digest.get(0));
            List<byte[]> text = rows(c.createStatement("SELECT bl FROM z.t WHERE id = 20"), row -> row.get(0, byte[].class));
            assertArrayEquals(big, text.get(0), "text protocol");
            assertEquals("zstd", compressionStatus(c).get("Compression_algorithm"));
        } finally {
            R2dbcMySqlIT.close(c);
        }
    }

    @Test
    void oneHundredThousandRowsTextAndThroughACursor() {
        MySqlConnection c = connect(3);
        try {
            for (MySqlStatement sel : List.of(c.createStatement("SELECT X, 'porpoise' FROM SYSTEM_RANGE(1, 100000)"),
                    c.createStatement("SELECT X, 'porpoise' FROM SYSTEM_RANGE(1, ?)").bind(0, 100_000).fetchSize(1000))) {
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
            }
            assertEquals("ON", compressionStatus(c).get("Compression"));
        } finally {
            R2dbcMySqlIT.close(c);
        }
    }
}
