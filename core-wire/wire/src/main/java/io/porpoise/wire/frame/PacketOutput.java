package io.porpoise.wire.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Accumulates outbound packets, framed, into one buffer so a batch goes out in one write.
 * {@link #begin()} reserves the 4-byte header and hands out the buffer to write the payload
 * into; {@link #end()} fills the header in, splitting a payload of 0xFFFFFF bytes or more into
 * several frames (with a trailing empty frame when the last part is exactly 0xFFFFFF).
 *
 * <p>Not thread-safe: one command's writer owns it. The buffer taken with {@link #take()}
 * belongs to the caller, who writes (and so releases) it.
 */
public final class PacketOutput {
    private static final int HEADER_LENGTH = 4;
    private static final int MAX = PacketFrameDecoder.MAX_FRAME_PAYLOAD;

    private final ByteBufAllocator alloc;
    private ByteBuf buf;
    private int headerIndex = -1;
    private int sequenceId;

    public PacketOutput(ByteBufAllocator alloc, int firstSequenceId) {
        this.alloc = alloc;
        this.sequenceId = firstSequenceId & 0xFF;
    }

    public int nextSequenceId() {
        return sequenceId;
    }

    public void nextSequenceId(int seq) {
        this.sequenceId = seq & 0xFF;
    }

    public ByteBuf begin() {
        if (headerIndex >= 0) {
            throw new IllegalStateException("packet: already begun (expected: end() first)");
        }
        if (buf == null) {
            buf = alloc.buffer(256);
        }
        headerIndex = buf.writerIndex();
        buf.writeZero(HEADER_LENGTH);
        return buf;
    }

    public void end() {
        if (headerIndex < 0) {
            throw new IllegalStateException("packet: not begun (expected: begin() first)");
        }
        int length = buf.writerIndex() - headerIndex - HEADER_LENGTH;
        if (length < MAX) {
            buf.setMediumLE(headerIndex, length);
            buf.setByte(headerIndex + 3, sequenceId);
            sequenceId = (sequenceId + 1) & 0xFF;
        } else {
            split(length);
        }
        headerIndex = -1;
    }

    private void split(int length) {
        ByteBuf payload = buf.copy(headerIndex + HEADER_LENGTH, length);
        try {
            buf.writerIndex(headerIndex);
            int offset = 0;
            while (true) {
                int chunk = Math.min(MAX, length - offset);
                buf.writeMediumLE(chunk);
                buf.writeByte(sequenceId);
                sequenceId = (sequenceId + 1) & 0xFF;
                buf.writeBytes(payload, offset, chunk);
                offset += chunk;
                if (chunk < MAX) {
                    break;
                }
            }
        } finally {
            payload.release();
        }
    }

    /** Bytes waiting to be taken. */
    public int pendingBytes() {
        return buf == null ? 0 : buf.readableBytes();
    }

    /** Hands the framed bytes over; null when nothing is pending. */
    public ByteBuf take() {
        if (headerIndex >= 0) {
            throw new IllegalStateException("packet: still open (expected: end() before take())");
        }
        ByteBuf out = buf;
        buf = null;
        return out;
    }

    /** Drops anything pending (error paths). */
    public void discard() {
        if (buf != null) {
            buf.release();
            buf = null;
        }
        headerIndex = -1;
    }
}
