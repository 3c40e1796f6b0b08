package io.porpoise.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes logging to {@code logs/}: the modules log through {@code System.Logger}, which
 * lands in java.util.logging, configured from {@code conf/logging.properties}; this adds the
 * rotating file {@code logs/porpoise.N.log} (size and count from that file's
 * {@code java.util.logging.FileHandler.limit/count}), whose path depends on the install.
 */
final class Logs {
    private Logs() {
    }

    static void configure(Path home) throws IOException {
        Path config = home.resolve("conf/logging.properties");
        if (Files.isRegularFile(config)) {
            try (InputStream in = Files.newInputStream(config)) {
                LogManager.getLogManager().readConfiguration(in);
            }
        }
        Path logs = home.resolve("logs");
        Files.createDirectories(logs);
        LogManager m = LogManager.getLogManager();
        int limit = intProperty(m, "java.util.logging.FileHandler.limit", 10 * 1024 * 1024);
        int count = intProperty(m, "java.util.logging.FileHandler.count", 5);
        FileHandler file = new FileHandler(logs.resolve("porpoise.%g.log").toString(), limit, count, true);
        file.setFormatter(new SimpleFormatter());
        Logger.getLogger("").addHandler(file);
    }

    private static int intProperty(LogManager m, String key, int fallback) {
        String v = m.getProperty(key);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
