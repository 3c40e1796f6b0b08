package io.porpoise.compression;

import io.netty.buffer.ByteBuf;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One connection's compressor and decompressor. Every compressed packet is compressed on its
 * own (a complete zlib stream or zstd frame, no shared dictionary between packets), as MySQL
 * and its clients do.
 *
 * <p>Threading: a codec belongs to one channel and is only called from its event loop.
 *
 * <p>Buffer ownership (ARCHITECTURE.md section 6): neither method releases or retains its
 * arguments; the caller owns {@code in} and {@code out} before and after the call. A method
 * reads all readable bytes of {@code in} (advancing its reader index) and appends at
 * {@code out}'s writer index, growing it as needed. {@code out} is a non-composite buffer from
 * the channel's allocator. After an exception the indexes of both are unspecified: the caller
 * discards what it wrote.
 */
@ConsumerType
public interface CompressionCodec extends AutoCloseable {

    /** Appends the compressed form of {@code in}'s readable bytes to {@code out}. */
    void compress(ByteBuf in, ByteBuf out);

    /**
     * Appends the decompressed form of {@code in}'s readable bytes to {@code out}. The result
     * must be exactly {@code uncompressedLength} bytes: the codec never writes more than that
     * (so a small input cannot expand beyond what the header declared: a compression bomb
     * costs at most {@code uncompressedLength} bytes), and a stream that is corrupt, ends early
     * or would produce more is a {@link DecompressionException}.
     */
    void decompress(ByteBuf in, ByteBuf out, int uncompressedLength);

    /** Frees native or pooled state; called once, when the channel's pipeline drops the codec. */
    @Override
    void close();
}
