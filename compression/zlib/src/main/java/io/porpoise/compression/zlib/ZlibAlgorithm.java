package io.porpoise.compression.zlib;

import io.porpoise.compression.CompressionAlgorithm;
import io.porpoise.compression.CompressionCodec;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.packet.HandshakeResponse41;
import java.util.zip.Deflater;
import org.osgi.service.component.annotations.Component;

/**
 * {@code zlib}, negotiated with CLIENT_COMPRESS. Each compressed packet is one zlib stream
 * (RFC 1950: header, deflate data, Adler-32), what zlib's {@code compress()} and
 * {@code uncompress()} produce and read. The client cannot choose the level: MySQL compresses
 * at zlib's default, 6, and reports it as {@code Compression_level}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_compression_packet.html">Compressed Packet</a>
 */
@Component(service = CompressionAlgorithm.class, property = CompressionAlgorithm.NAME_PROPERTY + "=" + ZlibAlgorithm.NAME)
public final class ZlibAlgorithm implements CompressionAlgorithm {
    public static final String NAME = "zlib";
    /** zlib's Z_DEFAULT_COMPRESSION, which MySQL uses. */
    public static final int DEFAULT_LEVEL = 6;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CapabilityFlag capability() {
        return CapabilityFlag.CLIENT_COMPRESS;
    }

    @Override
    public int level(HandshakeResponse41 response) {
        return DEFAULT_LEVEL;
    }

    @Override
    public boolean isValidLevel(int level) {
        return level >= Deflater.BEST_SPEED && level <= Deflater.BEST_COMPRESSION;
    }

    @Override
    public CompressionCodec newCodec(int level) {
        if (!isValidLevel(level)) {
            throw new IllegalArgumentException("zlib level: " + level + " (expected: 1..9)");
        }
        return new ZlibCodec(level);
    }
}
