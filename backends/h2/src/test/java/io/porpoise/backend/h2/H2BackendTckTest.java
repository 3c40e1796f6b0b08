package io.porpoise.backend.h2;

import io.porpoise.backend.Backend;
import io.porpoise.testkit.BackendTck;
import java.nio.file.Path;

/** The backend TCK against a file-backed H2 database in the test's data directory. */
final class H2BackendTckTest extends BackendTck {
    @Override
    protected Backend newBackend(Path dataDir) throws Exception {
        Backend b = new H2Backend();
        b.start(TestContext.of(dataDir));
        return b;
    }

    @Override
    protected String longRunningQuery() {
        return "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b WHERE a.X + b.X = 0";
    }
}
