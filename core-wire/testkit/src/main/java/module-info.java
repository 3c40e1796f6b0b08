/**
 * Test helpers for Porpoise modules: the backend TCK ({@link io.porpoise.testkit.BackendTck}), a
 * recording {@link io.porpoise.backend.ResultSink}, and an {@link io.porpoise.auth.AuthExchange} for
 * auth plugin tests ({@link io.porpoise.testkit.auth.FakeAuthExchange}).
 */
module io.porpoise.testkit {
    requires transitive io.porpoise.backend;
    requires transitive io.porpoise.auth;
    requires transitive org.junit.jupiter.api;
    requires static osgi.annotation;

    exports io.porpoise.testkit;
    exports io.porpoise.testkit.auth;
    // JUnit instantiates the abstract TCK's subclasses and reads its @TempDir field reflectively.
    opens io.porpoise.testkit to org.junit.platform.commons;
}
