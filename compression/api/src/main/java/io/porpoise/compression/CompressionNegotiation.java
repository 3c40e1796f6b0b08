package io.porpoise.compression;

import io.porpoise.wire.Capabilities;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.packet.HandshakeResponse41;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one connection offers and what its client chose. Built when the connection opens, from
 * the algorithm plugins present then and {@code protocol_compression_algorithms}: an algorithm
 * is offered (its capability flag set in HandshakeV10) only when both allow it. The client
 * then sets one of the offered flags in HandshakeResponse41, or none.
 *
 * <p>When a client sets both CLIENT_COMPRESS and CLIENT_ZSTD_COMPRESSION_ALGORITHM, zlib wins,
 * as the protocol says; in general the algorithm with the lowest capability bit wins.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_compression.html">Compression</a>
 */
public final class CompressionNegotiation {
    private final List<CompressionAlgorithm> offered;
    private final boolean uncompressedPermitted;

    private CompressionNegotiation(List<CompressionAlgorithm> offered, boolean uncompressedPermitted) {
        this.offered = offered;
        this.uncompressedPermitted = uncompressedPermitted;
    }

    /**
     * @param present the algorithm services, highest ranking first (for one capability flag the first wins)
     * @param permitted the current {@code protocol_compression_algorithms}
     */
    public static CompressionNegotiation offer(Collection<CompressionAlgorithm> present, PermittedAlgorithms permitted) {
        List<CompressionAlgorithm> offered = new ArrayList<>();
        for (CompressionAlgorithm a : present) {
            boolean taken = offered.stream().anyMatch(o -> o.capability() == a.capability());
            if (!taken && permitted.permits(a.name())) {
                offered.add(a);
            }
        }
        offered.sort(Comparator.comparingLong(a -> a.capability().mask()));
        return new CompressionNegotiation(List.copyOf(offered), permitted.permitsUncompressed());
    }

    /** The server's capabilities plus the flags of the offered algorithms. */
    public Capabilities advertise(Capabilities server) {
        Capabilities c = server;
        for (CompressionAlgorithm a : offered) {
            c = c.with(a.capability());
        }
        return c;
    }

    /** The offered algorithms, in order of precedence. */
    public List<CompressionAlgorithm> offered() {
        return offered;
    }

    /** The outcome for a client's handshake response. */
    public Choice choose(HandshakeResponse41 response) {
        Capabilities client = response.capabilities();
        Optional<CompressionAlgorithm> chosen = offered.stream().filter(a -> client.has(a.capability())).findFirst();
        if (chosen.isEmpty()) {
            return uncompressedPermitted ? Choice.UNCOMPRESSED
                    : Choice.refuse(ServerErrors.of("ER_WRONG_COMPRESSION_ALGORITHM_CLIENT"), PermittedAlgorithms.UNCOMPRESSED);
        }
        CompressionAlgorithm a = chosen.get();
        int level = a.level(response);
        if (!a.isValidLevel(level)) {
            return Choice.refuse(ServerErrors.of("ER_WRONG_COMPRESSION_LEVEL_CLIENT"), a.name());
        }
        return new Choice(a, level, null, null);
    }

    /**
     * One connection's compression: none, an algorithm at a level, or a refusal (ERR, then close).
     *
     * @param algorithm null when uncompressed or refused
     * @param error non-null when refused
     */
    public record Choice(CompressionAlgorithm algorithm, int level, ServerError error, String errorArgument) {
        static final Choice UNCOMPRESSED = new Choice(null, 0, null, null);

        static Choice refuse(ServerError error, String argument) {
            return new Choice(null, 0, error, argument);
        }

        public boolean isCompressed() {
            return algorithm != null;
        }

        public boolean isRefused() {
            return error != null;
        }
    }
}
