package io.porpoise.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.porpoise.compression.CompressionAlgorithm;
import io.porpoise.compression.CompressionCodec;
import io.porpoise.compression.zlib.ZlibAlgorithm;
import io.porpoise.compression.zstd.ZstdAlgorithm;
import io.porpoise.wire.frame.PacketOutput;
import io.porpoise.wire.packet.TextRow;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Protocol compression of one result batch: the 64 KiB of framed packets the server writes per
 * flush ({@code Outbound.BATCH_BYTES}), compressed and decompressed by the zlib and zstd codecs
 * as {@code CompressedPacketCodec} calls them. The score counts uncompressed bytes
 * ({@code @OperationsPerInvocation} is the batch size), so ops/s reads as bytes/s.
 * Setup prints the compression ratio of each batch ({@code ratio: ...}).
 *
 * <p>Not final, nor is the state: JMH generates subclasses of both.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {
        "-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class CompressionBenchmark {
    static final int BATCH = 64 * 1024;

    @State(Scope.Thread)
    public static class Batch {
        /** zlib at MySQL's level 6; zstd at 1 and at 3 (MySQL clients' default). */
        @Param({"zlib-6", "zstd-1", "zstd-3"})
        public String codec;

        /**
         * {@code rows}: text rows of a typical table (ids, e-mail addresses, addresses, timestamps,
         * decimals, status strings), every row different; {@code random}: rows holding random
         * bytes (already compressed media), which compression cannot shrink.
         */
        @Param({"rows", "random"})
        public String data;

        final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        CompressionCodec compressor;
        ByteBuf plain;
        ByteBuf compressed;
        ByteBuf out;

        @Setup(Level.Trial)
        public void setUp() {
            String[] p = codec.split("-");
            CompressionAlgorithm a = p[0].equals("zlib") ? new ZlibAlgorithm() : new ZstdAlgorithm();
            compressor = a.newCodec(Integer.parseInt(p[1]));
            plain = batch(alloc, data.equals("rows"));
            compressed = alloc.directBuffer(BATCH * 2);
            compressor.compress(plain.duplicate(), compressed);
            out = alloc.directBuffer(BATCH * 2);
            ByteBuf check = alloc.directBuffer(BATCH + 1);
            compressor.decompress(compressed.duplicate(), check, BATCH);
            if (!check.equals(plain)) {
                throw new IllegalStateException("round trip: the decompressed batch differs");
            }
            check.release();
            System.out.printf("%nratio: %s %s: %d -> %d bytes (%.2f : 1)%n", codec, data, BATCH, compressed.readableBytes(),
                    (double) BATCH / compressed.readableBytes());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            compressor.close();
            for (ByteBuf b : new ByteBuf[] {plain, compressed, out}) {
                if (b.refCnt() != 1) {
                    throw new IllegalStateException("buffer reference count: " + b.refCnt() + " (expected: 1)");
                }
                b.release();
            }
        }

        /** 64 KiB of framed text rows, as PacketOutput batches them. */
        static ByteBuf batch(ByteBufAllocator alloc, boolean text) {
            Random random = new Random(2026);
            PacketOutput output = new PacketOutput(alloc, 1);
            int id = 1;
            while (output.pendingBytes() < BATCH) {
                byte[][] row;
                if (text) {
                    row = new byte[][] {
                        ascii(Integer.toString(id)), ascii("customer-" + (100_000 + random.nextInt(900_000)) + "@example.com"),
                        ascii(Integer.toString(random.nextInt(50))), ascii("Rua das Flores " + random.nextInt(999) + ", Lisboa"),
                        ascii(Integer.toString(1950 + random.nextInt(70))),
                        ascii(String.format("2026-%02d-%02d %02d:%02d:%02d.%06d", 1 + random.nextInt(12), 1 + random.nextInt(28),
                                random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000))),
                        ascii(random.nextInt(10_000) + "." + random.nextInt(100)),
                        ascii(random.nextBoolean() ? "shipped" : "awaiting payment"),
                        ascii(Long.toString(random.nextLong() & 0xFFFFFFFFL)), ascii("PT50 0002 0123 " + random.nextInt(1_000_000)),
                    };
                } else {
                    byte[] blob = new byte[200];
                    random.nextBytes(blob);
                    row = new byte[][] {ascii(Integer.toString(id)), blob};
                }
                TextRow.encode(output.begin(), row);
                output.end();
                id++;
            }
            ByteBuf framed = output.take();
            ByteBuf exact = alloc.directBuffer(BATCH).writeBytes(framed, 0, BATCH);
            framed.release();
            return exact;
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int compress(Batch b) {
        b.out.clear();
        b.compressor.compress(b.plain.duplicate(), b.out);
        return b.out.writerIndex();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int decompress(Batch b) {
        b.out.clear();
        b.compressor.decompress(b.compressed.duplicate(), b.out, BATCH);
        return b.out.writerIndex();
    }
}
