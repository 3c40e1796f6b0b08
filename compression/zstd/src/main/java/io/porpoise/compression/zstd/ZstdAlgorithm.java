package io.porpoise.compression.zstd;

import io.porpoise.compression.CompressionAlgorithm;
import io.porpoise.compression.CompressionCodec;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.packet.HandshakeResponse41;
import org.osgi.service.component.annotations.Component;

/**
 * {@code zstd}, negotiated with CLIENT_ZSTD_COMPRESSION_ALGORITHM. The client chooses the level
 * with the extra byte at the end of HandshakeResponse41 ({@code zstd_compression_level}); MySQL
 * accepts 1 to 22 (its clients default to 3) and compresses the server's packets at that level
 * too. Each compressed packet is one zstd frame with its content size.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_response.html">HandshakeResponse41</a>
 */
@Component(service = CompressionAlgorithm.class, property = CompressionAlgorithm.NAME_PROPERTY + "=" + ZstdAlgorithm.NAME)
public final class ZstdAlgorithm implements CompressionAlgorithm {
    public static final String NAME = "zstd";
    /** The level MySQL clients send when none is configured. */
    public static final int DEFAULT_LEVEL = 3;
    private static final int MAX_LEVEL = 22;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CapabilityFlag capability() {
        return CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM;
    }

    /** The client's level byte, as sent: an out-of-range level is refused, not corrected. */
    @Override
    public int level(HandshakeResponse41 response) {
        return response.zstdCompressionLevel();
    }

    @Override
    public boolean isValidLevel(int level) {
        return level >= 1 && level <= MAX_LEVEL;
    }

    @Override
    public CompressionCodec newCodec(int level) {
        if (!isValidLevel(level)) {
            throw new IllegalArgumentException("zstd level: " + level + " (expected: 1..22)");
        }
        return new ZstdCodec(level);
    }
}
