/**
 * Protocol compression: the {@link io.porpoise.compression.CompressionAlgorithm} SPI (one plugin
 * per algorithm: zlib, zstd), the compressed-packet framing handler and the negotiation rules.
 */
module io.porpoise.compression {
    requires transitive io.porpoise.wire;
    requires static osgi.annotation;

    exports io.porpoise.compression;
}
