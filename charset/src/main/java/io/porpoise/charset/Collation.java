package io.porpoise.charset;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * One MySQL collation as {@code INFORMATION_SCHEMA.COLLATIONS} shows it, with the facts of its
 * character set ({@code INFORMATION_SCHEMA.CHARACTER_SETS}) and the Java charset that converts
 * it. {@code javaCharset} is empty only when the runtime lacks the converter (a trimmed image
 * without {@code jdk.charsets} has no GBK, Big5, ...): a client asking for such a charset is
 * refused.
 *
 * @param id what handshakes and column definitions carry
 * @param defaultForCharset whether this is its character set's default collation
 * @param sortLength SHOW COLLATION's {@code Sortlen}
 * @param padAttribute {@code PAD SPACE} or {@code NO PAD}
 * @param maxBytesPerChar the character set's {@code Maxlen}
 * @param charsetDescription the character set's {@code Description}
 */
public record Collation(int id, String name, String charsetName, boolean defaultForCharset, int sortLength, String padAttribute,
        int maxBytesPerChar, String charsetDescription, Optional<Charset> javaCharset) {

    public static final int BINARY_ID = 63;

    public boolean isBinary() {
        return id == BINARY_ID;
    }

    /** The Java charset, or an exception naming the collation when the JVM has none. */
    public Charset charset() {
        return javaCharset.orElseThrow(() -> new IllegalStateException(
                "charset: " + charsetName + " (expected: a character set the JVM can convert)"));
    }

    /**
     * Whether MySQL's parser accepts this character set for {@code character_set_client}: not
     * ucs2, utf16, utf16le or utf32, whose ASCII characters are not single bytes.
     */
    public boolean isParserCharset() {
        return !(charsetName.equals("ucs2") || charsetName.startsWith("utf16") || charsetName.equals("utf32"));
    }
}
