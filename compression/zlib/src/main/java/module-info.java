/** zlib protocol compression (CLIENT_COMPRESS) on java.util.zip. */
module io.porpoise.compression.zlib {
    requires io.porpoise.compression;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.compression.CompressionAlgorithm with io.porpoise.compression.zlib.ZlibAlgorithm;
}
