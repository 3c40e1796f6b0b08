package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.packet.ErrPacket;
import io.porpoise.wire.packet.HandshakeResponse41;
import io.porpoise.wire.packet.HandshakeV10;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compressed protocol byte by byte over a real socket: what the server offers, the first
 * compressed exchange, and what a hostile client gets (compressed ERR, then the connection closes).
 */
class RawCompressionIT {
    static ServerFixture fx;

    @BeforeAll
    static void start() {
        fx = ServerFixture.start(b -> b.maxAllowedPacket(1024 * 1024));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** Logs in as root with the given extra capabilities; the OK comes uncompressed. */
    static RawProtocolIT.RawClient login(int zstdLevel, CapabilityFlag... compression) throws IOException {
        RawProtocolIT.RawClient c = new RawProtocolIT.RawClient(fx.port());
        HandshakeV10 hello = c.handshake();
        assertTrue(hello.capabilities().has(CapabilityFlag.CLIENT_COMPRESS), "zlib offered");
        assertTrue(hello.capabilities().has(CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM), "zstd offered");
        Capabilities caps = Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41, CapabilityFlag.CLIENT_SECURE_CONNECTION,
                CapabilityFlag.CLIENT_PLUGIN_AUTH, CapabilityFlag.CLIENT_DEPRECATE_EOF, CapabilityFlag.CLIENT_TRANSACTIONS);
        for (CapabilityFlag f : compression) {
            caps = caps.with(f);
        }
        ByteBuf b = Unpooled.buffer();
        new HandshakeResponse41(caps, 1 << 24, 255, "root", new byte[0], null, "caching_sha2_password", Map.of(), zstdLevel)
                .encode(b, StandardCharsets.UTF_8);
        byte[] payload = new byte[b.readableBytes()];
        b.readBytes(payload);
        b.release();
        c.write(1, payload);
        return c;
    }

    static byte[] readCompressed(RawProtocolIT.RawClient c, int expectedSeq) throws IOException {
        byte[] h = new byte[7];
        c.in.readFully(h);
        int length = (h[0] & 0xFF) | (h[1] & 0xFF) << 8 | (h[2] & 0xFF) << 16;
        assertEquals(expectedSeq, h[3] & 0xFF, "compressed sequence id");
        int uncompressed = (h[4] & 0xFF) | (h[5] & 0xFF) << 8 | (h[6] & 0xFF) << 16;
        byte[] body = new byte[length];
        c.in.readFully(body);
        if (uncompressed == 0) {
            return body;
        }
        Inflater inflater = new Inflater();
        inflater.setInput(body);
        byte[] plain = new byte[uncompressed];
        try {
            assertEquals(uncompressed, inflater.inflate(plain));
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(e);
        } finally {
            inflater.end();
        }
        return plain;
    }

    static void writeRaw(RawProtocolIT.RawClient c, byte[] bytes) throws IOException {
        c.out.write(bytes);
        c.out.flush();
    }

    static byte[] deflate(byte[] plain) {
        Deflater d = new Deflater();
        d.setInput(plain);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[65536];
        while (!d.finished()) {
            out.write(chunk, 0, d.deflate(chunk));
        }
        d.end();
        return out.toByteArray();
    }

    @Test
    void compressionStartsAfterTheLoginOk() throws IOException {
        try (RawProtocolIT.RawClient c = login(0, CapabilityFlag.CLIENT_COMPRESS)) {
            assertEquals(0, c.read()[0], "the OK that ends the login is not compressed");
            // COM_PING, stored: 7-byte header (length 5, seq 0, uncompressed 0), then the packet.
            writeRaw(c, HexFormat.of().parseHex("050000" + "00" + "000000" + "01000000" + "0e"));
            byte[] answer = readCompressed(c, 1);
            assertEquals("0700000100000002000000", HexFormat.of().formatHex(answer), "OK, packet sequence id 1, sent as is");
            // A query whose result is large enough to be compressed.
            byte[] query = ("\u0003SELECT REPEAT('porpoise', 100)").getBytes(StandardCharsets.US_ASCII);
            ByteBuf q = Unpooled.buffer().writeMediumLE(query.length).writeByte(0).writeBytes(query);
            byte[] plain = new byte[q.readableBytes()];
            q.readBytes(plain);
            q.release();
            byte[] z = deflate(plain);
            ByteBuf frame = Unpooled.buffer().writeMediumLE(z.length).writeByte(0).writeMediumLE(plain.length).writeBytes(z);
            byte[] wire = new byte[frame.readableBytes()];
            frame.readBytes(wire);
            frame.release();
            writeRaw(c, wire);
            byte[] result = readCompressed(c, 1);
            String text = new String(result, StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("porpoise".repeat(100)), "the row arrived compressed");
        }
    }

    @Test
    void compressionBombGetsUncompressErrorAndClose() throws IOException {
        try (RawProtocolIT.RawClient c = login(0, CapabilityFlag.CLIENT_COMPRESS)) {
            assertEquals(0, c.read()[0]);
            byte[] bomb = deflate(new byte[32 * 1024 * 1024]);
            ByteBuf frame = Unpooled.buffer().writeMediumLE(bomb.length).writeByte(0).writeMediumLE(1000).writeBytes(bomb);
            byte[] wire = new byte[frame.readableBytes()];
            frame.readBytes(wire);
            frame.release();
            writeRaw(c, wire);
            ErrPacket e = RawProtocolIT.err(stripHeader(readCompressed(c, 1)));
            assertEquals(1157, e.errorCode());
            assertEquals("08S01", e.sqlState());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void declaredLengthAboveMaxAllowedPacketGetsPacketTooLargeAndClose() throws IOException {
        try (RawProtocolIT.RawClient c = login(0, CapabilityFlag.CLIENT_COMPRESS)) {
            assertEquals(0, c.read()[0]);
            // Only a header announcing 16 MiB: refused without waiting for the bytes.
            writeRaw(c, HexFormat.of().parseHex("100000" + "00" + "ffffff"));
            ErrPacket e = RawProtocolIT.err(stripHeader(readCompressed(c, 1)));
            assertEquals(1153, e.errorCode());
            assertEquals("08S01", e.sqlState());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void zstdLevelOutsideOneToTwentyTwoIsRefused() throws IOException {
        try (RawProtocolIT.RawClient c = login(0, CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM)) {
            ErrPacket e = RawProtocolIT.err(c.read());
            assertEquals(3923, e.errorCode());
            assertEquals("Invalid zstd compression level for algorithm 'zstd'.", e.message());
            assertTrue(c.closedByServer());
        }
        try (RawProtocolIT.RawClient c = login(5, CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM)) {
            assertEquals(0, c.read()[0], "level 5 is fine");
        }
    }

    static byte[] stripHeader(byte[] packet) {
        byte[] payload = new byte[packet.length - 4];
        System.arraycopy(packet, 4, payload, 0, payload.length);
        assertArrayEquals(new byte[] {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16)},
                new byte[] {packet[0], packet[1], packet[2]});
        return payload;
    }
}
