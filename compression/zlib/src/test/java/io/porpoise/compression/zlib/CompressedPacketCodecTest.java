package io.porpoise.compression.zlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.porpoise.compression.CompressedPacketCodec;
import io.porpoise.wire.frame.FrameException;
import io.porpoise.wire.frame.Packet;
import io.porpoise.wire.frame.PacketFrameDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compressed-packet layer with the zlib codec, byte for byte: the protocol page's example,
 * the 50-byte threshold, the 16 MiB boundary, packets spanning and sharing compressed packets,
 * sequence ids, and what a broken or hostile client gets.
 */
class CompressedPacketCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX = CompressedPacketCodec.MAX_PAYLOAD;
    private static final long MIB_64 = 64L * 1024 * 1024;
    /** COM_QUERY {@code select "012345678901234567890123456789012345"}, framed: the protocol page's example. */
    private static final String SPEC_PLAIN = "2e00000003" + HEX.formatHex("select \"012345678901234567890123456789012345\""
            .getBytes(StandardCharsets.US_ASCII));
    /** The same, compressed, as the page shows it. */
    private static final String SPEC_COMPRESSED = "220000" + "00" + "320000"
            + "789cd3636060602e4ecd494d2e515032303432363135" + "33b7b0c4cd5202000cd10a6c";
    private EmbeddedChannel channel;

    private EmbeddedChannel channel(long maxAllowedPacket) {
        channel = new EmbeddedChannel(new CompressedPacketCodec(new ZlibAlgorithm().newCodec(6), maxAllowedPacket));
        return channel;
    }

    /** The codec in front of the packet framing, as the server's pipeline has them. */
    private EmbeddedChannel withFraming(long maxAllowedPacket) {
        PacketFrameDecoder frames = new PacketFrameDecoder(maxAllowedPacket);
        frames.commandPhase();
        channel = new EmbeddedChannel(new CompressedPacketCodec(new ZlibAlgorithm().newCodec(6), maxAllowedPacket), frames);
        return channel;
    }

    @AfterEach
    void nothingLeftOver() {
        if (channel != null) {
            assertFalse(channel.finish(), "nothing left in the pipeline");
        }
    }

    private static ByteBuf hex(String s) {
        return Unpooled.wrappedBuffer(HEX.parseHex(s.replace(" ", "")));
    }

    private static String hex(ByteBuf b) {
        try {
            return ByteBufUtil.hexDump(b);
        } finally {
            b.release();
        }
    }

    private static byte[] deflate(byte[] plain) {
        Deflater d = new Deflater(6);
        d.setInput(plain);
        d.finish();
        byte[] out = new byte[plain.length + 64];
        int n = d.deflate(out);
        d.end();
        return java.util.Arrays.copyOf(out, n);
    }

    private static ByteBuf compressedPacket(int seq, byte[] plain) {
        byte[] z = deflate(plain);
        ByteBuf b = Unpooled.buffer();
        b.writeMediumLE(z.length).writeByte(seq).writeMediumLE(plain.length).writeBytes(z);
        return b;
    }

    private static ByteBuf storedPacket(int seq, byte[] plain) {
        ByteBuf b = Unpooled.buffer();
        b.writeMediumLE(plain.length).writeByte(seq).writeMediumLE(0).writeBytes(plain);
        return b;
    }

    /** MySQL packets (header + payload) laid out one after the other. */
    private static byte[] packets(int firstSeq, int... lengths) {
        ByteBuf b = Unpooled.buffer();
        int seq = firstSeq;
        for (int len : lengths) {
            b.writeMediumLE(len).writeByte(seq++);
            for (int i = 0; i < len; i++) {
                b.writeByte('a' + i % 26);
            }
        }
        byte[] out = ByteBufUtil.getBytes(b);
        b.release();
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static FrameException frameFailure(Throwable t) {
        assertInstanceOf(DecoderException.class, t);
        return assertInstanceOf(FrameException.class, t.getCause());
    }

    private ByteBuf inbound(EmbeddedChannel ch) {
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf b; (b = ch.readInbound()) != null; ) {
            all.writeBytes(b);
            b.release();
        }
        return all;
    }

    @Test
    void decodesTheProtocolPagesExample() {
        EmbeddedChannel ch = channel(MIB_64);
        ch.writeInbound(hex(SPEC_COMPRESSED));
        assertEquals(SPEC_PLAIN, hex(inbound(ch)));
    }

    @Test
    void encodesTheProtocolPagesExampleByteForByte() {
        EmbeddedChannel ch = channel(MIB_64);
        ch.writeOutbound(hex(SPEC_PLAIN));
        assertEquals(SPEC_COMPRESSED, hex((ByteBuf) ch.readOutbound()));
    }

    @Test
    void slicesUnderFiftyBytesAreSentAsTheyAre() {
        EmbeddedChannel ch = channel(MIB_64);
        byte[] zeros49 = new byte[49];
        ch.writeOutbound(Unpooled.wrappedBuffer(zeros49));
        assertEquals("310000" + "00" + "000000" + "00".repeat(49), hex((ByteBuf) ch.readOutbound()));

        byte[] zeros50 = new byte[50];
        ch.writeOutbound(Unpooled.wrappedBuffer(zeros50));
        byte[] z50 = deflate(zeros50);
        assertEquals(String.format("%02x0000", z50.length) + "01" + "320000" + HEX.formatHex(z50), hex((ByteBuf) ch.readOutbound()),
                "50 bytes are compressed (MIN_COMPRESS_LENGTH)");

        byte[] zeros51 = new byte[51];
        ch.writeOutbound(Unpooled.wrappedBuffer(zeros51));
        byte[] z51 = deflate(zeros51);
        assertEquals(String.format("%02x0000", z51.length) + "02" + "330000" + HEX.formatHex(z51), hex((ByteBuf) ch.readOutbound()));
    }

    @Test
    void slicesThatDoNotShrinkAreSentAsTheyAre() {
        EmbeddedChannel ch = channel(MIB_64);
        byte[] noise = new byte[50];
        new Random(7).nextBytes(noise);
        assertTrue(deflate(noise).length >= 50, "random bytes do not shrink");
        ch.writeOutbound(Unpooled.wrappedBuffer(noise));
        assertEquals("320000" + "00" + "000000" + HEX.formatHex(noise), hex((ByteBuf) ch.readOutbound()));
    }

    @Test
    void splitsAtSixteenMebibytes() {
        EmbeddedChannel ch = channel(MIB_64);
        byte[] exact = new byte[MAX];
        ch.writeOutbound(Unpooled.wrappedBuffer(exact));
        ByteBuf one = ch.readOutbound();
        assertEquals(MAX, one.getUnsignedMediumLE(4), "0xFFFFFF bytes fit one compressed packet");
        assertEquals(0, one.getUnsignedByte(3));
        assertEquals(one.readableBytes() - 7, one.getUnsignedMediumLE(0));
        one.release();

        EmbeddedChannel fresh = new EmbeddedChannel(new CompressedPacketCodec(new ZlibAlgorithm().newCodec(6), MIB_64));
        byte[] more = new byte[MAX + 1];
        more[MAX] = 42;
        fresh.writeOutbound(Unpooled.wrappedBuffer(more));
        ByteBuf two = fresh.readOutbound();
        assertFalse(fresh.finish());
        int first = two.getUnsignedMediumLE(0);
        assertEquals(0, two.getUnsignedByte(3));
        assertEquals(MAX, two.getUnsignedMediumLE(4));
        int second = 7 + first;
        assertEquals("010000" + "01" + "000000" + "2a", ByteBufUtil.hexDump(two, second, two.readableBytes() - second),
                "the last byte goes in a second compressed packet, as is");
        // And back: the receiving side gets the same bytes.
        EmbeddedChannel back = new EmbeddedChannel(new CompressedPacketCodec(new ZlibAlgorithm().newCodec(6), MIB_64));
        back.writeInbound(two);
        ByteBuf plain = inbound(back);
        assertEquals(MAX + 1, plain.readableBytes());
        assertEquals(42, plain.getByte(MAX));
        plain.release();
        assertFalse(back.finish());
    }

    @Test
    void decodesCompressedPacketsOfSixteenMebibytes() {
        EmbeddedChannel ch = withFraming(MIB_64);
        // A 20 MB payload framed as MySQL packets (0xFFFFFF + rest), then cut in compressed packets of at most 0xFFFFFF.
        byte[] plain = packets(0, MAX, 20_000_000 - MAX);
        ch.writeInbound(compressedPacket(0, java.util.Arrays.copyOfRange(plain, 0, MAX)));
        ch.writeInbound(compressedPacket(1, java.util.Arrays.copyOfRange(plain, MAX, plain.length)));
        Packet p = ch.readInbound();
        assertEquals(20_000_000, p.payload().readableBytes());
        assertEquals(1, p.lastSequenceId());
        p.release();
    }

    /** libmariadb's {@code ma_net_write_command} puts 0 in every packet of a compressed command. */
    @Test
    void packetSequenceIdsAreNotCheckedInsideTheCompressedProtocol() {
        PacketFrameDecoder frames = new PacketFrameDecoder(MIB_64);
        frames.commandPhase();
        frames.compressed();
        channel = new EmbeddedChannel(new CompressedPacketCodec(new ZlibAlgorithm().newCodec(6), MIB_64), frames);
        // A 0xFFFFFF part and a 10-byte part, both with packet sequence id 0, cut into compressed packets of 0xFFFFFF.
        byte[] stream = concat(packets(0, MAX), packets(0, 10));
        channel.writeInbound(compressedPacket(0, java.util.Arrays.copyOfRange(stream, 0, MAX)));
        channel.writeInbound(compressedPacket(1, java.util.Arrays.copyOfRange(stream, MAX, stream.length)));
        Packet p = channel.readInbound();
        assertEquals(MAX + 10, p.payload().readableBytes());
        p.release();
    }

    @Test
    void oneCompressedPacketCarriesSeveralPackets() {
        EmbeddedChannel ch = withFraming(MIB_64);
        byte[] three = new byte[0];
        for (int len : new int[] {60, 3, 100}) {
            three = concat(three, packets(0, len));
        }
        ch.writeInbound(compressedPacket(0, three));
        for (int len : new int[] {60, 3, 100}) {
            Packet p = ch.readInbound();
            assertEquals(len, p.payload().readableBytes());
            p.release();
        }
        assertNull(ch.readInbound());
    }

    @Test
    void onePacketSpansSeveralCompressedPackets() {
        EmbeddedChannel ch = withFraming(MIB_64);
        byte[] plain = packets(0, 500);
        ch.writeInbound(compressedPacket(0, java.util.Arrays.copyOfRange(plain, 0, 2)));
        ch.writeInbound(storedPacket(1, java.util.Arrays.copyOfRange(plain, 2, 130)));
        assertNull(ch.readInbound(), "the header is split: nothing yet");
        ch.writeInbound(compressedPacket(2, java.util.Arrays.copyOfRange(plain, 130, plain.length)));
        Packet p = ch.readInbound();
        assertEquals(500, p.payload().readableBytes());
        assertEquals('a' + 499 % 26, p.payload().getByte(499));
        p.release();
    }

    @Test
    void decodesWhenFedByteByByte() {
        EmbeddedChannel ch = withFraming(MIB_64);
        ByteBuf in = compressedPacket(0, packets(0, 200));
        in.writeBytes(storedPacket(0, packets(0, 5)));
        while (in.isReadable()) {
            ch.writeInbound(in.readRetainedSlice(1));
        }
        in.release();
        Packet a = ch.readInbound();
        Packet b = ch.readInbound();
        assertEquals(200, a.payload().readableBytes());
        assertEquals(5, b.payload().readableBytes());
        a.release();
        b.release();
    }

    @Test
    void theAnswerContinuesTheCompressedSequenceOfItsCommand() {
        EmbeddedChannel ch = channel(MIB_64);
        ch.writeInbound(storedPacket(0, packets(0, 1)), storedPacket(1, packets(1, 1)), storedPacket(2, packets(2, 1)));
        inbound(ch).release();
        ch.writeOutbound(Unpooled.wrappedBuffer(packets(1, 7)));
        ch.writeOutbound(Unpooled.wrappedBuffer(packets(2, 7)));
        ByteBuf first = ch.readOutbound();
        assertEquals(3, first.getUnsignedByte(3), "the client's last compressed sequence id plus one");
        first.release();
        ByteBuf second = ch.readOutbound();
        assertEquals(4, second.getUnsignedByte(3), "counts on across writes of one answer");
        second.release();
        // The next command starts again at 0, so its answer starts at 1.
        ch.writeInbound(storedPacket(0, packets(0, 1)));
        inbound(ch).release();
        ch.writeOutbound(Unpooled.wrappedBuffer(packets(1, 7)));
        ByteBuf next = ch.readOutbound();
        assertEquals(1, next.getUnsignedByte(3));
        next.release();
    }

    @Test
    void outOfOrderCompressedSequenceIsRefused() {
        EmbeddedChannel ch = channel(MIB_64);
        ch.writeInbound(storedPacket(0, packets(0, 1)));
        inbound(ch).release();
        FrameException e = frameFailure(assertThrows(DecoderException.class, () -> ch.writeInbound(storedPacket(5, packets(1, 1)))));
        assertEquals(1156, e.error().code());
        assertEquals("08S01", e.error().sqlState());
        assertEquals(6, e.nextSequenceId());
        ch.writeInbound(storedPacket(0, packets(0, 1)));
        assertNull(ch.readInbound(), "after a failure everything is discarded");
    }

    @Test
    void lengthMismatchAfterInflateIsAnUncompressError() {
        EmbeddedChannel ch = channel(MIB_64);
        byte[] plain = packets(0, 96);
        byte[] z = deflate(plain);
        ByteBuf shorter = Unpooled.buffer().writeMediumLE(z.length).writeByte(0).writeMediumLE(plain.length + 1).writeBytes(z);
        FrameException e = frameFailure(assertThrows(DecoderException.class, () -> ch.writeInbound(shorter)));
        assertEquals(1157, e.error().code(), e.getMessage());
        assertEquals("08S01", e.error().sqlState());

        EmbeddedChannel ch2 = new EmbeddedChannel(new CompressedPacketCodec(new ZlibAlgorithm().newCodec(6), MIB_64));
        ByteBuf longer = Unpooled.buffer().writeMediumLE(z.length).writeByte(0).writeMediumLE(plain.length - 1).writeBytes(z);
        FrameException e2 = frameFailure(assertThrows(DecoderException.class, () -> ch2.writeInbound(longer)));
        assertEquals(1157, e2.error().code(), e2.getMessage());
        assertFalse(ch2.finish());
    }

    @Test
    void corruptDeflateStreamIsAnUncompressError() {
        EmbeddedChannel ch = channel(MIB_64);
        byte[] z = deflate(packets(0, 96));
        z[5] ^= 0x55;
        z[6] ^= 0x55;
        ByteBuf bad = Unpooled.buffer().writeMediumLE(z.length).writeByte(0).writeMediumLE(100).writeBytes(z);
        FrameException e = frameFailure(assertThrows(DecoderException.class, () -> ch.writeInbound(bad)));
        assertEquals(1157, e.error().code(), e.getMessage());

        EmbeddedChannel ch2 = new EmbeddedChannel(new CompressedPacketCodec(new ZlibAlgorithm().newCodec(6), MIB_64));
        ByteBuf garbage = Unpooled.buffer().writeMediumLE(60).writeByte(0).writeMediumLE(100).writeZero(60);
        FrameException e2 = frameFailure(assertThrows(DecoderException.class, () -> ch2.writeInbound(garbage)));
        assertEquals(1157, e2.error().code(), e2.getMessage());
        assertFalse(ch2.finish());
    }

    @Test
    void declaredLengthAboveMaxAllowedPacketIsRefusedFromTheHeader() {
        EmbeddedChannel ch = channel(1024 * 1024);
        // Only the header: the refusal does not wait for (or buffer) the 16 MiB it announces.
        ByteBuf header = Unpooled.buffer().writeMediumLE(40).writeByte(0).writeMediumLE(MAX);
        FrameException e = frameFailure(assertThrows(DecoderException.class, () -> ch.writeInbound(header)));
        assertEquals(1153, e.error().code());
        assertEquals("08S01", e.error().sqlState());

        EmbeddedChannel ch2 = new EmbeddedChannel(new CompressedPacketCodec(new ZlibAlgorithm().newCodec(6), 1024 * 1024));
        ByteBuf stored = Unpooled.buffer().writeMediumLE(1024 * 1024 + 5).writeByte(0).writeMediumLE(0);
        FrameException e2 = frameFailure(assertThrows(DecoderException.class, () -> ch2.writeInbound(stored)));
        assertEquals(1153, e2.error().code());
        assertFalse(ch2.finish());
    }

    @Test
    void compressionBombStopsAtTheDeclaredLength() {
        EmbeddedChannel ch = channel(MIB_64);
        byte[] bomb = deflate(new byte[32 * 1024 * 1024]);
        assertTrue(bomb.length < 64 * 1024, "32 MiB of zeros deflate to " + bomb.length + " bytes");
        ByteBuf in = Unpooled.buffer().writeMediumLE(bomb.length).writeByte(0).writeMediumLE(1000).writeBytes(bomb);
        FrameException e = frameFailure(assertThrows(DecoderException.class, () -> ch.writeInbound(in)));
        assertEquals(1157, e.error().code(), e.getMessage());
    }

    @Test
    void maxAllowedPacketStillHoldsForTheDecompressedPackets() {
        EmbeddedChannel ch = withFraming(1024);
        // Each compressed packet is small, but together they carry one 3000-byte MySQL packet.
        byte[] plain = packets(0, 3000);
        FrameException e = frameFailure(assertThrows(DecoderException.class,
                () -> ch.writeInbound(compressedPacket(0, java.util.Arrays.copyOfRange(plain, 0, 900)))));
        assertEquals(1153, e.error().code());
    }

    @Test
    void roundTripsThroughAPeer() {
        EmbeddedChannel server = channel(MIB_64);
        EmbeddedChannel client = new EmbeddedChannel(new CompressedPacketCodec(new ZlibAlgorithm().newCodec(6), MIB_64));
        byte[] batch = packets(1, 10, 300, 70_000, 2);
        server.writeOutbound(Unpooled.wrappedBuffer(batch));
        for (ByteBuf b; (b = server.readOutbound()) != null; ) {
            client.writeInbound(b);
        }
        ByteBuf got = inbound(client);
        assertArrayEquals(batch, ByteBufUtil.getBytes(got));
        got.release();
        assertFalse(client.finish());
    }
}
