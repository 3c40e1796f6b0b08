package io.porpoise.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.porpoise.backend.ClientGoneException;
import io.porpoise.wire.frame.PacketOutput;

/**
 * One command's outbound packets: framed into a {@link PacketOutput}, written in batches, and
 * throttled by the channel's writability so a slow client makes the producer wait instead of
 * the server buffering a whole result. Used from the session's worker thread.
 */
final class Outbound {
    /** Write a batch once this much is pending. */
    static final int BATCH_BYTES = 64 * 1024;

    private final Channel channel;
    private final Object writability;
    private final PacketOutput packets;

    Outbound(Channel channel, Object writability, int firstSequenceId) {
        this.channel = channel;
        this.writability = writability;
        this.packets = new PacketOutput(channel.alloc(), firstSequenceId);
    }

    ByteBuf begin() {
        return packets.begin();
    }

    /** Ends a packet; writes the batch when it is large enough. */
    void end() {
        packets.end();
        if (packets.pendingBytes() >= BATCH_BYTES) {
            flush();
            awaitWritable();
        }
    }

    /** Writes whatever is pending. */
    void flush() {
        ByteBuf out = packets.take();
        if (out == null) {
            return;
        }
        if (!channel.isActive()) {
            out.release();
            throw new ClientGoneException("connection closed by the client");
        }
        channel.writeAndFlush(out, channel.voidPromise());
    }

    /**
     * Writes whatever is pending and then runs {@code then}, both in one event-loop task, so
     * nothing written or read later on this channel comes between them (login OK, then the
     * compressed-packet layer).
     */
    void flush(Runnable then) {
        ByteBuf out = packets.take();
        if (out != null && !channel.isActive()) {
            out.release();
            throw new ClientGoneException("connection closed by the client");
        }
        channel.eventLoop().execute(() -> {
            if (out != null) {
                channel.writeAndFlush(out, channel.voidPromise());
            }
            then.run();
        });
    }

    void discard() {
        packets.discard();
    }

    private void awaitWritable() {
        synchronized (writability) {
            while (!channel.isWritable()) {
                if (!channel.isActive()) {
                    throw new ClientGoneException("connection closed by the client");
                }
                try {
                    writability.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClientGoneException("interrupted while the client was not reading");
                }
            }
        }
    }
}
