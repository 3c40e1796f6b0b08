package io.porpoise.wire.binary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;

/** Hex in, hex out, every buffer from the (leak-tracked) default allocator and released. */
final class Wire {
    private Wire() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(Consumer<ByteBuf> writer) {
        ByteBuf b = ByteBufAllocator.DEFAULT.buffer();
        try {
            writer.accept(b);
            return ByteBufUtil.hexDump(b);
        } finally {
            b.release();
        }
    }

    static <T> T read(String hex, Function<PayloadReader, T> decoder) {
        byte[] bytes = bytes(hex);
        ByteBuf b = ByteBufAllocator.DEFAULT.buffer(bytes.length);
        try {
            b.writeBytes(bytes);
            return decoder.apply(new PayloadReader(b));
        } finally {
            b.release();
        }
    }

    /** Decodes and requires the whole input consumed. */
    static <T> T readAll(String hex, Function<PayloadReader, T> decoder) {
        return read(hex, r -> {
            T value = decoder.apply(r);
            assertEquals(0, r.remaining(), "bytes left after decoding " + hex);
            return value;
        });
    }

    static MalformedPacketException assertMalformed(String hex, Consumer<PayloadReader> decoder) {
        return read(hex, r -> assertThrows(MalformedPacketException.class, () -> decoder.accept(r), hex));
    }

    static void assertValue(Object expected, Object actual) {
        if (expected instanceof byte[] e) {
            assertArrayEquals(e, (byte[]) actual);
        } else {
            assertEquals(expected, actual);
            if (expected != null) {
                assertEquals(expected.getClass(), actual.getClass());
            }
        }
    }
}
