package io.porpoise.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Length-encoded integers and strings, the types every row, column definition and OK packet is
 * made of. Each state owns one pre-allocated buffer that is rewound per call, so the scores are
 * the codec's, not the allocator's (the string reads still allocate: the API returns a copy).
 *
 * <p>Not final, nor are the states: JMH generates subclasses of both.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_data_types.html">Basic data types</a>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
        // Same portable flags as the test JVMs: keeps Netty on Unsafe on 25 as it is on 17.
        "-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class LengthEncodedBenchmark {

    /** One value per size class: 1, 3, 4 and 9 bytes on the wire, at both edges of each class. */
    @State(Scope.Thread)
    public static class IntState {
        @Param({"0", "250", "251", "65535", "65536", "16777215", "16777216", "4611686018427387904"})
        long value;

        ByteBuf buf;
        PayloadReader reader;

        @Setup(Level.Trial)
        public void setUp() {
            buf = ByteBufAllocator.DEFAULT.directBuffer(16);
            PayloadWriter.writeLengthEncodedInt(buf, value);
            // One reader over the buffer for the whole run: rewinding the index is enough.
            reader = new PayloadReader(buf);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            buf.release();
        }
    }

    /** Strings under 251 bytes (1-byte length), up to 64 KiB (3-byte) and beyond (4-byte). */
    @State(Scope.Thread)
    public static class StringState {
        @Param({"8", "300", "70000"})
        int length;

        byte[] value;
        ByteBuf buf;
        PayloadReader reader;

        @Setup(Level.Trial)
        public void setUp() {
            value = new byte[length];
            // ASCII so the String decode takes the common single-byte path.
            Arrays.fill(value, (byte) 'x');
            buf = ByteBufAllocator.DEFAULT.directBuffer(length + 9);
            PayloadWriter.writeLengthEncodedBytes(buf, value);
            reader = new PayloadReader(buf);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            buf.release();
        }
    }

    @Benchmark
    public int writeInt(IntState s) {
        s.buf.clear();
        PayloadWriter.writeLengthEncodedInt(s.buf, s.value);
        return s.buf.writerIndex();
    }

    @Benchmark
    public long readInt(IntState s) {
        s.buf.readerIndex(0);
        return s.reader.readLengthEncodedInt();
    }

    @Benchmark
    public int writeBytes(StringState s) {
        s.buf.clear();
        PayloadWriter.writeLengthEncodedBytes(s.buf, s.value);
        return s.buf.writerIndex();
    }

    @Benchmark
    public byte[] readBytes(StringState s) {
        s.buf.readerIndex(0);
        return s.reader.readLengthEncodedBytes();
    }

    @Benchmark
    public String readString(StringState s) {
        s.buf.readerIndex(0);
        return s.reader.readLengthEncodedString(StandardCharsets.UTF_8);
    }
}
