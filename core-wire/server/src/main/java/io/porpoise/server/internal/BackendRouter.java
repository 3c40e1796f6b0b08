package io.porpoise.server.internal;

import io.porpoise.backend.Backend;
import io.porpoise.backend.BackendContext;
import io.porpoise.backend.BackendException;
import io.porpoise.server.Registry;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The server's backends and which one serves which database. Backends come and go with the
 * registry: one that appears is started on first use and serves new routings; one that goes
 * away is closed, and sessions that still point at it get an error on their next statement
 * (never a hang). A backend given to the builder is always there.
 *
 * <p>Routing: a database declared by a backend ({@link Backend#databases()}) goes to it;
 * every other database goes to the catch-all backend (one declaring nothing), chosen by the
 * configured default backend name when there are several, else by registry ranking.
 */
final class BackendRouter {
    private static final System.Logger LOG = System.getLogger(BackendRouter.class.getName());

    private final Registry registry;
    private final Optional<Backend> given;
    private final Supplier<String> defaultName;
    private final BackendContext context;
    private final Set<Backend> started = ConcurrentHashMap.newKeySet();

    BackendRouter(Registry registry, Optional<Backend> given, Supplier<String> defaultName, BackendContext context) {
        this.registry = registry;
        this.given = given;
        this.defaultName = defaultName;
        this.context = context;
        registry.onChange(Backend.class, this::closeRemoved);
    }

    /** The backends now: the builder's first, then the registry's by ranking. */
    List<Backend> backends() {
        List<Backend> all = new ArrayList<>();
        given.ifPresent(all::add);
        for (Backend b : registry.services(Backend.class)) {
            if (!all.contains(b)) {
                all.add(b);
            }
        }
        return all;
    }

    boolean isLive(Backend b) {
        return backends().contains(b);
    }

    /** The backend serving {@code database} (null: the catch-all one), or empty when none does. */
    Optional<Backend> forDatabase(String database) {
        List<Backend> all = backends();
        if (database != null) {
            for (Backend b : all) {
                if (declares(b, database)) {
                    return Optional.of(b);
                }
            }
        }
        return catchAll(all);
    }

    /** The backend that declares {@code database} by name, if any (not the catch-all). */
    Optional<Backend> declaring(String database) {
        return backends().stream().filter(b -> declares(b, database)).findFirst();
    }

    Optional<Backend> catchAll() {
        return catchAll(backends());
    }

    /** Every database declared by a backend, lower case. */
    Set<String> declaredDatabases() {
        Set<String> names = new TreeSet<>();
        for (Backend b : backends()) {
            for (String d : b.databases()) {
                names.add(d.toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private Optional<Backend> catchAll(List<Backend> all) {
        String preferred = defaultName.get();
        Backend first = null;
        for (Backend b : all) {
            if (!b.databases().isEmpty()) {
                continue;
            }
            if (preferred != null && preferred.equalsIgnoreCase(b.name())) {
                return Optional.of(b);
            }
            if (first == null) {
                first = b;
            }
        }
        return Optional.ofNullable(first);
    }

    private static boolean declares(Backend b, String database) {
        for (String d : b.databases()) {
            if (d.equalsIgnoreCase(database)) {
                return true;
            }
        }
        return false;
    }

    /** Starts {@code b} once (the first session that needs it) and returns it. */
    Backend started(Backend b) throws BackendException {
        if (started.contains(b)) {
            return b;
        }
        synchronized (this) {
            if (!started.contains(b)) {
                b.start(context);
                started.add(b);
                LOG.log(Level.INFO, "backend " + b.name() + " started" + (b.databases().isEmpty() ? " (catch-all)"
                        : ", serving " + b.databases()));
            }
        }
        return b;
    }

    /** Starts every backend present now, so start-up failures show at start-up. */
    void startAll() throws BackendException {
        for (Backend b : backends()) {
            started(b);
        }
    }

    private void closeRemoved(List<Backend> now) {
        for (Backend b : List.copyOf(started)) {
            if (!now.contains(b) && !given.filter(g -> g == b).isPresent()) {
                started.remove(b);
                LOG.log(Level.INFO, "backend " + b.name() + " went away");
                closeQuietly(b);
            }
        }
    }

    /** Server shutdown: closes every started backend. */
    void closeAll() {
        for (Backend b : List.copyOf(started)) {
            started.remove(b);
            closeQuietly(b);
        }
    }

    private static void closeQuietly(Backend b) {
        try {
            b.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "backend " + b.name() + " failed to close", e);
        }
    }
}
