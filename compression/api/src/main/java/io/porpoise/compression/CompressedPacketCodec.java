package io.porpoise.compression;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.frame.FrameException;
import io.porpoise.wire.frame.PacketFrameDecoder;
import java.net.SocketAddress;
import java.util.List;

/**
 * The compressed-packet layer, between the socket and the packet framing
 * ({@link PacketFrameDecoder}): inbound it turns compressed packets back into the plain packet
 * byte stream, outbound it wraps whatever the packet writers emit into compressed packets.
 *
 * <p>A compressed packet is a 7-byte header (3-byte length of the payload as sent, 1-byte
 * compressed sequence id, 3-byte length before compression, 0 meaning "sent as is") and the
 * payload. The payload is a slice of the packet stream: part of a packet or several packets.
 * Outbound, each buffer written (one batch of packets, see {@code PacketOutput}) becomes one
 * compressed packet, or several of at most 0xFFFFFF bytes each; a slice shorter than
 * {@link #MIN_COMPRESS_LENGTH}, or one that does not shrink, is sent as is.
 *
 * <p>Sequence ids are counted independently of the packets' ones, as MySQL's {@code net_serv}
 * does: the client's compressed packets of one command count up from 0 (every client resets
 * its count per command), and the server's answer goes on from the last one it read plus one.
 * A frame that is neither 0 nor the next one is ER_NET_PACKETS_OUT_OF_ORDER.
 *
 * <p>Limits: a compressed packet whose declared length exceeds {@code max_allowed_packet} (plus
 * one packet header, as a packet of exactly {@code max_allowed_packet} bytes is legal) is
 * refused from its header, before its bytes are buffered (ER_NET_PACKET_TOO_LARGE); a payload is
 * never decompressed beyond its declared length (ER_NET_UNCOMPRESS_ERROR otherwise). Both end the
 * connection: the failure is thrown as a {@link FrameException}, the connection answers with the
 * ERR (compressed) and closes, and everything read afterwards is discarded. The packet framing
 * behind this layer still enforces {@code max_allowed_packet} on each reassembled payload.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_compression_packet.html">Compressed Packet</a>
 */
public final class CompressedPacketCodec extends ByteToMessageDecoder implements ChannelOutboundHandler {
    /** Compressed packet header: 3-byte compressed length, 1-byte sequence id, 3-byte uncompressed length. */
    public static final int HEADER_LENGTH = 7;
    /** MySQL's MIN_COMPRESS_LENGTH: shorter slices grow when compressed, so they go as they are. */
    public static final int MIN_COMPRESS_LENGTH = 50;
    /** The largest payload a 3-byte length can carry. */
    public static final int MAX_PAYLOAD = PacketFrameDecoder.MAX_FRAME_PAYLOAD;
    private static final int PACKET_HEADER_LENGTH = 4;

    private final CompressionCodec codec;
    private final long maxAllowedPacket;
    /** The inbound sequence id that continues the current command. */
    private int expectedSequenceId;
    /** The sequence id of the next outbound compressed packet. */
    private int sequenceId;
    private boolean failed;

    /**
     * @param codec the connection's codec; closed when this handler leaves the pipeline
     * @param maxAllowedPacket the connection's max_allowed_packet
     */
    public CompressedPacketCodec(CompressionCodec codec, long maxAllowedPacket) {
        this.codec = codec;
        this.maxAllowedPacket = maxAllowedPacket;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.readableBytes() >= HEADER_LENGTH) {
            int start = in.readerIndex();
            int length = in.getUnsignedMediumLE(start);
            int seq = in.getUnsignedByte(start + 3);
            int uncompressedLength = in.getUnsignedMediumLE(start + 4);
            // The answer goes on from here, also when it is the ERR for this very packet.
            sequenceId = (seq + 1) & 0xFF;
            if (seq != 0 && seq != expectedSequenceId) {
                fail("ER_NET_PACKETS_OUT_OF_ORDER", seq,
                        "compressed sequence id: " + seq + " (expected: 0 or " + expectedSequenceId + ")");
            }
            long inflated = uncompressedLength == 0 ? length : uncompressedLength;
            if (inflated > maxAllowedPacket + PACKET_HEADER_LENGTH) {
                fail("ER_NET_PACKET_TOO_LARGE", seq, "compressed packet: " + inflated
                        + " bytes uncompressed (expected: <= max_allowed_packet " + maxAllowedPacket + " + 4)");
            }
            if (in.readableBytes() < HEADER_LENGTH + length) {
                return;
            }
            in.skipBytes(HEADER_LENGTH);
            expectedSequenceId = sequenceId;
            if (uncompressedLength == 0) {
                if (length > 0) {
                    out.add(in.readRetainedSlice(length));
                }
                continue;
            }
            ByteBuf payload = in.readSlice(length);
            ByteBuf plain = ctx.alloc().buffer(uncompressedLength + 1);
            try {
                codec.decompress(payload, plain, uncompressedLength);
                if (plain.readableBytes() != uncompressedLength) {
                    throw new DecompressionException("decompressed: " + plain.readableBytes() + " bytes (expected: "
                            + uncompressedLength + ")");
                }
            } catch (DecompressionException e) {
                plain.release();
                fail("ER_NET_UNCOMPRESS_ERROR", seq, e.getMessage());
            } catch (RuntimeException | Error e) {
                plain.release();
                throw e;
            }
            out.add(plain);
        }
    }

    private void fail(String symbol, int seq, String detail) {
        failed = true;
        throw new FrameException(ServerErrors.of(symbol), seq + 1, detail);
    }

    /** Compresses one written buffer (a batch of packets) into compressed packets; releases it. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf in = (ByteBuf) msg;
        ByteBuf out;
        try {
            int length = in.readableBytes();
            int frames = Math.max(1, (length + MAX_PAYLOAD - 1) / MAX_PAYLOAD);
            // Room for the worst case, everything sent as is; compressed output usually takes less.
            out = ctx.alloc().ioBuffer(length + frames * HEADER_LENGTH);
            try {
                while (in.isReadable()) {
                    writeCompressedPacket(in.readSlice(Math.min(in.readableBytes(), MAX_PAYLOAD)), out);
                }
            } catch (RuntimeException | Error e) {
                out.release();
                throw e;
            }
        } finally {
            in.release();
        }
        ctx.write(out, promise);
    }

    private void writeCompressedPacket(ByteBuf slice, ByteBuf out) {
        int length = slice.readableBytes();
        int header = out.writerIndex();
        out.writeZero(HEADER_LENGTH);
        if (length >= MIN_COMPRESS_LENGTH) {
            codec.compress(slice.duplicate(), out);
            int compressed = out.writerIndex() - header - HEADER_LENGTH;
            if (compressed < length) {
                writeHeader(out, header, compressed, length);
                return;
            }
            out.writerIndex(header + HEADER_LENGTH);
        }
        out.writeBytes(slice);
        writeHeader(out, header, length, 0);
    }

    private void writeHeader(ByteBuf out, int at, int length, int uncompressedLength) {
        out.setMediumLE(at, length);
        out.setByte(at + 3, sequenceId);
        out.setMediumLE(at + 4, uncompressedLength);
        sequenceId = (sequenceId + 1) & 0xFF;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        codec.close();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void bind(ChannelHandlerContext ctx, SocketAddress localAddress, ChannelPromise promise) {
        ctx.bind(localAddress, promise);
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remoteAddress, SocketAddress localAddress,
            ChannelPromise promise) {
        ctx.connect(remoteAddress, localAddress, promise);
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
        ctx.disconnect(promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        ctx.close(promise);
    }

    @Override
    public void deregister(ChannelHandlerContext ctx, ChannelPromise promise) {
        ctx.deregister(promise);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        ctx.read();
    }
}
