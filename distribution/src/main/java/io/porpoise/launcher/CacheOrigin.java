package io.porpoise.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code bundles/} directory that filled Felix's bundle cache, noted in the cache. Felix
 * keeps every bundle under the location it was installed from, its jar's path; once the install
 * has moved (or its data directory serves another install), the launcher would install each jar
 * again under its new path and Felix would refuse it ("Bundle symbolic name and version are not
 * unique"), so the server could not start. Such a cache is started afresh instead, which costs
 * what a first start costs. A cache without the note (written by an older launcher) is kept.
 */
final class CacheOrigin {
    static final String FILE = "porpoise-bundles";
    private static final Logger LOG = Logger.getLogger(CacheOrigin.class.getName());

    private CacheOrigin() {
    }

    /** Whether the cache holds bundles installed from another {@code bundles/} directory. */
    static boolean changed(Path cache, Path bundles) {
        Path note = cache.resolve(FILE);
        if (!Files.isRegularFile(note)) {
            return false;
        }
        try {
            return !Files.readString(note, StandardCharsets.UTF_8).equals(bundles.toUri().toString());
        } catch (IOException e) {
            return true;
        }
    }

    /** Notes {@code bundles} as the cache's origin (once Felix has created the cache). */
    static void record(Path cache, Path bundles) {
        try {
            Files.writeString(cache.resolve(FILE), bundles.toUri().toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not note the bundle cache's origin in " + cache, e);
        }
    }
}
