package io.porpoise.compression;

import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.packet.HandshakeResponse41;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol compression algorithm (MySQL's {@code zlib} or {@code zstd}), as a plugin. The
 * server offers an algorithm when its service is present and its {@link #name()} is listed in
 * {@code protocol_compression_algorithms}; it then sets {@link #capability()} in its
 * HandshakeV10, and a client that sets the same flag in HandshakeResponse41 gets a
 * {@link CompressionCodec} from {@link #newCodec(int)} for the rest of the connection.
 *
 * <p>Algorithms are stateless services shared by all connections and called from any thread;
 * everything per connection lives in the codec. They are registered under this interface with
 * the service property {@link #NAME_PROPERTY}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_compression.html">Compression</a>
 */
@ConsumerType
public interface CompressionAlgorithm {
    /** Service property carrying {@link #name()}. */
    String NAME_PROPERTY = "porpoise.compression.algorithm";

    /** MySQL's name, as {@code protocol_compression_algorithms} and {@code Compression_algorithm} spell it. */
    String name();

    /** The capability flag that negotiates this algorithm (CLIENT_COMPRESS for zlib). */
    CapabilityFlag capability();

    /**
     * The level a connection uses: the client's choice where the protocol carries one (zstd's
     * level byte in HandshakeResponse41), otherwise the algorithm's default.
     */
    int level(HandshakeResponse41 response);

    /** Whether the algorithm can run at {@code level}; a client asking for another is refused. */
    boolean isValidLevel(int level);

    /** A new codec for one connection, at a level for which {@link #isValidLevel} holds. */
    CompressionCodec newCodec(int level);
}
