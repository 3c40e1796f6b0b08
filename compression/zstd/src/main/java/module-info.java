/** zstd protocol compression (CLIENT_ZSTD_COMPRESSION_ALGORITHM) on zstd-jni. */
module io.porpoise.compression.zstd {
    requires io.porpoise.compression;
    requires com.github.luben.zstd_jni;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.compression.CompressionAlgorithm with io.porpoise.compression.zstd.ZstdAlgorithm;
}
