package io.porpoise.compression.zlib;

import io.netty.buffer.ByteBuf;
import io.porpoise.compression.CompressionCodec;
import io.porpoise.compression.DecompressionException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One connection's {@link Deflater} and {@link Inflater}, reset for every compressed packet.
 * Both work on the buffers' NIO views, so direct (pooled) buffers are not copied.
 */
final class ZlibCodec implements CompressionCodec {
    private final Deflater deflater;
    private final Inflater inflater = new Inflater();

    ZlibCodec(int level) {
        this.deflater = new Deflater(level);
    }

    @Override
    public void compress(ByteBuf in, ByteBuf out) {
        deflater.reset();
        deflater.setInput(in.nioBuffer());
        deflater.finish();
        out.ensureWritable(bound(in.readableBytes()));
        while (!deflater.finished()) {
            if (!out.isWritable()) {
                out.ensureWritable(Math.max(64, out.writerIndex() / 8));
            }
            ByteBuffer dst = out.nioBuffer(out.writerIndex(), out.writableBytes());
            out.writerIndex(out.writerIndex() + deflater.deflate(dst));
        }
        in.skipBytes(in.readableBytes());
    }

    /** zlib's compressBound(): the most a deflate stream of {@code n} bytes can take. */
    private static int bound(int n) {
        return n + (n >>> 12) + (n >>> 14) + (n >>> 25) + 13;
    }

    @Override
    public void decompress(ByteBuf in, ByteBuf out, int uncompressedLength) {
        inflater.reset();
        inflater.setInput(in.nioBuffer());
        // One byte more than declared: a stream that fills it expands further than its header said.
        out.ensureWritable(uncompressedLength + 1);
        ByteBuffer dst = out.nioBuffer(out.writerIndex(), uncompressedLength + 1);
        try {
            while (!inflater.finished() && dst.hasRemaining()) {
                if (inflater.inflate(dst) == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw new DecompressionException("zlib: " + e.getMessage(), e);
        }
        int produced = dst.position();
        if (produced > uncompressedLength) {
            throw new DecompressionException("zlib: expands beyond " + uncompressedLength + " bytes (expected: exactly "
                    + uncompressedLength + ")");
        }
        if (!inflater.finished()) {
            throw new DecompressionException("zlib: stream ends after " + produced + " bytes (expected: a complete stream of "
                    + uncompressedLength + ")");
        }
        if (produced != uncompressedLength) {
            throw new DecompressionException("zlib: " + produced + " bytes (expected: " + uncompressedLength + ")");
        }
        out.writerIndex(out.writerIndex() + produced);
        in.skipBytes(in.readableBytes());
    }

    @Override
    public void close() {
        deflater.end();
        inflater.end();
    }
}
