package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import io.porpoise.wire.ServerStatus;
import io.porpoise.wire.StatusFlag;
import io.porpoise.wire.binary.BinaryParameters;
import io.porpoise.wire.binary.BinaryTypes;
import io.porpoise.wire.binary.ParameterTypes;
import io.porpoise.wire.packet.ErrPacket;
import io.porpoise.wire.packet.OkPacket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** COM_STMT_* byte by byte: prepare, cursor execute, fetch batches, reset, close, and their errors. */
class RawPreparedIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }

    /** COM_STMT_PREPARE; returns statement id, columns, params after reading the definitions. */
    static long[] prepare(RawProtocolIT.RawClient c, String sql) throws IOException {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[text.length + 1];
        p[0] = 0x16;
        System.arraycopy(text, 0, p, 1, text.length);
        c.write(0, p);
        byte[] ok = c.read();
        assertEquals(0, ok[0], "COM_STMT_PREPARE_OK");
        PayloadReader r = RawProtocolIT.reader(ok);
        r.readInt1();
        long id = r.readInt4();
        int columns = r.readInt2();
        int params = r.readInt2();
        for (int i = 0; i < params + columns; i++) {
            c.read();
        }
        return new long[] {id, columns, params};
    }

    static byte[] execute(long id, int flags, Object... values) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x17);
        PayloadWriter.writeInt4(b, id);
        b.writeByte(flags);
        PayloadWriter.writeInt4(b, 1);
        if (values.length > 0) {
            int[] types = new int[values.length];
            java.util.Arrays.fill(types, BinaryTypes.MYSQL_TYPE_LONGLONG);
            BinaryParameters.encode(b, ParameterTypes.of(types, new boolean[values.length]), true, values, StandardCharsets.UTF_8);
        }
        return bytes(b);
    }

    static byte[] fetch(long id, int rows) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0x1C);
        PayloadWriter.writeInt4(b, id);
        PayloadWriter.writeInt4(b, rows);
        return bytes(b);
    }

    static ServerStatus terminator(byte[] p) {
        assertEquals(0xFE, p[0] & 0xFF);
        return OkPacket.decode(RawProtocolIT.reader(p), Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41)).status();
    }

    @Test
    void cursorExecuteThenFetchInBatches() throws IOException {
        try (RawProtocolIT.RawClient c = new RawProtocolIT.RawClient(fx.port())) {
            c.login();
            long[] st = prepare(c, "SELECT X FROM SYSTEM_RANGE(1, ?)");
            assertEquals(1, st[1], "one column known at prepare");
            assertEquals(1, st[2], "one parameter");
            c.write(0, execute(st[0], 0x01, 5L));
            assertEquals(1, c.read()[0], "column count");
            c.read();
            byte[] eof = c.read();
            assertEquals(5, eof.length, "a classic EOF even with CLIENT_DEPRECATE_EOF");
            assertTrue(ServerStatus.fromMask((eof[3] & 0xFF) | (eof[4] & 0xFF) << 8).has(StatusFlag.SERVER_STATUS_CURSOR_EXISTS));
            c.write(0, fetch(st[0], 2));
            assertEquals(0, c.read()[0], "binary row");
            assertEquals(0, c.read()[0], "binary row");
            assertTrue(terminator(c.read()).has(StatusFlag.SERVER_STATUS_CURSOR_EXISTS));
            c.write(0, fetch(st[0], 3));
            for (int i = 0; i < 3; i++) {
                assertEquals(0, c.read()[0]);
            }
            ServerStatus last = terminator(c.read());
            assertTrue(last.has(StatusFlag.SERVER_STATUS_LAST_ROW_SENT), last.toString());
            c.write(0, fetch(st[0], 1));
            assertEquals(1421, RawProtocolIT.err(c.read()).errorCode(), "cursor closed after the last row");
            c.write(0, new byte[] {0x1A, (byte) st[0], 0, 0, 0});
            assertEquals(0, c.read()[0], "COM_STMT_RESET answers OK");
            c.write(0, new byte[] {0x19, (byte) st[0], 0, 0, 0});
            c.write(0, new byte[] {0x0E});
            assertEquals(0, c.read()[0], "COM_STMT_CLOSE has no answer; the next command's OK comes first");
            c.write(0, execute(st[0], 0));
            ErrPacket e = RawProtocolIT.err(c.read());
            assertEquals(1243, e.errorCode());
            assertEquals("HY000", e.sqlState());
        }
    }

    @Test
    void preparedStatementLimitAndNoLeakAcrossCycles() throws IOException {
        try (RawProtocolIT.RawClient c = new RawProtocolIT.RawClient(fx.port())) {
            c.login();
            for (int i = 0; i < 20_000; i++) {
                long[] st = prepare(c, "SELECT X FROM SYSTEM_RANGE(1, ?)");
                c.write(0, new byte[] {0x19, (byte) st[0], (byte) (st[0] >> 8), (byte) (st[0] >> 16), (byte) (st[0] >> 24)});
            }
            assertEquals(ServerStatus.AUTOCOMMIT, RawProtocolIT.okStatus(c, "SET GLOBAL max_prepared_stmt_count = 2"));
            try {
                prepare(c, "SELECT 1 FROM SYSTEM_RANGE(1, 1)");
                long[] second = prepare(c, "SELECT 2 FROM SYSTEM_RANGE(1, 1)");
                c.write(0, new byte[] {0x16, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '3'});
                ErrPacket e = RawProtocolIT.err(c.read());
                assertEquals(1461, e.errorCode(), "the third statement is over the limit: nothing leaked from 20,000 cycles");
                assertEquals("42000", e.sqlState());
                c.write(0, new byte[] {0x19, (byte) second[0], (byte) (second[0] >> 8), (byte) (second[0] >> 16), (byte) (second[0] >> 24)});
                prepare(c, "SELECT 3 FROM SYSTEM_RANGE(1, 1)");
            } finally {
                RawProtocolIT.okStatus(c, "SET GLOBAL max_prepared_stmt_count = 16382");
            }
        }
    }

    @Test
    void resetConnectionClosesStatementsAndClearsSessionState() throws IOException {
        try (RawProtocolIT.RawClient c = new RawProtocolIT.RawClient(fx.port())) {
            c.login();
            long[] st = prepare(c, "SELECT X FROM SYSTEM_RANGE(1, ?)");
            RawProtocolIT.okStatus(c, "SET @kept = 'x', sql_mode = 'ANSI_QUOTES'");
            assertEquals(ServerStatus.NONE, RawProtocolIT.okStatus(c, "SET autocommit = 0"));
            c.write(0, new byte[] {0x1F});
            byte[] ok = c.read();
            assertEquals(0, ok[0], "COM_RESET_CONNECTION answers OK");
            c.write(0, execute(st[0], 0, 1L));
            assertEquals(1243, RawProtocolIT.err(c.read()).errorCode(), "statements are closed");
            c.write(0, RawProtocolIT.query("SELECT @kept, @@sql_mode, @@autocommit"));
            assertEquals(3, c.read()[0]);
            c.read();
            c.read();
            c.read();
            byte[] row = c.read();
            assertEquals((byte) 0xFB, row[0], "user variable cleared");
        }
    }

    @Test
    void malformedExecuteIsWrongArguments() throws IOException {
        try (RawProtocolIT.RawClient c = new RawProtocolIT.RawClient(fx.port())) {
            c.login();
            long[] st = prepare(c, "SELECT X FROM SYSTEM_RANGE(1, ?)");
            byte[] noTypes = {0x17, (byte) st[0], 0, 0, 0, 0, 1, 0, 0, 0, 0, 0};
            c.write(0, noTypes);
            assertEquals(1210, RawProtocolIT.err(c.read()).errorCode(), "first execution without types");
            byte[] iterations = execute(st[0], 0, 1L);
            iterations[6] = 2;
            c.write(0, iterations);
            assertEquals(1210, RawProtocolIT.err(c.read()).errorCode(), "iteration count 2");
            c.write(0, execute(st[0], 0, 2L));
            assertEquals(1, c.read()[0], "still usable: a result with one column");
        }
    }
}
