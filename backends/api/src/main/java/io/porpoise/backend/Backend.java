package io.porpoise.backend;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A data source behind the MySQL wire: the server opens one {@link BackendSession} per
 * authenticated connection.
 *
 * <p>Threading: {@code openSession} may be called concurrently from several threads. Backends
 * are registered as services under this interface ({@code provides io.porpoise.backend.Backend}
 * for JPMS, a DS component for OSGi); the service property {@link #NAME_PROPERTY} names them.
 */
@ConsumerType
public interface Backend extends AutoCloseable {
    /** Service property carrying {@link #name()}. */
    String NAME_PROPERTY = "porpoise.backend.name";

    /** A short stable name, e.g. {@code h2}. */
    String name();

    /**
     * The databases this backend serves (names compare case-insensitively). Empty, the
     * default, makes it a catch-all backend: it serves every database no other backend
     * declares and creates new ones, as the embedded H2 backend does. With several backends the
     * server routes {@code USE}, COM_INIT_DB and {@code db.table} references by these names, and
     * {@code SHOW DATABASES} lists them all. May change over time; asked on every routing.
     */
    default java.util.Set<String> databases() {
        return java.util.Set.of();
    }

    /**
     * Called once by the server before the first session, with where to keep data. Embedders
     * that configured the backend in its constructor can ignore it.
     */
    default void start(BackendContext context) throws BackendException {
    }

    /**
     * Opens a session for a newly authenticated connection.
     *
     * @throws BackendException with a MySQL errno (for example 1049 when {@code info.schema()} is
     *     not a database this backend has); the client gets it as its login error
     */
    BackendSession openSession(SessionInfo info) throws BackendException;

    /** Releases what the backend holds; called when the server stops or the service goes away. */
    @Override
    default void close() {
    }
}
