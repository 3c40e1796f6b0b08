package io.porpoise.wire.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FramingTest {
    private static final int MAX = PacketFrameDecoder.MAX_FRAME_PAYLOAD;
    private EmbeddedChannel channel;

    private EmbeddedChannel channel(long maxAllowed) {
        PacketFrameDecoder d = new PacketFrameDecoder(maxAllowed);
        d.commandPhase();
        channel = new EmbeddedChannel(d);
        return channel;
    }

    @AfterEach
    void noLeftovers() {
        if (channel != null) {
            assertFalse(channel.finish(), "nothing left in the pipeline");
        }
    }

    private static ByteBuf frames(int firstSeq, int... lengths) {
        ByteBuf b = Unpooled.buffer();
        int seq = firstSeq;
        for (int len : lengths) {
            b.writeMediumLE(len);
            b.writeByte(seq++);
            for (int i = 0; i < len; i++) {
                b.writeByte(i & 0x7F);
            }
        }
        return b;
    }

    @Test
    void decodesWhenFedByteByByte() {
        EmbeddedChannel ch = channel(1024);
        ByteBuf in = frames(0, 3);
        in.writeBytes(frames(0, 5));
        while (in.isReadable()) {
            ch.writeInbound(in.readRetainedSlice(1));
        }
        in.release();
        Packet a = ch.readInbound();
        Packet b = ch.readInbound();
        assertEquals(3, a.payload().readableBytes());
        assertEquals(5, b.payload().readableBytes());
        assertEquals(0, b.lastSequenceId());
        a.release();
        b.release();
        assertNull(ch.readInbound());
    }

    @Test
    void reassemblesPayloadsOfSixteenMebibytesAndMore() {
        EmbeddedChannel ch = channel(64L * 1024 * 1024);
        ch.writeInbound(frames(0, MAX, 10));
        Packet p = ch.readInbound();
        assertEquals(MAX + 10, p.payload().readableBytes());
        assertEquals(1, p.lastSequenceId());
        assertEquals(9, p.payload().getByte(MAX + 9));
        p.release();
        ch.writeInbound(frames(0, MAX, 0));
        Packet exact = ch.readInbound();
        assertEquals(MAX, exact.payload().readableBytes(), "a trailing empty frame ends an exact multiple");
        exact.release();
    }

    @Test
    void refusesPayloadsOverMaxAllowedBeforeBufferingThem() {
        EmbeddedChannel ch = channel(100);
        ByteBuf header = Unpooled.buffer().writeMediumLE(1000).writeByte(0);
        DecoderException e = assertThrows(DecoderException.class, () -> ch.writeInbound(header));
        FrameException fe = assertInstanceOf(FrameException.class, e.getCause());
        assertEquals(1153, fe.error().code());
        assertEquals(1, fe.nextSequenceId());
        ch.writeInbound(frames(0, 3));
        assertNull(ch.readInbound(), "input after the violation is discarded");
    }

    @Test
    void refusesOutOfOrderSequenceIds() {
        EmbeddedChannel ch = channel(1024);
        DecoderException e = assertThrows(DecoderException.class, () -> ch.writeInbound(frames(3, 1)));
        assertEquals(1156, ((FrameException) e.getCause()).error().code());
    }

    @Test
    void outputSplitsLargePayloadsWithConsecutiveSequenceIds() {
        PacketOutput out = new PacketOutput(ByteBufAllocator.DEFAULT, 5);
        out.begin().writeZero(MAX + 5);
        out.end();
        out.begin().writeZero(MAX);
        out.end();
        ByteBuf b = out.take();
        assertEquals(MAX, b.getUnsignedMediumLE(0));
        assertEquals(5, b.getUnsignedByte(3));
        int second = 4 + MAX;
        assertEquals(5, b.getUnsignedMediumLE(second));
        assertEquals(6, b.getUnsignedByte(second + 3));
        int third = second + 4 + 5;
        assertEquals(MAX, b.getUnsignedMediumLE(third));
        assertEquals(7, b.getUnsignedByte(third + 3));
        int fourth = third + 4 + MAX;
        assertEquals(0, b.getUnsignedMediumLE(fourth), "exact multiple ends with an empty frame");
        assertEquals(8, b.getUnsignedByte(fourth + 3));
        assertEquals(fourth + 4, b.readableBytes());
        assertEquals(9, out.nextSequenceId());
        b.release();
    }

    @Test
    void outputRoundTripsThroughTheDecoder() {
        PacketOutput out = new PacketOutput(ByteBufAllocator.DEFAULT, 0);
        out.begin().writeBytes(new byte[] {0x03, 'h', 'i'});
        out.end();
        EmbeddedChannel ch = channel(1024);
        ch.writeInbound(out.take());
        Packet p = ch.readInbound();
        assertEquals(3, p.payload().readableBytes());
        p.release();
    }

    @Test
    void singleDecodeLeavesWhatFollowsAnSslRequestForTheTlsHandler() {
        PacketFrameDecoder d = new PacketFrameDecoder(1024);
        d.expectSequenceId(1);
        d.setSingleDecode(true);
        channel = new EmbeddedChannel(d);
        ByteBuf in = frames(1, 32);
        byte[] clientHello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01};
        in.writeBytes(clientHello);
        channel.writeInbound(in);
        Packet sslRequest = channel.readInbound();
        assertEquals(32, sslRequest.payload().readableBytes());
        sslRequest.release();
        assertNull(channel.readInbound(), "the TLS bytes are not read as a packet");
        ByteBuf rest = d.takeBufferedBytes();
        assertEquals(Unpooled.wrappedBuffer(clientHello), rest);
        rest.release();
        assertEquals(0, d.takeBufferedBytes().readableBytes());
    }
}
