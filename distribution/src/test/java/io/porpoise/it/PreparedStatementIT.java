package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Server-side prepared statements (COM_STMT_*) and the binary protocol, through Connector/J
 * with {@code useServerPrepStmts=true} and MariaDB Connector/J with {@code useServerPrepStmts=true}.
 */
class PreparedStatementIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() throws SQLException {
        startWith(ServerFixture.start());
    }

    static void startWith(ServerFixture fixture) throws SQLException {
        fx = fixture;
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE ps");
            s.execute("CREATE TABLE ps.t (id INT PRIMARY KEY, b TINYINT(1), i INT, bi BIGINT, bu BIGINT UNSIGNED,"
                    + " d DECIMAL(40,20), f FLOAT, db DOUBLE, vc VARCHAR(100), tx TEXT, bl LONGBLOB, dt DATE, tm TIME,"
                    + " dtm DATETIME(6), ts TIMESTAMP)");
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static Connection connect(String driver) throws SQLException {
        return driver.equals("mysql") ? fx.mysql("&useServerPrepStmts=true&cachePrepStmts=false")
                : fx.mariadb("&useServerPrepStmts=true");
    }

    static byte[] allBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb"})
    void everyTypeRoundTripsAsParameterAndResult(String driver) throws SQLException {
        int id = driver.equals("mysql") ? 1 : 2;
        try (Connection c = connect(driver)) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO ps.t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ins.setInt(1, id);
                ins.setBoolean(2, true);
                ins.setInt(3, Integer.MIN_VALUE);
                ins.setLong(4, Long.MAX_VALUE);
                ins.setBigDecimal(5, new BigDecimal("18446744073709551615"));
                ins.setBigDecimal(6, new BigDecimal("12345678901234567890.12345678901234567890"));
                ins.setFloat(7, 1.25f);
                ins.setDouble(8, -1.7976931348623157E308);
                ins.setString(9, "h\u00e9llo \uD83D\uDC2C");
                ins.setString(10, "line1\nline2 '\\\"");
                ins.setBytes(11, allBytes());
                ins.setObject(12, LocalDate.of(1999, 12, 31));
                ins.setObject(13, LocalTime.of(13, 14, 15));
                ins.setObject(14, LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999999000));
                ins.setObject(15, LocalDateTime.of(2024, 5, 6, 7, 8, 9));
                assertEquals(1, ins.executeUpdate());
            }
            try (PreparedStatement sel = c.prepareStatement("SELECT * FROM ps.t WHERE id = ?")) {
                sel.setInt(1, id);
                try (ResultSet rs = sel.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean("b"));
                    assertEquals(Integer.MIN_VALUE, rs.getInt("i"));
                    assertEquals(Long.MAX_VALUE, rs.getLong("bi"));
                    assertEquals(new BigInteger("18446744073709551615"), rs.getObject("bu", BigInteger.class));
                    assertEquals(new BigDecimal("12345678901234567890.12345678901234567890"), rs.getBigDecimal("d"));
                    assertEquals(1.25f, rs.getFloat("f"));
                    assertEquals(-1.7976931348623157E308, rs.getDouble("db"));
                    assertEquals("h\u00e9llo \uD83D\uDC2C", rs.getString("vc"));
                    assertEquals("line1\nline2 '\\\"", rs.getString("tx"));
                    assertArrayEquals(allBytes(), rs.getBytes("bl"));
                    assertEquals(LocalDate.of(1999, 12, 31), rs.getObject("dt", LocalDate.class));
                    assertEquals(LocalTime.of(13, 14, 15), rs.getObject("tm", LocalTime.class));
                    assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999999000), rs.getObject("dtm", LocalDateTime.class));
                    assertEquals(LocalDateTime.of(2024, 5, 6, 7, 8, 9), rs.getObject("ts", LocalDateTime.class));
                    assertFalse(rs.next());
                }
                sel.setInt(1, 999);
                try (ResultSet rs = sel.executeQuery()) {
                    assertFalse(rs.next(), "reused with a changed parameter");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb"})
    void nullParametersAndBatches(String driver) throws SQLException {
        int base = driver.equals("mysql") ? 100 : 200;
        try (Connection c = connect(driver)) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO ps.t (id, vc, i) VALUES (?, ?, ?)")) {
                for (int k = 0; k < 5; k++) {
                    ins.setInt(1, base + k);
                    if (k % 2 == 0) {
                        ins.setNull(2, Types.VARCHAR);
                    } else {
                        ins.setString(2, "v" + k);
                    }
                    ins.setInt(3, k);
                    ins.addBatch();
                }
                int[] counts = ins.executeBatch();
                assertEquals(5, counts.length);
            }
            try (PreparedStatement sel = c.prepareStatement("SELECT vc, i FROM ps.t WHERE id BETWEEN ? AND ? ORDER BY id")) {
                sel.setInt(1, base);
                sel.setInt(2, base + 4);
                try (ResultSet rs = sel.executeQuery()) {
                    for (int k = 0; k < 5; k++) {
                        assertTrue(rs.next());
                        if (k % 2 == 0) {
                            assertNull(rs.getString(1));
                        } else {
                            assertEquals("v" + k, rs.getString(1));
                        }
                        assertEquals(k, rs.getInt(2));
                    }
                    assertFalse(rs.next());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb"})
    void errorsLeaveTheConnectionUsable(String driver) throws SQLException {
        try (Connection c = connect(driver)) {
            SQLException missing = assertThrows(SQLException.class, () -> {
                try (PreparedStatement p = c.prepareStatement("SELECT * FROM ps.missing WHERE id = ?")) {
                    p.setInt(1, 1);
                    p.executeQuery();
                }
            });
            assertEquals(1146, missing.getErrorCode());
            assertEquals("42S02", missing.getSQLState());
            SQLException dup = assertThrows(SQLException.class, () -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO ps.t (id) VALUES (?)")) {
                    p.setInt(1, 1);
                    p.executeUpdate();
                    p.executeUpdate();
                }
            });
            assertEquals(1062, dup.getErrorCode());
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM ps.t WHERE id > ?")) {
                p.setInt(1, 0);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getLong(1) >= 1);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb"})
    void serverLevelStatementsPrepare(String driver) throws SQLException {
        try (Connection c = connect(driver)) {
            try (PreparedStatement p = c.prepareStatement("SELECT @@version_comment, ? AS echo")) {
                p.setString(1, "hi");
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("Porpoise", rs.getString(1));
                    assertEquals("hi", rs.getString("echo"));
                }
            }
            try (PreparedStatement p = c.prepareStatement("SET @marker = ?")) {
                p.setInt(1, 42);
                p.execute();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT @marker"); ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
            try (PreparedStatement p = c.prepareStatement("SHOW TABLES FROM ps"); ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("t", rs.getString(1));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void longDataLargerThanOnePacket() throws SQLException {
        byte[] big = new byte[17 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(big);
        try (Connection c = fx.mysql("&useServerPrepStmts=true&blobSendChunkSize=1048576")) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO ps.t (id, bl) VALUES (?, ?)")) {
                p.setInt(1, 500);
                p.setBinaryStream(2, new ByteArrayInputStream(big), big.length);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT bl FROM ps.t WHERE id = ?")) {
                p.setInt(1, 500);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertArrayEquals(big, rs.getBytes(1));
                }
            }
        }
    }

    /** Long data may add up to more than max_allowed_packet: each chunk is its own packet. */
    @org.junit.jupiter.api.Test
    void longDataBeyondMaxAllowedPacket() throws SQLException {
        byte[] big = new byte[6 * 1024 * 1024];
        ThreadLocalRandom.current().nextBytes(big);
        try (ServerFixture small = ServerFixture.start(b -> b.maxAllowedPacket(2 * 1024 * 1024));
                Connection c = small.mysql("&useServerPrepStmts=true&blobSendChunkSize=524288");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE lob");
            s.execute("CREATE TABLE lob.t (id INT PRIMARY KEY, bl LONGBLOB)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO lob.t VALUES (?, ?)")) {
                p.setInt(1, 1);
                p.setBinaryStream(2, new ByteArrayInputStream(big), big.length);
                assertEquals(1, p.executeUpdate());
            }
            // The value itself is larger than max_allowed_packet, so clients cannot read it back whole;
            // its length and digest (H2's HASH) prove every chunk arrived in order.
            try (PreparedStatement p = c.prepareStatement("SELECT LENGTH(bl), HASH('SHA-256', bl) FROM lob.t WHERE id = ?")) {
                p.setInt(1, 1);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(big.length, rs.getLong(1));
                    assertArrayEquals(sha256(big), rs.getBytes(2));
                }
            }
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void cursorFetchReadsInBatches() throws SQLException {
        try (Connection c = fx.mysql("&useServerPrepStmts=true&useCursorFetch=true&defaultFetchSize=1000");
                PreparedStatement p = c.prepareStatement("SELECT X FROM SYSTEM_RANGE(1, ?)")) {
            p.setInt(1, 100_000);
            long sum = 0;
            int n = 0;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    sum += rs.getLong(1);
                    n++;
                }
            }
            assertEquals(100_000, n);
            assertEquals(100_000L * 100_001 / 2, sum);
            p.setInt(1, 3);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.next());
                assertTrue(rs.next());
                assertFalse(rs.next());
            }
        }
    }
}
