package io.porpoise.command.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.wire.PayloadReader;
import java.util.HexFormat;
import java.util.function.Function;

/** Command payloads written as hex in a test, decoded the way the server hands them to a handler. */
public final class Payloads {
    private Payloads() {
    }

    /** Decodes a hex payload (spaces allowed) as the server hands it over, and releases the buffer. */
    public static <R> R decode(String hex, Function<PayloadReader, R> decoder) {
        return decode(hex(hex), decoder);
    }

    /** Decodes a payload as the server hands it over, and releases the buffer. */
    public static <R> R decode(byte[] payload, Function<PayloadReader, R> decoder) {
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        try {
            return decoder.apply(new PayloadReader(buf));
        } finally {
            buf.release();
        }
    }

    /** The bytes of a hex string; spaces between bytes are allowed for readability. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
