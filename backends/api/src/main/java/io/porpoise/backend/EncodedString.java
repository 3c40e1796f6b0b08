package io.porpoise.backend;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A string exactly as the client sent it: its bytes and the character set they are in.
 *
 * <p>MySQL converts a string by where it goes: into a BINARY, VARBINARY or BLOB column the bytes
 * are stored as they are, into a text column they are converted from the client's charset and,
 * in strict mode, bytes that are no character there are ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
 * (1366 "Incorrect string value"). A decoded {@code String} cannot do both: a GBK or latin1
 * client's bytes bound to a VARBINARY column would come back re-encoded. So where the decoded
 * text does not carry the bytes (a charset other than UTF-8 with non-ASCII bytes, or bytes that do
 * not decode at all), the server hands a backend this instead of a {@code String}: as a parameter
 * value of {@link BackendSession#execute} and as a {@link StringLiteral} of
 * {@link BackendSession#query(String, java.util.List, ResultSink)}. A backend that does not look at
 * the target's type may use {@link #text()} (or the bytes when it is null).
 */
public final class EncodedString {
    private final byte[] bytes;
    private final Charset charset;
    private final String charsetName;
    private final String text;

    /**
     * @param bytes the string's bytes (not copied: neither side changes them afterwards)
     * @param charset the Java charset they are in
     * @param charsetName the MySQL name of that charset ({@code gbk}, {@code latin1}, ...)
     * @param text the bytes decoded strictly, or null when they are not text in {@code charset}
     */
    public EncodedString(byte[] bytes, Charset charset, String charsetName, String text) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.charsetName = Objects.requireNonNull(charsetName, "charsetName");
        this.text = text;
    }

    /** The bytes as sent (do not modify). */
    public byte[] bytes() {
        return bytes;
    }

    public Charset charset() {
        return charset;
    }

    /** The MySQL name of the charset. */
    public String charsetName() {
        return charsetName;
    }

    /** The bytes as text, or null when they are not text in the charset. */
    public String text() {
        return text;
    }

    /** Whether the bytes decode in the charset. */
    public boolean isText() {
        return text != null;
    }

    /**
     * The text with each undecodable byte sequence as U+FFFD: for comparisons, never for storing
     * (storing it is the replacement-character corruption this type exists to avoid).
     */
    public String lenientText() {
        return text != null ? text : new String(bytes, charset);
    }

    /**
     * The value as MySQL prints it in "Incorrect string value: '...'": from the first byte that
     * is not text, at most six characters, printable ASCII as is and other bytes as {@code \xHH},
     * "..." when cut (MySQL's convert_to_printable).
     */
    public String printable() {
        int from = firstInvalid();
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        int i = from;
        for (; i < bytes.length && shown < 6; i++, shown++) {
            int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            } else {
                sb.append("\\x").append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
            }
        }
        if (i < bytes.length) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** The index of the first byte that does not decode (0 when all do). */
    int firstInvalid() {
        if (text != null) {
            return 0;
        }
        CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length * 2));
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        return r.isError() ? in.position() : 0;
    }

    /** The text, or the bytes as a hex literal ({@code X'...'}) when they are not text. */
    @Override
    public String toString() {
        return text != null ? text : "X'" + HexFormat.of().formatHex(bytes) + "'";
    }
}
