package io.porpoise.command;

import io.porpoise.backend.EncodedString;
import io.porpoise.charset.InvalidCharacterStringException;
import io.porpoise.charset.TextDecoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Strings from the client (parameter values, literals) as a backend gets them: a {@code String}
 * when the decoded text carries the client's bytes, an {@link EncodedString} when it does not.
 *
 * <p>A backend stores a {@code String} into a binary column as UTF-8 (JDBC and H2 do), so the
 * text carries the bytes for UTF-8 clients (utf8mb4, utf8mb3) and for ASCII-only bytes in the
 * ASCII-compatible charsets; a latin1 {@code é} (0xE9) or a GBK character would reach a VARBINARY
 * column re-encoded, and bytes that do not decode would become U+FFFD.
 */
public final class ClientStrings {
    private static final Set<String> UTF8 = Set.of("utf8mb4", "utf8mb3", "utf8");
    /**
     * MySQL charsets in which bytes 0x00-0x7F alone are not ASCII: the wide ones, and swe7 (7-bit
     * Swedish has letters where ASCII has brackets). In GBK, Big5, SJIS and the other multi-byte
     * charsets a string of bytes below 0x80 is ASCII text (their lead bytes are 0x81 and up).
     */
    private static final Set<String> NOT_ASCII_COMPATIBLE = Set.of("ucs2", "utf16", "utf16le", "utf32", "swe7");

    private ClientStrings() {
    }

    /** Whether text decoded from {@code mysqlCharset} always encodes back to the client's bytes as UTF-8. */
    public static boolean textCarriesBytes(String mysqlCharset) {
        return UTF8.contains(mysqlCharset.toLowerCase(Locale.ROOT));
    }

    public static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A string parameter's value: its text when that carries the bytes (the common case, without
     * a decoder per value), else an {@link EncodedString} (with the text when the bytes decode).
     */
    public static Object value(byte[] bytes, Charset charset, String mysqlCharset) {
        String name = mysqlCharset.toLowerCase(Locale.ROOT);
        if (isAscii(bytes) && !NOT_ASCII_COMPATIBLE.contains(name)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        String text;
        try {
            text = TextDecoding.decode(bytes, 0, bytes.length, charset, mysqlCharset);
        } catch (InvalidCharacterStringException e) {
            text = null;
        }
        return text != null && UTF8.contains(name) ? text : new EncodedString(bytes, charset, mysqlCharset, text);
    }
}
