package io.porpoise.charset;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;

/**
 * Strict decoding of client bytes: text that does not decode in the client's character set
 * is an error ({@link InvalidCharacterStringException}), never a string with U+FFFD in it that
 * would end up stored.
 */
public final class TextDecoding {
    private static final int SHOWN_BYTES = 6;

    private TextDecoding() {
    }

    /** Decodes {@code len} bytes at {@code off}; {@code mysqlName} names the charset in the error. */
    public static String decode(byte[] bytes, int off, int len, Charset charset, String mysqlName) throws InvalidCharacterStringException {
        if (charset instanceof SingleByteCharset) {
            String s = ((SingleByteCharset) charset).decodeOrNull(bytes, off, len);
            if (s != null) {
                return s;
            }
        }
        CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, off, len);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) Math.ceil(len * (double) d.maxCharsPerByte()) + 1));
        CoderResult r = d.decode(in, out, true);
        if (r.isUnderflow()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int n = Math.min(SHOWN_BYTES, off + len - at);
            throw new InvalidCharacterStringException(mysqlName, HexFormat.of().withUpperCase().formatHex(bytes, at, at + n));
        }
        return out.flip().toString();
    }

    public static String decode(byte[] bytes, Charset charset, String mysqlName) throws InvalidCharacterStringException {
        return decode(bytes, 0, bytes.length, charset, mysqlName);
    }

    /**
     * Whether {@code charset} decodes every ASCII byte to the same ASCII character and no other
     * byte to an ASCII character, so that text decoded from it can be scanned for MySQL's syntax
     * (quotes, backslashes, {@code @}, ...) as the bytes were. True for every multi-byte and JDK
     * charset MySQL accepts from clients (their ASCII-looking trail bytes are {@link CharLengths}'
     * business); false for {@code swe7} (national letters on {@code @[\]^`{|}~}) and
     * {@code armscii8} (ASCII punctuation again at 0xA4-0xAC and 0xFF), whose query text needs a
     * scan of the bytes. When false, the charset is single-byte: one char per byte.
     */
    public static boolean isAsciiTransparent(Charset charset) {
        return !(charset instanceof SingleByteCharset) || ((SingleByteCharset) charset).isAsciiTransparent();
    }

    /** Whether the bytes are text in {@code charset}. */
    public static boolean decodes(byte[] bytes, int off, int len, Charset charset) {
        try {
            decode(bytes, off, len, charset, charset.name());
            return true;
        } catch (InvalidCharacterStringException e) {
            return false;
        }
    }
}
