package io.porpoise.charset;

import java.nio.charset.Charset;

/** Encoding of result text, with fast paths for this module's own charsets. */
public final class Transcoding {
    private Transcoding() {
    }

    /** {@code s} in {@code charset}; characters it cannot represent become {@code ?}, as MySQL sends them. */
    public static byte[] encode(String s, Charset charset) {
        if (charset instanceof SingleByteCharset) {
            return ((SingleByteCharset) charset).toBytes(s);
        }
        return s.getBytes(charset);
    }
}
