package io.porpoise.backend.h2;

import io.porpoise.backend.Backend;
import io.porpoise.backend.BackendContext;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.SessionInfo;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Component;

/**
 * The embedded default backend: an H2 database in MySQL mode, kept under
 * {@code <data directory>/h2}. MySQL databases are H2 schemas.
 *
 * <p>Configuration ({@link BackendContext#property}): {@value #URL_PROPERTY} replaces the file
 * location with another H2 URL prefix (for example {@code jdbc:h2:mem:test} for tests); the
 * backend appends its own settings, so the prefix must not carry MODE or identifier settings.
 * {@value #LOCK_TIMEOUT_PROPERTY} sets the lock wait in milliseconds (default 50000, InnoDB's
 * innodb_lock_wait_timeout).
 */
@Component(service = Backend.class, property = Backend.NAME_PROPERTY + "=h2")
public final class H2Backend implements Backend {
    public static final String URL_PROPERTY = "porpoise.h2.url";
    public static final String LOCK_TIMEOUT_PROPERTY = "porpoise.h2.lockTimeoutMillis";

    private static final System.Logger LOG = System.getLogger(H2Backend.class.getName());
    /**
     * MySQL mode; unquoted identifiers keep their case and all identifiers compare
     * case-insensitively, as MySQL does for columns; words that are keywords in H2 but plain
     * identifiers in MySQL stay usable as names.
     */
    private static final String SETTINGS = ";MODE=MySQL;DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";NON_KEYWORDS=VALUE,USER,YEAR,MONTH,DAY,HOUR,MINUTE,SECOND,TOP,ROWNUM,MINUS,QUALIFY,UESCAPE";

    private final Object lock = new Object();
    private final AtomicLong ddlEpoch = new AtomicLong();
    private final Set<H2Session> sessions = ConcurrentHashMap.newKeySet();
    private String url;
    private String jdbcUrl;
    private org.h2.Driver driver;
    private Connection keeper;

    /** For the registry: configured by {@link #start(BackendContext)}. */
    public H2Backend() {
    }

    /** For embedders: a database kept in {@code directory}; {@link #start} is optional. */
    public H2Backend(Path directory) {
        this.url = fileUrl(Objects.requireNonNull(directory, "directory"));
    }

    private static String fileUrl(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("porpoise").toString().replace('\\', '/');
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public void start(BackendContext context) throws BackendException {
        synchronized (lock) {
            if (url == null) {
                url = context.property(URL_PROPERTY).orElseGet(() -> fileUrl(context.dataDirectory().resolve("h2")));
            }
            String timeout = context.property(LOCK_TIMEOUT_PROPERTY).orElse(null);
            open(timeout);
        }
    }

    private void open(String lockTimeout) throws BackendException {
        if (keeper != null) {
            return;
        }
        if (lockTimeout == null && jdbcUrl != null) {
            // Reopening after close(): keep the configured settings.
            lockTimeout = jdbcUrl.substring(jdbcUrl.lastIndexOf('=') + 1);
        }
        if (lockTimeout != null && !lockTimeout.matches("\\d{1,9}")) {
            throw new BackendException(1105, "HY000", LOCK_TIMEOUT_PROPERTY + ": " + lockTimeout + " (expected: milliseconds, 0..999999999)");
        }
        jdbcUrl = url + SETTINGS + ";LOCK_TIMEOUT=" + (lockTimeout == null ? "50000" : lockTimeout);
        driver = new org.h2.Driver();
        try {
            // The keeper holds the database open between sessions (an in-memory one would vanish) and shuts it down in close().
            keeper = connect();
            keeper.setAutoCommit(false);
            Catalog.install(keeper);
            LOG.log(Level.INFO, "h2 backend: database open at {0}", url);
        } catch (SQLException e) {
            throw Errors.map(e, null);
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        Connection c = driver.connect(jdbcUrl, p);
        if (c == null) {
            throw new SQLException("url: " + jdbcUrl + " (expected: an H2 JDBC URL)");
        }
        return c;
    }

    @Override
    public BackendSession openSession(SessionInfo info) throws BackendException {
        Connection c;
        synchronized (lock) {
            if (url == null) {
                throw new BackendException(1105, "HY000", "h2 backend: not started (expected: start(context) or the Path constructor before openSession)");
            }
            open(null);
            try {
                c = connect();
            } catch (SQLException e) {
                throw Errors.map(e, null);
            }
        }
        H2Session s = new H2Session(c, ddlEpoch, sessions::remove);
        sessions.add(s);
        if (info.schema() != null && !info.schema().isEmpty()) {
            try {
                s.useSchema(info.schema());
            } catch (BackendException e) {
                s.close();
                throw e;
            }
        }
        return s;
    }

    /** Closes open sessions (rolling back) and shuts H2 down, writing everything committed to disk. */
    @Override
    public void close() {
        synchronized (lock) {
            for (H2Session s : sessions) {
                s.close();
            }
            if (keeper == null) {
                return;
            }
            try (Statement st = keeper.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "h2 backend: shutdown failed for " + url, e);
            } finally {
                keeper = null;
            }
        }
    }
}
