package io.porpoise.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * MySQL's {@code utf8mb3} (alias {@code utf8}): UTF-8 of at most 3 bytes per character. A
 * 4-byte sequence does not decode (MySQL rejects it as an invalid utf8mb3 string), and a
 * character outside the BMP does not encode (MySQL sends {@code ?}, as Java's replacement does).
 * Both delegate to the JDK's UTF-8 coders for everything else.
 */
final class Utf8mb3 extends Charset {
    static final String NAME = "x-mysql-utf8mb3";
    static final Utf8mb3 INSTANCE = new Utf8mb3();

    private Utf8mb3() {
        super(NAME, new String[0]);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this || cs.name().equals("US-ASCII");
    }

    @Override
    public CharsetDecoder newDecoder() {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        return new CharsetDecoder(this, 1f, 1f) {
            @Override
            protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                while (in.hasRemaining()) {
                    int start = in.position();
                    int stop = start;
                    while (stop < in.limit() && (in.get(stop) & 0xFF) < 0xF0) {
                        stop++;
                    }
                    if (stop == start) {
                        return CoderResult.malformedForLength(1);
                    }
                    ByteBuffer part = in.duplicate();
                    part.limit(stop);
                    utf8.reset();
                    CoderResult r = utf8.decode(part, out, false);
                    in.position(part.position());
                    if (!r.isUnderflow()) {
                        return r;
                    }
                    if (part.position() < stop) {
                        // An incomplete sequence: more input may complete it, unless a 4-byte lead cuts it short.
                        return stop < in.limit() ? CoderResult.malformedForLength(stop - part.position()) : r;
                    }
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }

    @Override
    public CharsetEncoder newEncoder() {
        CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder();
        return new CharsetEncoder(this, 1.1f, 3f) {
            @Override
            public boolean canEncode(char c) {
                return !Character.isSurrogate(c);
            }

            @Override
            protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
                while (in.hasRemaining()) {
                    int start = in.position();
                    int stop = start;
                    while (stop < in.limit() && !Character.isSurrogate(in.get(stop))) {
                        stop++;
                    }
                    if (stop == start) {
                        char c = in.get(start);
                        if (Character.isHighSurrogate(c) && in.remaining() == 1) {
                            return CoderResult.UNDERFLOW;
                        }
                        boolean pair = Character.isHighSurrogate(c) && Character.isLowSurrogate(in.get(start + 1));
                        return pair ? CoderResult.unmappableForLength(2) : CoderResult.malformedForLength(1);
                    }
                    CharBuffer part = in.duplicate();
                    part.limit(stop);
                    utf8.reset();
                    CoderResult r = utf8.encode(part, out, false);
                    in.position(part.position());
                    if (!r.isUnderflow()) {
                        return r;
                    }
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }
}
