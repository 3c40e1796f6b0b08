package io.porpoise.compression.zstd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.porpoise.compression.CompressedPacketCodec;
import io.porpoise.compression.CompressionCodec;
import io.porpoise.compression.DecompressionException;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.frame.FrameException;
import io.porpoise.wire.packet.HandshakeResponse41;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** zstd-jni behind the codec SPI: frames other zstd implementations read, bounds, levels, buffer kinds. */
class ZstdCodecTest {
    private static final long MIB_64 = 64L * 1024 * 1024;

    private static byte[] rows(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("row ").append(i).append(",porpoise,").append(i * 31 % 1000).append(",2024-05-06 07:08:09\n");
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void compressesToStandardFramesAtTheClientsLevel() {
        ZstdAlgorithm zstd = new ZstdAlgorithm();
        HandshakeResponse41 r = new HandshakeResponse41(Capabilities.of(CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM), 0, 255,
                "u", new byte[0], null, "", Map.of(), 19);
        assertEquals(19, zstd.level(r));
        assertTrue(zstd.isValidLevel(1) && zstd.isValidLevel(22));
        assertFalse(zstd.isValidLevel(0) || zstd.isValidLevel(23));
        byte[] plain = rows(2000);
        for (boolean direct : new boolean[] {true, false}) {
            try (CompressionCodec c = zstd.newCodec(19)) {
                ByteBuf in = direct ? Unpooled.directBuffer().writeBytes(plain) : Unpooled.buffer().writeBytes(plain);
                ByteBuf out = direct ? Unpooled.directBuffer() : Unpooled.buffer();
                c.compress(in, out);
                assertFalse(in.isReadable());
                byte[] z = ByteBufUtil.getBytes(out);
                assertTrue(z.length < plain.length / 4, "compressed to " + z.length);
                assertEquals(plain.length, Zstd.getFrameContentSize(z), "the frame carries its content size");
                assertArrayEquals(plain, Zstd.decompress(z, plain.length), "plain zstd reads it");
                ByteBuf back = direct ? Unpooled.directBuffer() : Unpooled.buffer();
                c.decompress(out, back, plain.length);
                assertArrayEquals(plain, ByteBufUtil.getBytes(back));
                in.release();
                out.release();
                back.release();
            }
        }
    }

    @Test
    void neverDecompressesBeyondTheDeclaredLength() {
        byte[] bomb = Zstd.compress(new byte[16 * 1024 * 1024], 3);
        try (CompressionCodec c = new ZstdAlgorithm().newCodec(3)) {
            ByteBuf in = Unpooled.directBuffer().writeBytes(bomb);
            ByteBuf out = Unpooled.directBuffer(1001);
            assertThrows(DecompressionException.class, () -> c.decompress(in, out, 1000));
            assertTrue(out.capacity() < 1 << 20, "no room was made for the bomb");
            in.release();
            out.release();
        }
    }

    @Test
    void shortOrCorruptFramesAreRefused() {
        byte[] plain = rows(100);
        byte[] z = Zstd.compress(plain, 3);
        try (CompressionCodec c = new ZstdAlgorithm().newCodec(3)) {
            ByteBuf in = Unpooled.buffer().writeBytes(z);
            ByteBuf out = Unpooled.buffer();
            assertThrows(DecompressionException.class, () -> c.decompress(in, out, plain.length + 10), "declared more than it holds");
            byte[] corrupt = z.clone();
            // Without a checksum (MySQL's zstd frames carry none) only structure damage is detectable: the magic number here.
            corrupt[0] ^= 0x5A;
            ByteBuf bad = Unpooled.directBuffer().writeBytes(corrupt);
            ByteBuf out2 = Unpooled.directBuffer();
            assertThrows(DecompressionException.class, () -> c.decompress(bad, out2, plain.length));
            in.release();
            out.release();
            bad.release();
            out2.release();
        }
    }

    @Test
    void framesTheConnectionsPacketsLikeZlib() {
        EmbeddedChannel server = new EmbeddedChannel(new CompressedPacketCodec(new ZstdAlgorithm().newCodec(3), MIB_64));
        server.config().setAllocator(PooledByteBufAllocator.DEFAULT);
        EmbeddedChannel client = new EmbeddedChannel(new CompressedPacketCodec(new ZstdAlgorithm().newCodec(3), MIB_64));
        byte[] batch = rows(20_000);
        server.writeOutbound(Unpooled.wrappedBuffer(batch));
        ByteBuf frame = server.readOutbound();
        assertEquals(batch.length, frame.getUnsignedMediumLE(4));
        assertTrue(frame.readableBytes() < batch.length / 4);
        client.writeInbound(frame);
        ByteBuf got = client.readInbound();
        assertArrayEquals(batch, ByteBufUtil.getBytes(got));
        got.release();

        byte[] noise = new byte[200];
        new Random(1).nextBytes(noise);
        ByteBuf corrupt = Unpooled.buffer().writeMediumLE(noise.length).writeByte(1).writeMediumLE(500).writeBytes(noise);
        DecoderException e = assertThrows(DecoderException.class, () -> client.writeInbound(corrupt));
        assertEquals(1157, assertInstanceOf(FrameException.class, e.getCause()).error().code());
        assertFalse(server.finish());
        assertFalse(client.finish());
    }
}
