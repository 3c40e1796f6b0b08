package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerStatus;
import io.porpoise.wire.StatusFlag;
import io.porpoise.wire.packet.OkPacket;
import io.porpoise.wire.packet.ErrPacket;
import io.porpoise.wire.packet.HandshakeResponse41;
import io.porpoise.wire.packet.HandshakeV10;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input on a raw socket: the server answers as MySQL does and stays healthy. */
class RawProtocolIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = ServerFixture.start(b -> b.maxAllowedPacket(64 * 1024));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** A bare-bones client: framing by hand, packets from the wire module. */
    static final class RawClient implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;
        int lastSeq;

        RawClient(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            // Without it Nagle and delayed ACKs add ~40 ms to a command that follows one with no answer.
            socket.setTcpNoDelay(true);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        byte[] read() throws IOException {
            byte[] h = new byte[4];
            in.readFully(h);
            int len = (h[0] & 0xFF) | (h[1] & 0xFF) << 8 | (h[2] & 0xFF) << 16;
            lastSeq = h[3] & 0xFF;
            byte[] p = new byte[len];
            in.readFully(p);
            return p;
        }

        boolean byteByByte;

        void write(int seq, byte[] payload) throws IOException {
            byte[] h = {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16), (byte) seq};
            if (byteByByte) {
                socket.setTcpNoDelay(true);
                for (byte b : h) {
                    out.write(b);
                    out.flush();
                }
                for (byte b : payload) {
                    out.write(b);
                    out.flush();
                }
                return;
            }
            byte[] packet = new byte[4 + payload.length];
            System.arraycopy(h, 0, packet, 0, 4);
            System.arraycopy(payload, 0, packet, 4, payload.length);
            out.write(packet);
            out.flush();
        }

        HandshakeV10 handshake() throws IOException {
            return HandshakeV10.decode(reader(read()));
        }

        void login() throws IOException {
            handshake();
            Capabilities caps = Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41, CapabilityFlag.CLIENT_SECURE_CONNECTION,
                    CapabilityFlag.CLIENT_PLUGIN_AUTH, CapabilityFlag.CLIENT_DEPRECATE_EOF, CapabilityFlag.CLIENT_TRANSACTIONS);
            ByteBuf b = Unpooled.buffer();
            new HandshakeResponse41(caps, 1 << 24, 255, "root", new byte[0], null, "caching_sha2_password", Map.of(), 0)
                    .encode(b, StandardCharsets.UTF_8);
            byte[] payload = new byte[b.readableBytes()];
            b.readBytes(payload);
            b.release();
            write(1, payload);
            byte[] ok = read();
            assertEquals(0, ok[0], "OK after login");
        }

        /** True when the server closed the connection. */
        boolean closedByServer() throws IOException {
            try {
                return in.read() < 0;
            } catch (EOFException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static PayloadReader reader(byte[] payload) {
        return new PayloadReader(Unpooled.wrappedBuffer(payload));
    }

    static ErrPacket err(byte[] payload) {
        assertEquals(0xFF, payload[0] & 0xFF, "an ERR packet");
        return ErrPacket.decode(reader(payload));
    }

    @Test
    void unknownCommandKeepsTheConnection() throws IOException {
        try (RawClient c = new RawClient(fx.port())) {
            c.login();
            c.write(0, new byte[] {0x55, 1, 2});
            ErrPacket e = err(c.read());
            assertEquals(1047, e.errorCode());
            assertEquals("08S01", e.sqlState());
            assertEquals(1, c.lastSeq);
            c.write(0, new byte[] {0x0E});
            assertEquals(0, c.read()[0], "COM_PING still answered");
        }
    }

    @Test
    void loginAndCommandsSentOneByteAtATime() throws IOException {
        try (RawClient c = new RawClient(fx.port())) {
            c.byteByByte = true;
            c.login();
            byte[] query = "SELECT @@version_comment".getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[query.length + 1];
            payload[0] = 0x03;
            System.arraycopy(query, 0, payload, 1, query.length);
            c.write(0, payload);
            assertEquals(1, c.read()[0], "one column");
            c.read();
            byte[] row = c.read();
            assertEquals("Porpoise", new String(row, 1, row[0], StandardCharsets.UTF_8));
            assertEquals(0xFE, c.read()[0] & 0xFF, "OK-as-EOF ends the result with CLIENT_DEPRECATE_EOF");
        }
    }

    static byte[] query(String sql) {
        byte[] text = sql.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[text.length + 1];
        payload[0] = 0x03;
        System.arraycopy(text, 0, payload, 1, text.length);
        return payload;
    }

    static ServerStatus okStatus(RawClient c, String sql) throws IOException {
        c.write(0, query(sql));
        byte[] p = c.read();
        assertEquals(0, p[0], sql + " answers OK");
        return OkPacket.decode(reader(p), Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41)).status();
    }

    @Test
    void okPacketsCarryTransactionAndAutocommitStatus() throws IOException {
        try (RawClient c = new RawClient(fx.port())) {
            c.login();
            assertEquals(ServerStatus.AUTOCOMMIT, okStatus(c, "CREATE DATABASE IF NOT EXISTS raw_tx"));
            assertEquals(ServerStatus.AUTOCOMMIT.with(StatusFlag.SERVER_STATUS_IN_TRANS), okStatus(c, "BEGIN"));
            assertEquals(ServerStatus.AUTOCOMMIT, okStatus(c, "COMMIT"));
            assertEquals(ServerStatus.NONE, okStatus(c, "SET autocommit = 0"));
            assertEquals(ServerStatus.NONE, okStatus(c, "CREATE TABLE raw_tx.t (id INT)"), "DDL commits implicitly");
            assertEquals(ServerStatus.of(StatusFlag.SERVER_STATUS_IN_TRANS), okStatus(c, "INSERT INTO raw_tx.t VALUES (1)"));
            assertEquals(ServerStatus.NONE, okStatus(c, "ROLLBACK"));
            assertEquals(ServerStatus.AUTOCOMMIT, okStatus(c, "SET autocommit = 1"));
        }
    }

    @Test
    void truncatedHandshakeResponseIsRefused() throws IOException {
        try (RawClient c = new RawClient(fx.port())) {
            c.handshake();
            c.write(1, new byte[] {(byte) 0x85, (byte) 0xA6, 0x03, 0x00, 0x00});
            ErrPacket e = err(c.read());
            assertEquals(1043, e.errorCode());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void lyingLengthInHandshakeResponseIsRefused() throws IOException {
        try (RawClient c = new RawClient(fx.port())) {
            c.handshake();
            byte[] p = new byte[32 + 5 + 3];
            long caps = CapabilityFlag.CLIENT_PROTOCOL_41.mask() | CapabilityFlag.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA.mask()
                    | CapabilityFlag.CLIENT_PLUGIN_AUTH.mask() | CapabilityFlag.CLIENT_SECURE_CONNECTION.mask();
            for (int i = 0; i < 4; i++) {
                p[i] = (byte) (caps >> (8 * i));
            }
            p[32] = 'r';
            p[33] = 'o';
            p[34] = 'o';
            p[35] = 't';
            p[36] = 0;
            p[37] = (byte) 0xFC; // auth response claims 0xFFFF bytes; 1 follows
            p[38] = (byte) 0xFF;
            p[39] = (byte) 0xFF;
            c.write(1, p);
            ErrPacket e = err(c.read());
            assertEquals(1043, e.errorCode());
            assertEquals("08S01", e.sqlState());
        }
    }

    @Test
    void oversizedPacketIsRefusedAndClosed() throws IOException {
        try (RawClient c = new RawClient(fx.port())) {
            c.login();
            byte[] query = new byte[100 * 1024];
            query[0] = 0x03;
            c.write(0, query);
            ErrPacket e = err(c.read());
            assertEquals(1153, e.errorCode());
            assertEquals("08S01", e.sqlState());
            assertTrue(c.closedByServer());
        }
        try (RawClient c = new RawClient(fx.port())) {
            c.login();
        }
    }

    @Test
    void outOfOrderSequenceIsRefusedAndClosed() throws IOException {
        try (RawClient c = new RawClient(fx.port())) {
            c.login();
            c.write(7, new byte[] {0x0E});
            ErrPacket e = err(c.read());
            assertEquals(1156, e.errorCode());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void emptyQueryAndMalformedCommandKeepTheConnection() throws IOException {
        try (RawClient c = new RawClient(fx.port())) {
            c.login();
            c.write(0, new byte[] {0x03});
            assertEquals(1065, err(c.read()).errorCode(), "ER_EMPTY_QUERY");
            c.write(0, new byte[0]);
            assertEquals(1835, err(c.read()).errorCode(), "ER_MALFORMED_PACKET for an empty command packet");
            c.write(0, new byte[] {0x0E});
            assertEquals(0, c.read()[0]);
        }
    }
}
