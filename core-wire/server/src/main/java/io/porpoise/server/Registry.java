package io.porpoise.server;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where the server finds its plugins (auth plugins, COM_ handlers, query interceptors,
 * backends). The server never calls {@code ServiceLoader} or an OSGi {@code BundleContext}
 * itself: {@link ServiceLoaderRegistry} serves embedded and JPMS use, the distribution brings an
 * OSGi implementation.
 *
 * <p>Contract: {@link #services} returns a snapshot ordered by ranking (highest first);
 * connections take what they need when they start, so a service that appears is used by new
 * connections and one that disappears is no longer offered, while connections in flight keep
 * what they started with. Implementations are thread-safe.
 */
public interface Registry {

    /** The current services of a type, highest ranking first. */
    <T> List<T> services(Class<T> type);

    /** Registers a service (embedders adding plugins by hand); returns a handle that removes it. */
    <T> AutoCloseable register(Class<T> type, T service, int ranking);

    /** Calls {@code onChange} whenever the set of services of {@code type} changes. */
    <T> void onChange(Class<T> type, Consumer<List<T>> onChange);
}
