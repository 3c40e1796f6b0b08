package io.porpoise.server.internal;

import io.porpoise.backend.Backend;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Column;
import io.porpoise.backend.Prepared;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowCursor;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.SessionInfo;
import io.porpoise.backend.StringLiteral;
import io.porpoise.backend.UpdateResult;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connection's view of all backends as one {@link BackendSession}: statements go to the
 * backend serving the current database, or to the one serving the database a {@code db.table}
 * reference names; {@code USE} switches between them; {@code SHOW DATABASES} lists the union.
 * Sessions on other backends are opened the first time a statement needs them. Used from the
 * connection's worker thread only, except {@link #cancel}.
 */
final class RoutedSession implements BackendSession {
    private static final System.Logger LOG = System.getLogger(RoutedSession.class.getName());
    private static final Pattern SHOW_DATABASES =
            Pattern.compile("\\s*SHOW\\s+(?:DATABASES|SCHEMAS)(?:\\s+LIKE\\s+'((?:[^'\\\\]|\\\\.|'')*)')?\\s*;?\\s*", Pattern.CASE_INSENSITIVE);

    private final BackendRouter router;
    private final SessionInfo info;
    private final Map<Backend, BackendSession> open = new IdentityHashMap<>();
    private volatile BackendSession active;
    private Backend activeBackend;
    private String schema;
    private boolean autocommit = true;
    /** The current database's backend went away: statements fail with 1049 until it is back or USE moves on. */
    private boolean orphaned;

    private RoutedSession(BackendRouter router, SessionInfo info) {
        this.router = router;
        this.info = info;
    }

    /** Opens the session the login asked for: on the backend serving {@code info.schema()}. */
    static RoutedSession open(BackendRouter router, SessionInfo info) throws BackendException {
        RoutedSession s = new RoutedSession(router, info);
        s.schema = info.schema();
        Optional<Backend> b = router.forDatabase(info.schema());
        if (b.isPresent()) {
            s.activate(b.get(), info.schema());
        } else if (info.schema() != null) {
            throw unknownDatabase(info.schema());
        }
        return s;
    }

    @Override
    public void query(String sql, ResultSink sink) throws BackendException {
        Matcher show = SHOW_DATABASES.matcher(sql);
        if (show.matches() && !router.declaredDatabases().isEmpty()) {
            showDatabases(show.group(1), sink);
            return;
        }
        sessionFor(sql).query(sql, sink);
    }

    @Override
    public void query(String sql, List<StringLiteral> literals, ResultSink sink) throws BackendException {
        if (literals.isEmpty() || SHOW_DATABASES.matcher(sql).matches()) {
            query(sql, sink);
            return;
        }
        sessionFor(sql).query(sql, literals, sink);
    }

    @Override
    public Prepared prepare(String sql) throws BackendException {
        BackendSession target = sessionFor(sql);
        Prepared p = target.prepare(sql);
        return new Prepared(new Routed(target, p), p.parameters(), p.columns());
    }

    @Override
    public void execute(Prepared statement, List<Object> parameters, ResultSink sink) throws BackendException {
        Routed r = routed(statement);
        r.session.execute(r.prepared, parameters, sink);
    }

    @Override
    public RowCursor openCursor(Prepared statement, List<Object> parameters) throws BackendException {
        Routed r = routed(statement);
        return r.session.openCursor(r.prepared, parameters);
    }

    @Override
    public void closeStatement(Prepared statement) {
        if (statement.handle() instanceof Routed) {
            Routed r = (Routed) statement.handle();
            r.session.closeStatement(r.prepared);
        }
    }

    @Override
    public void useSchema(String name) throws BackendException {
        Backend b = router.forDatabase(name).orElseThrow(() -> unknownDatabase(name));
        BackendSession s = sessionOf(b, null);
        s.useSchema(name);
        active = s;
        activeBackend = b;
        schema = name;
        orphaned = false;
    }

    @Override
    public String currentSchema() {
        BackendSession a = active;
        if (a != null && activeBackend != null && router.isLive(activeBackend)) {
            schema = a.currentSchema();
        }
        return schema;
    }

    @Override
    public boolean inTransaction() {
        for (BackendSession s : open.values()) {
            if (s.inTransaction()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void setAutocommit(boolean on) throws BackendException {
        for (BackendSession s : open.values()) {
            s.setAutocommit(on);
        }
        autocommit = on;
    }

    @Override
    public void reset() throws BackendException {
        for (BackendSession s : open.values()) {
            s.reset();
        }
        autocommit = true;
    }

    @Override
    public void cancel() {
        BackendSession a = active;
        if (a != null) {
            a.cancel();
        }
    }

    @Override
    public void close() {
        for (BackendSession s : open.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "connection " + info.connectionId() + ": backend session close failed", e);
            }
        }
        open.clear();
        active = null;
    }

    /** The session for a statement: a backend its db.table references name, else the current one. */
    private BackendSession sessionFor(String sql) throws BackendException {
        dropGoneBackends();
        Set<String> declared = router.declaredDatabases();
        if (!declared.isEmpty()) {
            Backend target = null;
            for (String q : QualifiedNames.qualifiers(sql)) {
                if (!declared.contains(q)) {
                    continue;
                }
                Backend b = router.declaring(q).orElse(null);
                if (b != null && target != null && b != target) {
                    throw new BackendException(1105, "HY000", "A statement cannot use databases of two backends ('"
                            + target.name() + "' and '" + b.name() + "')");
                }
                target = b;
            }
            if (target != null && target != activeBackend) {
                return sessionOf(target, null);
            }
        }
        if (orphaned) {
            Backend back = router.declaring(schema).orElseThrow(() -> unknownDatabase(schema));
            activate(back, schema);
            orphaned = false;
        }
        if (active == null || activeBackend == null) {
            Backend b = router.forDatabase(schema).orElseThrow(() -> schema == null
                    ? new BackendException(1105, "HY000", "No backend is available")
                    : unknownDatabase(schema));
            activate(b, b.databases().isEmpty() || containsIgnoreCase(b.databases(), schema) ? schema : null);
        }
        return active;
    }

    private void activate(Backend b, String database) throws BackendException {
        BackendSession s = sessionOf(b, database);
        active = s;
        activeBackend = b;
    }

    /** The open session on {@code b}, opening one (with {@code database} selected) if needed. */
    private BackendSession sessionOf(Backend b, String database) throws BackendException {
        BackendSession s = open.get(b);
        if (s == null) {
            s = router.started(b).openSession(new SessionInfo(info.connectionId(), info.user(), info.host(), database,
                    info.connectAttributes()));
            if (!autocommit) {
                s.setAutocommit(false);
            }
            open.put(b, s);
        }
        return s;
    }

    /** Forgets sessions on backends that left the registry (their backend is closed). */
    private void dropGoneBackends() {
        open.entrySet().removeIf(e -> {
            if (router.isLive(e.getKey())) {
                return false;
            }
            try {
                e.getValue().close();
            } catch (RuntimeException ex) {
                LOG.log(Level.DEBUG, "closing a session of a gone backend: " + ex);
            }
            if (e.getKey() == activeBackend) {
                active = null;
                activeBackend = null;
                orphaned = schema != null && !e.getKey().databases().isEmpty();
            }
            return true;
        });
    }

    private void showDatabases(String like, ResultSink sink) throws BackendException {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<Column> columns = null;
        Optional<Backend> catchAll = router.catchAll();
        if (catchAll.isPresent()) {
            Collect rows = new Collect();
            sessionOf(catchAll.get(), null).query("SHOW DATABASES", rows);
            if (rows.error != null) {
                throw rows.error;
            }
            columns = rows.columns;
            for (Object[] r : rows.rows) {
                names.add(String.valueOf(r[0]));
            }
        }
        for (Backend b : router.backends()) {
            names.addAll(b.databases());
        }
        if (columns == null || columns.size() != 1) {
            columns = List.of(Column.builder("Database", io.porpoise.backend.ColumnType.VAR_STRING).length(256).build());
        }
        RowWriter out = sink.columns(columns);
        for (String n : names) {
            if (like == null || Like.matches(n, like)) {
                out.row(n);
            }
        }
        out.finish();
    }

    private static Routed routed(Prepared statement) throws BackendException {
        if (!(statement.handle() instanceof Routed)) {
            throw new BackendException(1243, "HY000", "Unknown prepared statement handler given to EXECUTE");
        }
        Routed r = (Routed) statement.handle();
        return r;
    }

    private static boolean containsIgnoreCase(Set<String> names, String name) {
        return name != null && names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    static BackendException unknownDatabase(String name) {
        return new BackendException(1049, "42000", "Unknown database '" + name + "'");
    }

    /** A statement prepared on one of the backends. */
    private static final class Routed {
        final BackendSession session;
        final Prepared prepared;

        Routed(BackendSession session, Prepared prepared) {
            this.session = session;
            this.prepared = prepared;
        }
    }

    /** Holds a small result (SHOW DATABASES of the catch-all backend) to merge it. */
    private static final class Collect implements ResultSink, RowWriter {
        final List<Object[]> rows = new ArrayList<>();
        List<Column> columns;
        BackendException error;
        boolean completed;

        @Override
        public void ok(UpdateResult result) {
            completed = true;
        }

        @Override
        public void error(BackendException e) {
            error = e;
            completed = true;
        }

        @Override
        public RowWriter columns(List<Column> c) {
            columns = c;
            completed = true;
            return this;
        }

        @Override
        public boolean isCompleted() {
            return completed;
        }

        @Override
        public void row(Object... values) {
            rows.add(values.clone());
        }

        @Override
        public void finish() {
        }

        @Override
        public void finish(int warnings) {
        }
    }

    /** SQL LIKE with {@code %}, {@code _} and backslash escapes, case-insensitive. */
    static final class Like {
        private Like() {
        }

        static boolean matches(String value, String pattern) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && i + 1 < pattern.length()) {
                    re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else if (c == '%') {
                    re.append(".*");
                } else if (c == '_') {
                    re.append('.');
                } else if (c == '\'' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    re.append('\'');
                    i++;
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(value).matches();
        }
    }
}
