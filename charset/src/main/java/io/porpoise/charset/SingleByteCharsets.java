package io.porpoise.charset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The single-byte character sets the JVM has no converter for (dec8, hp8, swe7, armscii8,
 * keybcs2, geostd8), built from MySQL's own to-Unicode tables in {@code single-byte-charsets.txt};
 * plus {@code latin1}. Java names are {@code x-mysql-<charset>}, as {@code collations.tsv} lists them.
 */
final class SingleByteCharsets {
    static final String PREFIX = "x-mysql-";
    private static final String RESOURCE = "single-byte-charsets.txt";

    private SingleByteCharsets() {
    }

    private static final class Holder {
        static final Map<String, SingleByteCharset> BY_JAVA_NAME = load();
    }

    /** The charset named {@code javaName} ({@code x-mysql-dec8}, ...), or null. */
    static SingleByteCharset byJavaName(String javaName) {
        if (javaName.equals(MysqlLatin1.NAME)) {
            return MysqlLatin1.INSTANCE;
        }
        return javaName.startsWith(PREFIX) ? Holder.BY_JAVA_NAME.get(javaName) : null;
    }

    /** The to-Unicode tables of the resource, by MySQL charset name (for tests). */
    static Map<String, char[]> tables() {
        Map<String, char[]> out = new HashMap<>();
        try (InputStream in = SingleByteCharsets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource: " + RESOURCE + " (expected: beside SingleByteCharsets)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String name = null;
            char[] table = null;
            int filled = 0;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!line.matches("[0-9A-F]{4}( [0-9A-F]{4})*")) {
                    check(name, filled);
                    name = line.split(" ")[0];
                    table = new char[256];
                    filled = 0;
                    out.put(name, table);
                    continue;
                }
                for (String hex : line.split(" ")) {
                    if (table == null || filled == 256) {
                        throw new IllegalStateException(RESOURCE + " line: " + line + " (expected: 16 four-digit code points per line, 256 per charset)");
                    }
                    table[filled++] = (char) Integer.parseInt(hex, 16);
                }
            }
            check(name, filled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void check(String name, int filled) {
        if (name != null && filled != 256) {
            throw new IllegalStateException(RESOURCE + " charset " + name + ": " + filled + " code points (expected: 256)");
        }
    }

    private static Map<String, SingleByteCharset> load() {
        Map<String, SingleByteCharset> out = new HashMap<>();
        tables().forEach((name, table) -> out.put(PREFIX + name, new SingleByteCharset(PREFIX + name, table)));
        return out;
    }
}
