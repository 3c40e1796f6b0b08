package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole Connector/J suite ({@link ConnectorJIT}: types, errors, transactions, 100,000 rows,
 * a 20 MiB value, metadata, KILL) again, every connection zlib-compressed ({@code useCompression=true}).
 */
class CompressedConnectorJIT extends ConnectorJIT {

    @BeforeAll
    static void start() {
        fx = ServerFixture.start().clientOptions("&useCompression=true");
    }

    @Test
    void theServerSeesEveryConnectionCompressedWithZlib() throws SQLException {
        try (Connection c = fx.mysql("")) {
            assertEquals(CompressionIT.status("ON", "zlib", "6"), CompressionIT.compressionStatus(c));
        }
    }
}
