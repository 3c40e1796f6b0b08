package io.porpoise.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.ServerStatus;
import io.porpoise.wire.frame.PacketOutput;
import io.porpoise.wire.packet.ColumnDefinition41;
import io.porpoise.wire.packet.OkPacket;
import io.porpoise.wire.packet.TextRow;
import java.nio.charset.StandardCharsets;
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
 * The server's most frequent writes: the OK packet that ends every update and (with
 * CLIENT_DEPRECATE_EOF) every result set, a text result row, and a column definition.
 * OK packets and column definitions go into one reused buffer; rows go through
 * {@link PacketOutput} as the result writer does, including its buffer allocation, because
 * that allocation is part of what a row costs.
 *
 * <p>Not final, nor is the state: JMH generates subclasses of both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
        "-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class ResponseEncodeBenchmark {
    static final int BATCH_ROWS = 100;

    @State(Scope.Thread)
    public static class Responses {
        /** What Connector/J and MariaDB Connector/J typically end up with after the handshake. */
        final Capabilities caps = Capabilities.of(
                CapabilityFlag.CLIENT_PROTOCOL_41, CapabilityFlag.CLIENT_TRANSACTIONS,
                CapabilityFlag.CLIENT_SECURE_CONNECTION, CapabilityFlag.CLIENT_PLUGIN_AUTH,
                CapabilityFlag.CLIENT_MULTI_RESULTS, CapabilityFlag.CLIENT_SESSION_TRACK,
                CapabilityFlag.CLIENT_DEPRECATE_EOF);
        final OkPacket ok = new OkPacket(1, 0, ServerStatus.AUTOCOMMIT, 0, "");
        final OkPacket okWithInfo = new OkPacket(3, 0, ServerStatus.AUTOCOMMIT, 0,
                "Rows matched: 3  Changed: 3  Warnings: 0");
        /** utf8mb4_0900_ai_ci, VARCHAR(255) in bytes, MYSQL_TYPE_VAR_STRING. */
        final ColumnDefinition41 column = new ColumnDefinition41(
                "shop", "orders", "orders", "customer_name", "customer_name", 255, 1020, 0xFD, 0, 0);
        /** Ten columns: five short numbers as text, five 20-40 byte strings. */
        final byte[][] row = {
                ascii("42"), ascii("customer-000042@example.com"),
                ascii("7"), ascii("Rua das Flores 123, Lisboa"),
                ascii("1999"), ascii("2026-11-21 20:51:29.123456"),
                ascii("3.14"), ascii("a status text of thirty-eight bytes..."),
                ascii("100000"), ascii("PT50 0002 0123 1234 5678 9015 4"),
        };
        final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        ByteBuf buf;

        @Setup(Level.Trial)
        public void setUp() {
            buf = alloc.directBuffer(512);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            buf.release();
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Benchmark
    public int okPacket(Responses s) {
        s.buf.clear();
        s.ok.encode(s.buf, s.caps);
        return s.buf.writerIndex();
    }

    @Benchmark
    public int okPacketWithInfo(Responses s) {
        s.buf.clear();
        s.okWithInfo.encode(s.buf, s.caps);
        return s.buf.writerIndex();
    }

    @Benchmark
    public int columnDefinition(Responses s) {
        s.buf.clear();
        s.column.encode(s.buf, StandardCharsets.UTF_8);
        return s.buf.writerIndex();
    }

    /** One row as its own batch: PacketOutput allocates, frames, hands over; we release. */
    @Benchmark
    public int textRow(Responses s) {
        PacketOutput output = new PacketOutput(s.alloc, 1);
        TextRow.encode(output.begin(), s.row);
        output.end();
        ByteBuf framed = output.take();
        int length = framed.readableBytes();
        framed.release();
        return length;
    }

    /** A flush-per-batch write of 100 rows; the score is per row. */
    @Benchmark
    @OperationsPerInvocation(BATCH_ROWS)
    public int textRowBatched(Responses s) {
        PacketOutput output = new PacketOutput(s.alloc, 1);
        for (int i = 0; i < BATCH_ROWS; i++) {
            TextRow.encode(output.begin(), s.row);
            output.end();
        }
        ByteBuf framed = output.take();
        int length = framed.readableBytes();
        framed.release();
        return length;
    }
}
