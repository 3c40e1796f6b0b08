package io.porpoise.wire.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One reassembled inbound payload with the sequence id of its last frame. Reference counted:
 * whoever consumes it releases it.
 */
public final class Packet extends DefaultByteBufHolder {
    private final int lastSequenceId;

    public Packet(ByteBuf payload, int lastSequenceId) {
        super(payload);
        this.lastSequenceId = lastSequenceId;
    }

    /** The sequence id of the last frame; the server's reply uses the next one. */
    public int lastSequenceId() {
        return lastSequenceId;
    }

    public ByteBuf payload() {
        return content();
    }

    @Override
    public Packet replace(ByteBuf content) {
        return new Packet(content, lastSequenceId);
    }

    @Override
    public String toString() {
        return "Packet(seq=" + lastSequenceId + ", length=" + content().readableBytes() + ")";
    }
}
