package io.porpoise.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.porpoise.charset.Collation;
import io.porpoise.charset.Collations;
import io.porpoise.charset.InvalidCharacterStringException;
import io.porpoise.charset.Transcoding;
import io.porpoise.command.QueryText;
import io.porpoise.wire.packet.TextRow;
import java.nio.charset.Charset;
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
 * Transcoding on the query and result paths, per MySQL charset: decoding a COM_QUERY's text
 * with {@code character_set_client} ({@link QueryText}, strict, charset-aware), and encoding a
 * ten-column text row in {@code character_set_results} as the result writer does
 * ({@link Transcoding#encode} then {@link TextRow#encodeValue}).
 *
 * <p>{@code text}: {@code ascii} is the same ASCII text in every charset; {@code native} is
 * text in the charset's own script (Chinese for utf8mb4 and gbk, accented West European for
 * latin1), so multi-byte work shows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {
        "-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class TranscodingBenchmark {

    @State(Scope.Thread)
    public static class Texts {
        @Param({"utf8mb4", "gbk", "latin1"})
        String charset;

        @Param({"ascii", "native"})
        String text;

        Charset java;
        byte[] query;
        byte[] queryWithBinary;
        String[] row;
        ByteBuf buf;

        @Setup(Level.Trial)
        public void setUp() throws InvalidCharacterStringException {
            Collation c = Collations.defaultFor(charset).orElseThrow();
            java = c.charset();
            String word = text.equals("ascii") ? "customer name" : charset.equals("latin1") ? "crème brûlée" : "客户名称";
            String sql = "INSERT INTO orders (id, customer, street, note) VALUES (42, '" + word + " 42', '" + word
                    + " street 7', 'it''s " + word + " \\\\ done')";
            query = sql.getBytes(java);
            queryWithBinary = (sql.substring(0, sql.length() - 1) + ", _binary'\u0001\u0002')").getBytes(java);
            if (!QueryText.decode(query, java, charset).equals(sql)) {
                throw new IllegalStateException("query does not round-trip in " + charset);
            }
            row = new String[10];
            for (int i = 0; i < row.length; i++) {
                row[i] = i % 2 == 0 ? Integer.toString(1000 + i) : word + " " + i + " " + word;
            }
            buf = ByteBufAllocator.DEFAULT.directBuffer(4096);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            buf.release();
        }
    }

    /** The common case: the whole statement decodes strictly in one pass. */
    @Benchmark
    public String decodeQuery(Texts t) throws InvalidCharacterStringException {
        return QueryText.decode(t.query, t.java, t.charset);
    }

    /** An {@code _binary} literal forces the charset-aware scan that rewrites it as hex. */
    @Benchmark
    public String decodeQueryWithBinaryLiteral(Texts t) throws InvalidCharacterStringException {
        return QueryText.decode(t.queryWithBinary, t.java, t.charset);
    }

    /** One text row of ten values encoded in the results charset. */
    @Benchmark
    public int encodeTextRow(Texts t) {
        ByteBuf b = t.buf;
        b.clear();
        for (String v : t.row) {
            TextRow.encodeValue(b, Transcoding.encode(v, t.java));
        }
        return b.writerIndex();
    }
}
