package io.porpoise.command;

import io.porpoise.backend.BackendException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The server's system variables: definitions (from the checked-in
 * {@code system-variables.tsv}, MySQL 8 names, types and defaults) and their global values.
 * One instance per server; thread-safe. Sessions copy the global values of
 * {@link VariableScope#BOTH} variables when they start, as MySQL does.
 */
public final class SystemVariables {
    private final Map<String, SystemVariable> definitions;
    private final Map<String, Object> globals = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, Object>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Check> checks = new ConcurrentHashMap<>();

    /** A rule a variable's new global value must follow beyond its type (MySQL's check functions). */
    @FunctionalInterface
    public interface Check {
        /** Throws the error SET GLOBAL reports (usually ER_WRONG_VALUE_FOR_VAR) when {@code value} is not allowed. */
        void check(Object value) throws BackendException;
    }

    private SystemVariables(Map<String, SystemVariable> definitions) {
        this.definitions = definitions;
        for (SystemVariable v : definitions.values()) {
            if (v.scope() != VariableScope.SESSION) {
                Object value = parseDefault(v);
                if (value != null) {
                    globals.put(v.name(), value);
                }
            }
        }
    }

    /** The MySQL 8 defaults. */
    public static SystemVariables withDefaults() {
        return new SystemVariables(load());
    }

    public Optional<SystemVariable> definition(String name) {
        return Optional.ofNullable(definitions.get(name.toLowerCase(Locale.ROOT)));
    }

    /** All definitions, sorted by name. */
    public Iterable<SystemVariable> definitions() {
        return Collections.unmodifiableCollection(definitions.values());
    }

    public SystemVariable require(String name) throws BackendException {
        SystemVariable v = definitions.get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            throw SystemVariable.error("ER_UNKNOWN_SYSTEM_VARIABLE", name);
        }
        return v;
    }

    /** The global value (null for a session-only variable or a NULL value). */
    public Object global(String name) {
        return globals.get(name.toLowerCase(Locale.ROOT));
    }

    /** {@code SET GLOBAL}: checks scope and type, then notifies listeners. */
    public void setGlobal(String name, Object value) throws BackendException {
        SystemVariable v = require(name);
        if (v.readOnly()) {
            throw SystemVariable.error("ER_INCORRECT_GLOBAL_LOCAL_VAR", v.name(), "read only");
        }
        if (v.scope() == VariableScope.SESSION) {
            throw SystemVariable.error("ER_LOCAL_VARIABLE", v.name());
        }
        Object parsed = v.parse(value);
        Check check = checks.get(v.name());
        if (check != null) {
            check.check(parsed);
        }
        putGlobal(v, parsed);
    }

    /** Adds a rule that {@code SET GLOBAL name = value} checks before storing the value. */
    public void check(String name, Check check) {
        SystemVariable v = definitions.get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new IllegalArgumentException("system variable: " + name + " (expected: a defined variable)");
        }
        checks.put(v.name(), check);
    }

    /** Sets a global the server itself owns (start-up configuration), even if read-only. */
    public void configure(String name, Object value) {
        SystemVariable v = definitions.get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new IllegalArgumentException("system variable: " + name + " (expected: a defined variable)");
        }
        try {
            putGlobal(v, v.parse(value));
        } catch (BackendException e) {
            throw new IllegalArgumentException("system variable " + name + ": " + e.getMessage(), e);
        }
    }

    private void putGlobal(SystemVariable v, Object parsed) {
        if (parsed == null) {
            globals.remove(v.name());
        } else {
            globals.put(v.name(), parsed);
        }
        for (BiConsumer<String, Object> l : listeners) {
            l.accept(v.name(), parsed);
        }
    }

    /** Called after each global change with the variable's name and new value. */
    public void addListener(BiConsumer<String, Object> listener) {
        listeners.add(listener);
    }

    /** A new session's variables, initialised from the current globals. */
    public SessionVariables newSession() {
        return new SessionVariables(this);
    }

    private static Object parseDefault(SystemVariable v) {
        try {
            return v.parse(v.defaultValue());
        } catch (BackendException e) {
            throw new IllegalStateException("system-variables.tsv default of " + v.name() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, SystemVariable> load() {
        Map<String, SystemVariable> map = new TreeMap<>();
        try (InputStream in = SystemVariables.class.getResourceAsStream("system-variables.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource: system-variables.tsv (expected: beside SystemVariables)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new IllegalStateException("system-variables.tsv line: " + line + " (expected: 5 tab-separated fields)");
                }
                List<String> flags = new ArrayList<>(List.of(f[4].split(",")));
                map.put(f[0], new SystemVariable(f[0], VariableScope.valueOf(f[1]), VariableType.valueOf(f[2]), f[3],
                        flags.contains("ro"), flags.contains("null")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(map);
    }
}
