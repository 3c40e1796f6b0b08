package io.porpoise.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;

/**
 * MySQL's {@code latin1}: Windows-1252, except that the five bytes Windows leaves undefined
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) are the C1 controls of the same value, so every byte is a
 * character, as in MySQL (Java's windows-1252 would report them as unmappable).
 */
final class MysqlLatin1 extends Charset {
    static final String NAME = "x-mysql-latin1";
    static final MysqlLatin1 INSTANCE = new MysqlLatin1();

    private static final char[] TO_CHAR = new char[256];
    /** Byte + 1 for each char (0 = not encodable); chars above 0x2122 (™) never encode. */
    private static final short[] FROM_CHAR;

    static {
        Charset cp1252 = Charset.forName("windows-1252");
        int max = 0;
        for (int b = 0; b < 256; b++) {
            String s = new String(new byte[] {(byte) b}, cp1252);
            char c = s.charAt(0);
            TO_CHAR[b] = c == '\uFFFD' ? (char) b : c;
            max = Math.max(max, TO_CHAR[b]);
        }
        FROM_CHAR = new short[max + 1];
        for (int b = 255; b >= 0; b--) {
            FROM_CHAR[TO_CHAR[b]] = (short) (b + 1);
        }
    }

    /**
     * {@code s} in MySQL latin1, unencodable characters as {@code ?}: the same bytes as
     * {@code s.getBytes(INSTANCE)} without the encoder the JDK allocates per call for a charset
     * of its own (this is the per-value path of every latin1 result row).
     */
    static byte[] toBytes(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < FROM_CHAR.length && FROM_CHAR[c] != 0) {
                out[n++] = (byte) (FROM_CHAR[c] - 1);
            } else {
                out[n++] = '?';
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private MysqlLatin1() {
        super(NAME, new String[0]);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this || cs.name().equals("US-ASCII");
    }

    @Override
    public CharsetDecoder newDecoder() {
        return new CharsetDecoder(this, 1f, 1f) {
            @Override
            protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                while (in.hasRemaining()) {
                    if (!out.hasRemaining()) {
                        return CoderResult.OVERFLOW;
                    }
                    out.put(TO_CHAR[in.get() & 0xFF]);
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }

    @Override
    public CharsetEncoder newEncoder() {
        return new CharsetEncoder(this, 1f, 1f) {
            @Override
            public boolean canEncode(char c) {
                return c < FROM_CHAR.length && FROM_CHAR[c] != 0;
            }

            @Override
            protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
                while (in.hasRemaining()) {
                    char c = in.get();
                    if (c >= FROM_CHAR.length || FROM_CHAR[c] == 0) {
                        in.position(in.position() - 1);
                        return Character.isSurrogate(c) && Character.isHighSurrogate(c) && in.remaining() >= 2
                                ? CoderResult.unmappableForLength(2) : CoderResult.unmappableForLength(1);
                    }
                    if (!out.hasRemaining()) {
                        in.position(in.position() - 1);
                        return CoderResult.OVERFLOW;
                    }
                    out.put((byte) (FROM_CHAR[c] - 1));
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }
}
