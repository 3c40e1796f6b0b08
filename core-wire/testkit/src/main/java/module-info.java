/**
 * Test helpers for Porpoise modules: the backend TCK ({@link io.porpoise.testkit.BackendTck}) and a
 * recording {@link io.porpoise.backend.ResultSink}.
 */
module io.porpoise.testkit {
    requires transitive io.porpoise.backend;
    requires transitive org.junit.jupiter.api;
    requires static osgi.annotation;

    exports io.porpoise.testkit;
    // JUnit instantiates the abstract TCK's subclasses and reads its @TempDir field reflectively.
    opens io.porpoise.testkit to org.junit.platform.commons;
}
