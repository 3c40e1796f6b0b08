package io.porpoise.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The class-data-sharing dump {@code bin/porpoise} asks the JVM to write when this process
 * exits ({@code -XX:ArchiveClassesAtExit}, the same path in the system property
 * {@value #DUMP_PROPERTY}). Such a dump holds the classes this process loaded, so it is only
 * worth keeping if the server got as far as "ready for connections" (the property
 * {@value #READY_PROPERTY}, set by the server component): then {@link #confirm} writes
 * {@code <dump>.ok} next to it, and a later {@code bin/porpoise} adopts the dump as its archive
 * once this process is gone. A run that stopped early (usage error, a bundle that did not
 * resolve, a server that could not start) leaves no mark, and its partial dump is deleted.
 */
final class ClassDataArchive {
    static final String DUMP_PROPERTY = "porpoise.cds.dump";
    static final String READY_PROPERTY = "porpoise.ready";
    private static final Logger LOG = Logger.getLogger(ClassDataArchive.class.getName());

    private ClassDataArchive() {
    }

    /** Marks this process's dump complete if there is one and the server was ready; called at exit. */
    static void confirm() {
        String dump = System.getProperty(DUMP_PROPERTY);
        if (dump == null || dump.isEmpty() || !Boolean.getBoolean(READY_PROPERTY) || Boolean.getBoolean("porpoise.failed")) {
            return;
        }
        try {
            Files.write(Path.of(dump + ".ok"), new byte[0]);
        } catch (IOException | RuntimeException e) {
            // Only start-up time is at stake: the next start writes a dump again.
            LOG.log(Level.FINE, "class-data archive " + dump + " not confirmed", e);
        }
    }
}
