package io.porpoise.wire.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.porpoise.wire.ServerErrors;
import java.util.List;

/**
 * Splits the inbound byte stream into {@link Packet}s: 3-byte little-endian length, 1-byte
 * sequence id, payload. A frame of exactly 0xFFFFFF bytes continues in the next frame; the
 * parts are joined (a trailing empty frame ends a payload that is a multiple of 0xFFFFFF).
 *
 * <p>The total is bounded by {@code maxAllowedPacket}, checked from the headers before the
 * bytes are buffered, so an oversized payload never occupies memory. After a violation the
 * decoder discards everything that follows (the connection is about to close).
 *
 * <p>With single decode on ({@link #setSingleDecode(boolean)}), one packet per read is decoded and
 * the rest stays buffered: the server uses that during the handshake, where an SSLRequest may be
 * followed by TLS bytes ({@link #takeBufferedBytes()}).
 *
 * <p>Sequence ids: in the command phase each payload starts at 0 (a new command); during an
 * authentication exchange the first frame must carry {@link #expectSequenceId(int)}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html">MySQL Packets</a>
 */
public final class PacketFrameDecoder extends ByteToMessageDecoder {
    public static final int MAX_FRAME_PAYLOAD = 0xFFFFFF;
    private static final int HEADER_LENGTH = 4;

    private volatile long maxAllowedPacket;
    private int expectedFirstSequenceId;
    private boolean commandPhase;
    private boolean compressed;
    private CompositeByteBuf partial;
    private int nextSequenceId;
    private boolean failed;

    public PacketFrameDecoder(long maxAllowedPacket) {
        this.maxAllowedPacket = maxAllowedPacket;
    }

    /** This connection's limit on one reassembled payload. */
    public long maxAllowedPacket() {
        return maxAllowedPacket;
    }

    /** Changes the limit for payloads not yet started (SET GLOBAL max_allowed_packet). */
    public void maxAllowedPacket(long bytes) {
        this.maxAllowedPacket = bytes;
    }

    /** Every further payload must start with this sequence id (handshake, auth exchanges). */
    public void expectSequenceId(int sequenceId) {
        this.commandPhase = false;
        this.expectedFirstSequenceId = sequenceId & 0xFF;
    }

    /** Every further payload is a command and starts with sequence id 0. */
    public void commandPhase() {
        this.commandPhase = true;
    }

    /**
     * The packets now arrive inside compressed packets, whose own sequence ids are checked
     * instead: MySQL's server does not check the packets' ids then, and libmariadb sends 0 in
     * every packet of a compressed command (also in the parts of one of 16 MiB or more).
     */
    public void compressed() {
        this.compressed = true;
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
            checkSequence(seq);
            long already = partial == null ? 0 : partial.readableBytes();
            if (already + length > maxAllowedPacket) {
                fail(new FrameException(ServerErrors.of("ER_NET_PACKET_TOO_LARGE"), seq + 1,
                        "payload: " + (already + length) + " bytes (expected: <= max_allowed_packet " + maxAllowedPacket + ")"));
            }
            if (in.readableBytes() < HEADER_LENGTH + length) {
                return;
            }
            in.skipBytes(HEADER_LENGTH);
            ByteBuf frame = in.readRetainedSlice(length);
            nextSequenceId = (seq + 1) & 0xFF;
            if (length == MAX_FRAME_PAYLOAD) {
                if (partial == null) {
                    partial = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
                }
                partial.addComponent(true, frame);
                continue;
            }
            ByteBuf payload = frame;
            if (partial != null) {
                partial.addComponent(true, frame);
                payload = partial;
                partial = null;
            }
            out.add(new Packet(payload, seq));
            expectedFirstSequenceId = nextSequenceId;
            if (isSingleDecode()) {
                return;
            }
        }
    }

    /**
     * Removes and returns the bytes buffered after the last decoded packet; the caller owns the
     * buffer. With {@link #setSingleDecode(boolean) single decode} on, that is what followed an
     * SSLRequest in the same read: the start of the client's TLS handshake, which belongs to the
     * TLS handler inserted before this decoder, not to the packet stream.
     */
    public ByteBuf takeBufferedBytes() {
        ByteBuf in = internalBuffer();
        return in.readBytes(in.readableBytes());
    }

    private void checkSequence(int seq) {
        if (compressed) {
            return;
        }
        int expected = partial != null ? nextSequenceId : commandPhase ? 0 : expectedFirstSequenceId;
        if (seq != expected) {
            fail(new FrameException(ServerErrors.of("ER_NET_PACKETS_OUT_OF_ORDER"), seq + 1,
                    "sequence id: " + seq + " (expected: " + expected + ")"));
        }
    }

    private void fail(FrameException e) {
        failed = true;
        releasePartial();
        throw e;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releasePartial();
    }

    private void releasePartial() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }
}
