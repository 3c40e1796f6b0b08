package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.Backend;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.SessionInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading makes the backend wait in {@code RowWriter.row} instead of the
 * server buffering the whole result; when the client reads again, every row arrives.
 */
class BackpressureIT {
    static final int ROWS = 200_000;
    static final String PAYLOAD = "x".repeat(1000);

    static final class CountingBackend implements Backend {
        final AtomicLong produced = new AtomicLong();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public BackendSession openSession(SessionInfo info) {
            return (sql, sink) -> {
                RowWriter rows = sink.columns(List.of(Column.of("n", ColumnType.LONGLONG), Column.of("pad", ColumnType.VAR_STRING)));
                for (long i = 0; i < ROWS; i++) {
                    rows.row(i, PAYLOAD);
                    produced.incrementAndGet();
                }
                rows.finish();
            };
        }
    }

    @Test
    void slowClientThrottlesTheProducer() throws Exception {
        CountingBackend backend = new CountingBackend();
        try (ServerFixture fx = ServerFixture.start(b -> b.backend(backend));
                RawProtocolIT.RawClient c = new RawProtocolIT.RawClient(fx.port())) {
            c.login();
            byte[] sql = "select rows".getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[sql.length + 1];
            payload[0] = 0x03;
            System.arraycopy(sql, 0, payload, 1, sql.length);
            c.write(0, payload);
            Thread.sleep(3000);
            long whileStalled = backend.produced.get();
            System.out.println("rows produced while the client was not reading: " + whileStalled + " of " + ROWS);
            assertTrue(whileStalled < 20_000, "rows produced while the client did not read: " + whileStalled);
            assertEquals(2, c.read()[0], "column count");
            c.read();
            c.read();
            int rows = 0;
            while (true) {
                byte[] p = c.read();
                if ((p[0] & 0xFF) == 0xFE && p.length < 9) {
                    break;
                }
                rows++;
            }
            assertEquals(ROWS, rows);
            assertEquals(ROWS, backend.produced.get());
        }
    }
}
