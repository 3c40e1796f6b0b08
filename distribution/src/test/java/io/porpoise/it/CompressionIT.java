package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Protocol compression as clients negotiate it, proved from the server side with
 * {@code SHOW SESSION STATUS LIKE 'Compression%'}: Connector/J and MariaDB Connector/J with
 * {@code useCompression=true}, the {@code mariadb} CLI with {@code --compress}, and
 * {@code protocol_compression_algorithms} deciding what is offered and what is refused.
 */
class CompressionIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static Map<String, String> status(String on, String algorithm, String level) {
        return Map.of("Compression", on, "Compression_algorithm", algorithm, "Compression_level", level);
    }

    static Map<String, String> compressionStatus(Connection c) throws SQLException {
        Map<String, String> m = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Compression%'")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    @Test
    void connectorJCompressesWithZlib() throws SQLException {
        try (Connection c = fx.mysql("&useCompression=true")) {
            assertEquals(status("ON", "zlib", "6"), compressionStatus(c));
        }
        try (Connection plain = fx.mysql("")) {
            assertEquals(status("OFF", "", "0"), compressionStatus(plain));
        }
    }

    @Test
    void mariadbConnectorJCompressesWithZlib() throws SQLException {
        try (Connection c = fx.mariadb("&useCompression=true")) {
            assertEquals(status("ON", "zlib", "6"), compressionStatus(c));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT X, REPEAT('porpoise', 20) FROM SYSTEM_RANGE(1, 100000)")) {
                long sum = 0;
                int n = 0;
                while (rs.next()) {
                    sum += rs.getLong(1);
                    n++;
                }
                assertEquals(100_000, n);
                assertEquals(100_000L * 100_001 / 2, sum);
            }
        }
    }

    @Test
    void protocolCompressionAlgorithmsDecidesWhatIsOfferedAndRefused() throws SQLException {
        try (Connection admin = fx.mysql(""); Statement s = admin.createStatement()) {
            SQLException bad = assertThrows(SQLException.class, () -> s.execute("SET GLOBAL protocol_compression_algorithms = 'zlib,lz4'"));
            assertEquals(1231, bad.getErrorCode());
            assertEquals("42000", bad.getSQLState());
            assertThrows(SQLException.class, () -> s.execute("SET GLOBAL protocol_compression_algorithms = ''"));
            try {
                s.execute("SET GLOBAL protocol_compression_algorithms = 'zstd,uncompressed'");
                try (Connection c = fx.mysql("&useCompression=true")) {
                    assertEquals(status("OFF", "", "0"), compressionStatus(c), "zlib is not offered: the client falls back");
                }
                s.execute("SET GLOBAL protocol_compression_algorithms = 'ZLIB'");
                try (ResultSet rs = s.executeQuery("SELECT @@global.protocol_compression_algorithms")) {
                    assertTrue(rs.next());
                    assertEquals("ZLIB", rs.getString(1));
                }
                try (Connection c = fx.mysql("&useCompression=true")) {
                    assertEquals(status("ON", "zlib", "6"), compressionStatus(c));
                }
                SQLException refused = assertThrows(SQLException.class, () -> fx.mysql("").close());
                assertEquals(3922, refused.getErrorCode(), refused.getMessage());
                assertEquals("HY000", refused.getSQLState());
                assertTrue(refused.getMessage().contains("Invalid compression algorithm 'uncompressed'"), refused.getMessage());
            } finally {
                s.execute("SET GLOBAL protocol_compression_algorithms = DEFAULT");
            }
            try (ResultSet rs = s.executeQuery("SELECT @@global.protocol_compression_algorithms")) {
                assertTrue(rs.next());
                assertEquals("zlib,zstd,uncompressed", rs.getString(1));
            }
        }
    }

    /** libmariadb's compressed protocol: status, 100,000 rows, and 20 MiB each way. */
    @Test
    void mariadbCliWithCompress() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/bin/mariadb"));
        assumeTrue(present || System.getenv("CI") != null, "mariadb client not installed (apt-get install mariadb-client)");
        MariaDbCliIT.Result status = MariaDbCliIT.mariadb(fx.port(), "-uroot", "--compress", "-e", "SHOW SESSION STATUS LIKE 'Compression%'");
        assertEquals(0, status.exit(), status.err());
        assertEquals("Variable_name\tValue\nCompression\tON\nCompression_algorithm\tzlib\nCompression_level\t6\n", status.out());

        MariaDbCliIT.Result rows = MariaDbCliIT.mariadb(fx.port(), "-uroot", "--compress", "-e", "SELECT X FROM SYSTEM_RANGE(1, 100000)");
        assertEquals(0, rows.exit(), rows.err());
        String[] lines = rows.out().split("\n");
        assertEquals(100_001, lines.length);
        assertEquals("100000", lines[100_000]);

        // 20 MiB of random bytes in (a 40 MiB statement, so several compressed packets that do not
        // shrink and go as they are), then their digest and 20 MiB of text out.
        byte[] big = new byte[20 * 1024 * 1024];
        new Random(42).nextBytes(big);
        Path script = Files.createTempFile("porpoise-compress", ".sql");
        try {
            Files.writeString(script, "CREATE DATABASE cz; CREATE TABLE cz.t (id INT PRIMARY KEY, v LONGBLOB);\n"
                    + "INSERT INTO cz.t VALUES (1, X'" + HexFormat.of().formatHex(big) + "');\n"
                    + "SELECT LENGTH(v), RAWTOHEX(HASH('SHA-256', v)) FROM cz.t;\n"
                    + "SELECT REPEAT('0123456789abcdef', 1310720) AS v;\n", StandardCharsets.US_ASCII);
            MariaDbCliIT.Result r = MariaDbCliIT.mariadb(fx.port(), "-uroot", "--compress", "--max-allowed-packet=64M", "-e",
                    "source " + script);
            assertEquals(0, r.exit(), r.err());
            String[] out = r.out().split("\n");
            assertEquals(big.length + "\t" + HexFormat.of().formatHex(PreparedStatementIT.sha256(big)), out[1]);
            assertEquals("v", out[2]);
            assertEquals("0123456789abcdef".repeat(1_310_720), out[3]);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
