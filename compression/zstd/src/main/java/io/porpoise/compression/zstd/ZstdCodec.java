package io.porpoise.compression.zstd;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import io.netty.buffer.ByteBuf;
import io.porpoise.compression.CompressionCodec;
import io.porpoise.compression.DecompressionException;
import java.nio.ByteBuffer;

/**
 * One connection's zstd compression and decompression contexts (native memory, freed by
 * {@link #close()}). Direct buffers go to zstd as they are; heap buffers through arrays.
 */
final class ZstdCodec implements CompressionCodec {
    private final ZstdCompressCtx compressor = new ZstdCompressCtx();
    private final ZstdDecompressCtx decompressor = new ZstdDecompressCtx();

    ZstdCodec(int level) {
        compressor.setLevel(level);
        compressor.setContentSize(true);
    }

    @Override
    public void compress(ByteBuf in, ByteBuf out) {
        int length = in.readableBytes();
        int bound = (int) Zstd.compressBound(length);
        out.ensureWritable(bound);
        int written;
        try {
            if (in.isDirect() && in.nioBufferCount() == 1 && out.isDirect()) {
                ByteBuffer src = in.nioBuffer();
                ByteBuffer dst = out.nioBuffer(out.writerIndex(), bound);
                written = compressor.compressDirectByteBuffer(dst, dst.position(), bound, src, src.position(), length);
            } else {
                byte[] src = new byte[length];
                in.getBytes(in.readerIndex(), src);
                byte[] dst = new byte[bound];
                written = compressor.compressByteArray(dst, 0, bound, src, 0, length);
                out.setBytes(out.writerIndex(), dst, 0, written);
            }
        } catch (ZstdException e) {
            throw new IllegalStateException("zstd compression failed: " + e.getMessage(), e);
        }
        out.writerIndex(out.writerIndex() + written);
        in.skipBytes(length);
    }

    @Override
    public void decompress(ByteBuf in, ByteBuf out, int uncompressedLength) {
        int length = in.readableBytes();
        out.ensureWritable(uncompressedLength);
        int produced;
        try {
            // The destination holds exactly the declared length: a frame that would expand
            // further fails inside zstd ("Destination buffer is too small") instead of growing.
            if (in.isDirect() && in.nioBufferCount() == 1 && out.isDirect()) {
                ByteBuffer src = in.nioBuffer();
                ByteBuffer dst = out.nioBuffer(out.writerIndex(), uncompressedLength);
                produced = decompressor.decompressDirectByteBuffer(dst, dst.position(), uncompressedLength, src, src.position(),
                        length);
            } else {
                byte[] src = new byte[length];
                in.getBytes(in.readerIndex(), src);
                byte[] dst = new byte[uncompressedLength];
                produced = decompressor.decompressByteArray(dst, 0, uncompressedLength, src, 0, length);
                out.setBytes(out.writerIndex(), dst, 0, produced);
            }
        } catch (ZstdException e) {
            throw new DecompressionException("zstd: " + e.getMessage(), e);
        }
        if (produced != uncompressedLength) {
            throw new DecompressionException("zstd: " + produced + " bytes (expected: " + uncompressedLength + ")");
        }
        out.writerIndex(out.writerIndex() + produced);
        in.skipBytes(length);
    }

    @Override
    public void close() {
        compressor.close();
        decompressor.close();
    }
}
