package io.porpoise.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.util.Arrays;

/**
 * A MySQL single-byte character set driven by its 256-entry to-Unicode table, converting as
 * MySQL's {@code my_mb_wc_8bit}/{@code my_wc_mb_8bit} do: a byte whose entry is U+0000 (other
 * than byte 0) is undefined and does not decode; a character maps back to the lowest byte that
 * decodes to it (armscii8 has ASCII punctuation twice, and MySQL's {@code create_fromuni} keeps
 * the ASCII byte); a character with no byte does not encode ({@code ?} where a String is
 * encoded, as MySQL sends it).
 */
final class SingleByteCharset extends Charset {
    /** A character's entry in {@code fromChar} when no byte decodes to it (entries hold byte + 1). */
    private static final short NONE = 0;

    private final char[] toChar;
    private final short[] fromChar;
    /** Every ASCII byte decodes to itself and no other byte decodes to ASCII. */
    private final boolean asciiTransparent;
    private final boolean encodesAscii;

    /** @param toChar byte to character; {@code '\0'} at any byte but 0 marks it undefined */
    SingleByteCharset(String name, char[] toChar) {
        super(name, new String[0]);
        if (toChar.length != 256 || toChar[0] != 0) {
            throw new IllegalArgumentException("table: " + toChar.length + " entries (expected: 256, byte 0 is U+0000)");
        }
        this.toChar = toChar.clone();
        int max = 0;
        for (char c : toChar) {
            max = Math.max(max, c);
        }
        short[] from = new short[max + 1];
        boolean transparent = true;
        for (int b = 255; b >= 0; b--) {
            char c = toChar[b];
            if (b == 0 || c != 0) {
                from[c] = (short) (b + 1);
                transparent &= b < 0x80 ? c == b : c >= 0x80;
            }
        }
        this.fromChar = from;
        this.asciiTransparent = transparent;
        boolean ascii = true;
        for (int c = 0; c < 0x80; c++) {
            ascii &= from[c] != NONE;
        }
        this.encodesAscii = ascii;
    }

    /** Whether {@code b} (0 to 255) is a character. */
    boolean isDefined(int b) {
        return b == 0 || toChar[b] != 0;
    }

    /** The character of byte {@code b}, or {@code '\0'} when undefined. */
    char charOf(int b) {
        return toChar[b];
    }

    /** Whether ASCII bytes are the ASCII characters and no other byte decodes to one (false for swe7 and armscii8). */
    boolean isAsciiTransparent() {
        return asciiTransparent;
    }

    /**
     * {@code s} in this charset, unencodable characters as {@code ?}: the same bytes as
     * {@code s.getBytes(this)} without the encoder the JDK allocates per call for a charset of
     * its own (this is the per-value path of every result row in a single-byte charset).
     */
    byte[] toBytes(String s) {
        short[] from = fromChar;
        boolean ascii = asciiTransparent;
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (ascii && c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < from.length && from[c] != NONE) {
                out[n++] = (byte) (from[c] - 1);
            } else {
                out[n++] = '?';
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Decodes {@code len} bytes at {@code off} without a decoder, or returns null when one of
     * them is undefined (the caller then finds it with a reporting decoder).
     */
    String decodeOrNull(byte[] b, int off, int len) {
        char[] table = toChar;
        char[] out = new char[len];
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            char c = table[v];
            if (c == 0 && v != 0) {
                return null;
            }
            out[i] = c;
        }
        return new String(out);
    }

    @Override
    public boolean contains(Charset cs) {
        return cs == this || encodesAscii && cs.name().equals("US-ASCII");
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
                    int b = in.get() & 0xFF;
                    char c = toChar[b];
                    if (c == 0 && b != 0) {
                        in.position(in.position() - 1);
                        return CoderResult.unmappableForLength(1);
                    }
                    out.put(c);
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
                return c < fromChar.length && fromChar[c] != NONE;
            }

            @Override
            protected CoderResult encodeLoop(CharBuffer in, ByteBuffer out) {
                while (in.hasRemaining()) {
                    char c = in.get();
                    if (c >= fromChar.length || fromChar[c] == NONE) {
                        in.position(in.position() - 1);
                        return Character.isHighSurrogate(c) && in.remaining() >= 2 && Character.isLowSurrogate(in.get(in.position() + 1))
                                ? CoderResult.unmappableForLength(2) : CoderResult.unmappableForLength(1);
                    }
                    if (!out.hasRemaining()) {
                        in.position(in.position() - 1);
                        return CoderResult.OVERFLOW;
                    }
                    out.put((byte) (fromChar[c] - 1));
                }
                return CoderResult.UNDERFLOW;
            }
        };
    }
}
