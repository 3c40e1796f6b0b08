package io.porpoise.backend;

import java.nio.file.Path;
import java.util.Optional;

/** What the server tells a backend when it starts it. */
public interface BackendContext {
    /** The server's data directory; a persistent backend keeps its files below it. */
    Path dataDirectory();

    /** A configuration value ({@code porpoise.<backend name>.<key>} and server-wide keys). */
    Optional<String> property(String key);

    /** The version string the server announces (what {@code VERSION()} returns). */
    String serverVersion();
}
