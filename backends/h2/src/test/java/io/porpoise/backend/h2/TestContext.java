package io.porpoise.backend.h2;

import io.porpoise.backend.BackendContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A BackendContext for tests. */
record TestContext(Path dataDirectory, Map<String, String> properties) implements BackendContext {
    static TestContext of(Path dir) {
        return new TestContext(dir, Map.of());
    }

    @Override
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    @Override
    public String serverVersion() {
        return "8.4.0-porpoise";
    }
}
