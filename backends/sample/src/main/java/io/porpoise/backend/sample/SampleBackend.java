package io.porpoise.backend.sample;

import io.porpoise.backend.Backend;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.SessionInfo;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the database {@code sample} with one read-only table, {@code porpoises}, kept in
 * memory. It declares its database ({@link #databases()}), so in a server with the H2 backend
 * {@code USE sample} and {@code sample.porpoises} come here and everything else goes to H2.
 */
@Component(service = Backend.class, property = Backend.NAME_PROPERTY + "=sample")
public final class SampleBackend implements Backend {
    /** The one database this backend serves. */
    public static final String DATABASE = "sample";

    /** The table's rows: id, species, ocean. */
    static final List<Object[]> PORPOISES = List.of(
            new Object[] {1, "Harbour porpoise", "North Atlantic"},
            new Object[] {2, "Vaquita", "Gulf of California"},
            new Object[] {3, "Dall's porpoise", "North Pacific"},
            new Object[] {4, "Burmeister's porpoise", "South Atlantic"});

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public Set<String> databases() {
        return Set.of(DATABASE);
    }

    @Override
    public BackendSession openSession(SessionInfo info) {
        return new SampleSession(info.schema());
    }
}
