/**
 * The backend SPI. A backend is found through the registry as a {@link io.porpoise.backend.Backend}
 * service; it opens one {@link io.porpoise.backend.BackendSession} per client connection.
 */
module io.porpoise.backend {
    requires static osgi.annotation;

    exports io.porpoise.backend;
}
