package io.porpoise.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * First handler of every pipeline: counts the bytes on the socket (Bytes_received,
 * Bytes_sent, session and global), before TLS and compression, as MySQL counts them. It
 * only reads {@code readableBytes()}, so buffer ownership is untouched.
 */
final class ByteCounter extends ChannelDuplexHandler {
    /** Its name in the pipeline (TLS goes right after it). */
    static final String NAME = "bytes";
    private final ConnectionStatus connection;
    private final ServerStatusCounters server;

    ByteCounter(ConnectionStatus connection, ServerStatusCounters server) {
        this.connection = connection;
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf) {
            int n = ((ByteBuf) msg).readableBytes();
            connection.received(n);
            server.received(n);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf) {
            int n = ((ByteBuf) msg).readableBytes();
            connection.sent(n);
            server.sent(n);
        }
        ctx.write(msg, promise);
    }
}
