package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The prepared-statement suite ({@link PreparedStatementIT}: binary protocol, long data, cursors)
 * again with Connector/J and MariaDB Connector/J compressing ({@code useCompression=true}).
 */
class CompressedPreparedStatementIT extends PreparedStatementIT {

    @BeforeAll
    static void start() throws SQLException {
        startWith(ServerFixture.start().clientOptions("&useCompression=true"));
    }

    @Test
    void theServerSeesBothDriversCompressedWithZlib() throws SQLException {
        try (Connection c = connect("mysql")) {
            assertEquals(CompressionIT.status("ON", "zlib", "6"), CompressionIT.compressionStatus(c));
        }
        try (Connection c = connect("mariadb")) {
            assertEquals(CompressionIT.status("ON", "zlib", "6"), CompressionIT.compressionStatus(c));
        }
    }
}
