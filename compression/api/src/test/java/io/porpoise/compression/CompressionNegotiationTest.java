package io.porpoise.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.packet.HandshakeResponse41;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompressionNegotiationTest {
    /** Stand-ins for the plugins: only names, flags and levels matter here. */
    record Algorithm(String name, CapabilityFlag capability, boolean levelFromClient) implements CompressionAlgorithm {
        @Override
        public int level(HandshakeResponse41 response) {
            return levelFromClient ? response.zstdCompressionLevel() : 6;
        }

        @Override
        public boolean isValidLevel(int level) {
            return level >= 1 && level <= 22;
        }

        @Override
        public CompressionCodec newCodec(int level) {
            return new CompressionCodec() {
                @Override
                public void compress(ByteBuf in, ByteBuf out) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void decompress(ByteBuf in, ByteBuf out, int uncompressedLength) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static final Algorithm ZSTD = new Algorithm("zstd", CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM, true);
    private static final Algorithm ZLIB = new Algorithm("zlib", CapabilityFlag.CLIENT_COMPRESS, false);
    private static final Capabilities SERVER = Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41);

    private static HandshakeResponse41 client(int zstdLevel, CapabilityFlag... flags) {
        return new HandshakeResponse41(Capabilities.of(flags), 0, 255, "u", new byte[0], null, "", Map.of(), zstdLevel);
    }

    @Test
    void parsesTheVariableLikeMySql() {
        PermittedAlgorithms p = PermittedAlgorithms.parse(" ZSTD,uncompressed");
        assertTrue(p.permits("zstd"));
        assertFalse(p.permits("zlib"));
        assertTrue(p.permitsUncompressed());
        assertTrue(PermittedAlgorithms.parse(PermittedAlgorithms.DEFAULT).permits("zlib"));
        assertThrows(IllegalArgumentException.class, () -> PermittedAlgorithms.parse(""));
        assertThrows(IllegalArgumentException.class, () -> PermittedAlgorithms.parse("zlib,lz4"));
        assertThrows(IllegalArgumentException.class, () -> PermittedAlgorithms.parse("zlib,"));
    }

    @Test
    void offersOnlyWhatIsPresentAndPermitted() {
        CompressionNegotiation all = CompressionNegotiation.offer(List.of(ZSTD, ZLIB), PermittedAlgorithms.parse(PermittedAlgorithms.DEFAULT));
        assertEquals(List.of(ZLIB, ZSTD), all.offered(), "zlib first: it wins when a client sets both");
        assertEquals(SERVER.with(CapabilityFlag.CLIENT_COMPRESS).with(CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM), all.advertise(SERVER));

        CompressionNegotiation zlibOnly = CompressionNegotiation.offer(List.of(ZSTD, ZLIB), PermittedAlgorithms.parse("zlib,uncompressed"));
        assertEquals(SERVER.with(CapabilityFlag.CLIENT_COMPRESS), zlibOnly.advertise(SERVER));

        CompressionNegotiation missingPlugin = CompressionNegotiation.offer(List.of(ZLIB), PermittedAlgorithms.parse(PermittedAlgorithms.DEFAULT));
        assertFalse(missingPlugin.advertise(SERVER).has(CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM));
    }

    @Test
    void choosesZlibWhenBothAreSetAndTakesTheZstdLevelFromTheClient() {
        CompressionNegotiation n = CompressionNegotiation.offer(List.of(ZLIB, ZSTD), PermittedAlgorithms.parse(PermittedAlgorithms.DEFAULT));
        CompressionNegotiation.Choice both = n.choose(client(7, CapabilityFlag.CLIENT_COMPRESS, CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM));
        assertSame(ZLIB, both.algorithm());
        assertEquals(6, both.level());
        CompressionNegotiation.Choice zstd = n.choose(client(7, CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM));
        assertSame(ZSTD, zstd.algorithm());
        assertEquals(7, zstd.level());
        assertFalse(n.choose(client(0)).isCompressed());
        assertFalse(n.choose(client(0)).isRefused());
    }

    @Test
    void refusesWhatMySqlRefuses() {
        CompressionNegotiation compressedOnly = CompressionNegotiation.offer(List.of(ZLIB, ZSTD), PermittedAlgorithms.parse("zlib,zstd"));
        CompressionNegotiation.Choice plain = compressedOnly.choose(client(0));
        assertTrue(plain.isRefused());
        assertEquals(3922, plain.error().code());
        assertEquals("Invalid compression algorithm 'uncompressed'.", plain.error().format(plain.errorArgument()));

        CompressionNegotiation.Choice badLevel = compressedOnly.choose(client(99, CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM));
        assertTrue(badLevel.isRefused());
        assertEquals(3923, badLevel.error().code());

        CompressionNegotiation zlibOnly = CompressionNegotiation.offer(List.of(ZLIB, ZSTD), PermittedAlgorithms.parse("zlib,uncompressed"));
        assertFalse(zlibOnly.choose(client(3, CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM)).isCompressed(),
                "a flag the server did not offer is ignored: the connection stays uncompressed");
    }
}
