package io.porpoise.compression;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The value of the system variable {@code protocol_compression_algorithms}: a comma-separated
 * list, in any order and letter case, of {@code zlib}, {@code zstd} and {@code uncompressed}
 * (MySQL's default is all three). Leaving out {@code uncompressed} makes the server refuse
 * clients that do not compress.
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/server-system-variables.html#sysvar_protocol_compression_algorithms">protocol_compression_algorithms</a>
 */
public final class PermittedAlgorithms {
    /** MySQL's default value. */
    public static final String DEFAULT = "zlib,zstd,uncompressed";
    /** The name that permits connections without compression. */
    public static final String UNCOMPRESSED = "uncompressed";
    private static final Set<String> KNOWN = Set.of("zlib", "zstd", UNCOMPRESSED);

    private final Set<String> names;

    private PermittedAlgorithms(Set<String> names) {
        this.names = names;
    }

    /**
     * Parses a value as {@code SET GLOBAL} would accept it.
     *
     * @throws IllegalArgumentException for an empty list or an unknown name
     */
    public static PermittedAlgorithms parse(String value) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("protocol_compression_algorithms: '" + value
                        + "' (expected: a comma-separated list of zlib, zstd, uncompressed)");
            }
            names.add(name);
        }
        return new PermittedAlgorithms(Set.copyOf(names));
    }

    public boolean permits(String algorithm) {
        return names.contains(algorithm.toLowerCase(Locale.ROOT));
    }

    public boolean permitsUncompressed() {
        return names.contains(UNCOMPRESSED);
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }
}
