package io.porpoise.charset;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * One MySQL collation: its id (what handshakes and column definitions carry), its character
 * set, and the Java charset that converts it. {@code javaCharset} is empty for character sets
 * the JVM cannot convert (a client asking for one is refused).
 *
 * @param defaultForCharset whether this is its character set's default collation
 */
public record Collation(int id, String charsetName, String name, int maxBytesPerChar, boolean defaultForCharset,
        Optional<Charset> javaCharset) {

    public static final int BINARY_ID = 63;

    public boolean isBinary() {
        return id == BINARY_ID;
    }

    /** The Java charset, or an exception naming the collation when the JVM has none. */
    public Charset charset() {
        return javaCharset.orElseThrow(() -> new IllegalStateException(
                "charset: " + charsetName + " (expected: a character set the JVM can convert)"));
    }
}
