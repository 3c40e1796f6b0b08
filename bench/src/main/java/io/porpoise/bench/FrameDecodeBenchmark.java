package io.porpoise.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.porpoise.wire.frame.Packet;
import io.porpoise.wire.frame.PacketFrameDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link PacketFrameDecoder} in a pipeline, fed prepared byte streams: a burst of small command
 * packets (the common case), the same burst cut at TCP-segment-sized boundaries (so packets
 * straddle reads and the cumulator has to merge), and one payload above 16 MiB split into a
 * 0xFFFFFF frame plus a remainder. Each invocation feeds a retained duplicate of the prepared
 * buffer, so nothing is rebuilt or copied by the benchmark itself. The small-packet scores are
 * per packet (64 per invocation); the large one is per 16 MiB payload.
 *
 * <p>The decoder runs in the command phase, where every payload's first frame carries sequence
 * id 0 and its continuation frames 1, 2, ...; the streams are built that way.
 *
 * <p>Not final, nor is the state: JMH generates subclasses of both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
        "-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class FrameDecodeBenchmark {
    static final int SMALL_PACKETS = 64;
    static final int SMALL_PAYLOAD = 100;
    /** A typical Ethernet MSS: what one socket read usually hands the decoder. */
    static final int SEGMENT = 1448;
    static final int LARGE_REMAINDER = 1000;
    static final int LARGE_PAYLOAD = PacketFrameDecoder.MAX_FRAME_PAYLOAD + LARGE_REMAINDER;

    @State(Scope.Thread)
    public static class Streams {
        ByteBuf small;
        ByteBuf large;
        EmbeddedChannel channel;
        PacketSink sink;

        @Setup(Level.Trial)
        public void setUp() {
            ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
            small = alloc.directBuffer(SMALL_PACKETS * (4 + SMALL_PAYLOAD));
            for (int i = 0; i < SMALL_PACKETS; i++) {
                writeFrame(small, SMALL_PAYLOAD, 0);
            }
            large = alloc.directBuffer(LARGE_PAYLOAD + 8);
            writeFrame(large, PacketFrameDecoder.MAX_FRAME_PAYLOAD, 0);
            writeFrame(large, LARGE_REMAINDER, 1);

            PacketFrameDecoder decoder = new PacketFrameDecoder(64L * 1024 * 1024);
            decoder.commandPhase();
            sink = new PacketSink();
            channel = new EmbeddedChannel(decoder, sink);
            checkInput();
        }

        /** A wrongly built stream would measure the error path; decode each once and check. */
        private void checkInput() {
            channel.writeInbound(small.retainedDuplicate());
            expect(SMALL_PACKETS, (long) SMALL_PACKETS * SMALL_PAYLOAD, 0);
            channel.writeInbound(large.retainedDuplicate());
            expect(1, LARGE_PAYLOAD, 1);
        }

        private void expect(int packets, long bytes, int lastSequenceId) {
            if (sink.packets != packets || sink.bytes != bytes || sink.lastSequenceId != lastSequenceId) {
                throw new IllegalStateException("decoded: " + sink.packets + " packets, " + sink.bytes + " bytes, last seq "
                        + sink.lastSequenceId + " (expected: " + packets + ", " + bytes + ", " + lastSequenceId + ")");
            }
            sink.packets = 0;
            sink.bytes = 0;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            // A buffer still referenced by a packet, or a message left in the channel, is a leak
            // in the decoder or in this benchmark: fail the run rather than report a number.
            boolean leftOver = channel.finishAndReleaseAll();
            int smallRefs = small.refCnt();
            int largeRefs = large.refCnt();
            small.release(smallRefs);
            large.release(largeRefs);
            if (leftOver || smallRefs != 1 || largeRefs != 1) {
                throw new IllegalStateException("after the run: leftOver=" + leftOver + ", small.refCnt=" + smallRefs
                        + ", large.refCnt=" + largeRefs + " (expected: false, 1, 1)");
            }
        }

        private static void writeFrame(ByteBuf out, int length, int sequenceId) {
            out.writeMediumLE(length);
            out.writeByte(sequenceId);
            // Payload content does not matter to framing; a command byte keeps it plausible.
            out.writeByte(0x03);
            out.writeZero(length - 1);
        }
    }

    /** The end of the pipeline: counts and releases, as the command dispatcher would. */
    static final class PacketSink extends ChannelInboundHandlerAdapter {
        long packets;
        long bytes;
        int lastSequenceId;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Packet packet = (Packet) msg;
            try {
                packets++;
                bytes += packet.payload().readableBytes();
                lastSequenceId = packet.lastSequenceId();
            } finally {
                packet.release();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SMALL_PACKETS)
    public long smallPackets(Streams s) {
        s.channel.writeInbound(s.small.retainedDuplicate());
        return s.sink.bytes;
    }

    @Benchmark
    @OperationsPerInvocation(SMALL_PACKETS)
    public long smallPacketsSegmented(Streams s) {
        ByteBuf small = s.small;
        int end = small.writerIndex();
        for (int offset = 0; offset < end; offset += SEGMENT) {
            s.channel.writeInbound(small.retainedSlice(offset, Math.min(SEGMENT, end - offset)));
        }
        return s.sink.bytes;
    }

    @Benchmark
    public long largeSplitPayload(Streams s) {
        s.channel.writeInbound(s.large.retainedDuplicate());
        return s.sink.bytes;
    }
}
