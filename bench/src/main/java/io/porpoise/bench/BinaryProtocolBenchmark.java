package io.porpoise.bench;

import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_BLOB;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_DATE;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_DATETIME;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_DOUBLE;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_LONG;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_LONGLONG;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_NEWDECIMAL;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_NULL;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_VAR_STRING;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.binary.BinaryParameters;
import io.porpoise.wire.binary.BinaryRow;
import io.porpoise.wire.binary.BinaryTypes;
import io.porpoise.wire.binary.ParameterTypes;
import io.porpoise.wire.packet.TextRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The binary protocol of prepared statements: one binary result row encoded by a
 * {@link BinaryRow} (built once, as per result set) from the Java values a backend hands over,
 * next to the text row of the same values already formatted as bytes; and the COM_STMT_EXECUTE
 * parameter section decoded by {@link BinaryParameters}, with the types sent (first execution)
 * and reused (flag 0, every later one).
 *
 * <p>Rows go into one reused buffer (rewound per call), so the scores are the codecs', not the
 * allocator's or {@code PacketOutput}'s. The parameter input is encoded once in setup with
 * {@link BinaryParameters#encode}, as a client would send it, and wrapped once; each call
 * rewinds it and reuses one {@link PayloadReader}, so the harness allocates nothing and the
 * bytes/op are the decoder's own.
 *
 * <p>Not final, nor are the states: JMH generates subclasses of both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
        "-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class BinaryProtocolBenchmark {

    /** A 10-column row, as Java values for the binary codec and as pre-formatted text. */
    @State(Scope.Thread)
    public static class Rows {
        static final String ASCII = "customer-042@example.com";
        /** Four 4-byte UTF-8 characters (surrogate pairs in Java) among ASCII: 24 bytes, 16 chars. */
        static final String UTF8_4 = "pod \uD83D\uDC2C\uD83D\uDC2C of \uD83D\uDC33\uD83D\uDC33";
        static final LocalDateTime DATETIME = LocalDateTime.of(2026, 11, 21, 20, 51, 29, 123_456_000);
        static final LocalDate DATE = LocalDate.of(2026, 11, 21);

        final int[] types = {MYSQL_TYPE_LONGLONG, MYSQL_TYPE_LONG, MYSQL_TYPE_DOUBLE, MYSQL_TYPE_NEWDECIMAL,
                MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_DATETIME, MYSQL_TYPE_DATE, MYSQL_TYPE_BLOB,
                MYSQL_TYPE_VAR_STRING};
        /** Column decimals: DECIMAL(12,2), DATETIME(6); 0 elsewhere, as the server reports integers, dates and strings. */
        final int[] decimals = {0, 0, BinaryTypes.NOT_FIXED_DECIMALS, 2, 0, 0, 6, 0, 0, 0};
        final byte[] blob = blob(64);
        /** What a backend's RowWriter passes: the DECIMAL already at the column's scale, the INT as an Integer. */
        final Object[] values = {4_200_000_000_042L, 1999, 3.14159, new BigDecimal("12345.67"), ASCII, UTF8_4, DATETIME, DATE,
                blob, null};
        /** The same values as the text protocol sends them, formatted beforehand (the server's cost, not TextRow's). */
        final byte[][] text = {ascii("4200000000042"), ascii("1999"), ascii("3.14159"), ascii("12345.67"), ascii(ASCII),
                UTF8_4.getBytes(StandardCharsets.UTF_8), ascii("2026-11-21 20:51:29.123456"), ascii("2026-11-21"), blob, null};

        BinaryRow row;
        ByteBuf buf;

        @Setup(Level.Trial)
        public void setUp() {
            row = BinaryRow.of(types, new boolean[types.length], decimals, StandardCharsets.UTF_8);
            buf = ByteBufAllocator.DEFAULT.directBuffer(512);
            check();
        }

        /** A value the codec rejected would measure the error path: encode once and decode it back. */
        private void check() {
            buf.clear();
            row.encode(buf, values);
            Object[] decoded = row.decode(new PayloadReader(buf));
            Object[] expected = values.clone();
            expected[1] = 1999L; // integers come back as Long
            if (!Arrays.deepEquals(decoded, expected)) {
                throw new IllegalStateException("binary row decoded: " + Arrays.deepToString(decoded) + " (expected: "
                        + Arrays.deepToString(expected) + ")");
            }
            buf.clear();
            TextRow.encode(buf, text);
            if (buf.readableBytes() != textLength()) {
                throw new IllegalStateException("text row: " + buf.readableBytes() + " bytes (expected: " + textLength() + ")");
            }
            buf.clear();
        }

        private int textLength() {
            int n = 0;
            for (byte[] v : text) {
                n += v == null ? 1 : 1 + v.length; // all values are under 251 bytes: 1-byte length
            }
            return n;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            int refs = buf.refCnt();
            buf.release(refs);
            if (refs != 1) {
                throw new IllegalStateException("row buffer refCnt: " + refs + " (expected: 1)");
            }
        }
    }

    /** An 8-parameter COM_STMT_EXECUTE section, encoded with and without the types. */
    @State(Scope.Thread)
    public static class Parameters {
        static final int COUNT = 8;

        final ParameterTypes types = ParameterTypes.of(
                new int[] {MYSQL_TYPE_LONGLONG, MYSQL_TYPE_LONG, MYSQL_TYPE_DOUBLE, MYSQL_TYPE_NEWDECIMAL,
                        MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_DATETIME, MYSQL_TYPE_BLOB, MYSQL_TYPE_NULL},
                new boolean[COUNT]);
        /** Decoded forms, as the reader returns them (the NULL as Connector/J's setNull sends it: type NULL, bit set). */
        final Object[] values = {4_200_000_000_042L, 1999L, 3.14159, new BigDecimal("12345.67"), "order-0000042-lisbon",
                Rows.DATETIME, blob(64), null};

        ByteBuf withTypes;
        ByteBuf reusedTypes;
        PayloadReader withTypesReader;
        PayloadReader reusedTypesReader;

        @Setup(Level.Trial)
        public void setUp() {
            withTypes = Unpooled.wrappedBuffer(encode(true));
            reusedTypes = Unpooled.wrappedBuffer(encode(false));
            withTypesReader = new PayloadReader(withTypes);
            reusedTypesReader = new PayloadReader(reusedTypes);
            check(withTypes, withTypesReader, null);
            check(reusedTypes, reusedTypesReader, types);
        }

        private byte[] encode(boolean sendTypes) {
            ByteBuf out = Unpooled.buffer(256);
            try {
                BinaryParameters.encode(out, types, sendTypes, values, StandardCharsets.UTF_8);
                return ByteBufUtil.getBytes(out);
            } finally {
                out.release();
            }
        }

        /** Decodes once: every value back, every byte consumed. */
        private void check(ByteBuf in, PayloadReader reader, ParameterTypes previous) {
            in.readerIndex(0);
            BinaryParameters p = BinaryParameters.decode(reader, COUNT, previous, StandardCharsets.UTF_8);
            for (int i = 0; i < COUNT; i++) {
                if (!Objects.deepEquals(p.value(i), values[i]) || p.isNull(i) != (values[i] == null)) {
                    throw new IllegalStateException("parameter " + i + ": " + p.value(i) + " (expected: " + values[i] + ")");
                }
            }
            if (!p.types().equals(types) || in.isReadable()) {
                throw new IllegalStateException("parameters: " + p.types() + ", " + in.readableBytes()
                        + " bytes left (expected: " + types + ", 0)");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            int withRefs = withTypes.refCnt();
            int reusedRefs = reusedTypes.refCnt();
            withTypes.release(withRefs);
            reusedTypes.release(reusedRefs);
            if (withRefs != 1 || reusedRefs != 1) {
                throw new IllegalStateException("parameter buffers refCnt: " + withRefs + ", " + reusedRefs + " (expected: 1, 1)");
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] blob(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 37);
        }
        return b;
    }

    @Benchmark
    public int binaryRowEncode(Rows s) {
        s.buf.clear();
        s.row.encode(s.buf, s.values);
        return s.buf.writerIndex();
    }

    /** The same row in the text protocol, values already formatted: excludes the server's formatting cost. */
    @Benchmark
    public int textRowEncode(Rows s) {
        s.buf.clear();
        TextRow.encode(s.buf, s.text);
        return s.buf.writerIndex();
    }

    /** First execution (new-params-bound-flag 1): the types are read and validated too. */
    @Benchmark
    public BinaryParameters parameterDecode(Parameters s) {
        s.withTypes.readerIndex(0);
        return BinaryParameters.decode(s.withTypesReader, Parameters.COUNT, null, StandardCharsets.UTF_8);
    }

    /** Later executions (flag 0): the types of the previous execution are reused. */
    @Benchmark
    public BinaryParameters parameterDecodeReusedTypes(Parameters s) {
        s.reusedTypes.readerIndex(0);
        return BinaryParameters.decode(s.reusedTypesReader, Parameters.COUNT, s.types, StandardCharsets.UTF_8);
    }
}
