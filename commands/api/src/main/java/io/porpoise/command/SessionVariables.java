package io.porpoise.command;

import io.porpoise.backend.BackendException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * One session's variable values. Used by the session's worker thread; reads from other threads
 * (SHOW PROCESSLIST) see a consistent map because access is synchronized.
 */
public final class SessionVariables {
    private final SystemVariables system;
    private final Map<String, Object> values = new HashMap<>();
    private final CopyOnWriteArrayList<BiConsumer<String, Object>> listeners = new CopyOnWriteArrayList<>();

    SessionVariables(SystemVariables system) {
        this.system = system;
        for (SystemVariable v : system.definitions()) {
            if (v.scope() == VariableScope.BOTH) {
                values.put(v.name(), system.global(v.name()));
            } else if (v.scope() == VariableScope.SESSION) {
                try {
                    values.put(v.name(), v.parse(v.defaultValue()));
                } catch (BackendException e) {
                    throw new IllegalStateException("default of " + v.name() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    public SystemVariables system() {
        return system;
    }

    /**
     * The value {@code @@name} reads: the session value, or the global one for a global-only
     * variable. Empty when the variable is unknown.
     */
    public synchronized Optional<Object> lookup(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Optional<SystemVariable> def = system.definition(key);
        if (def.isEmpty()) {
            return Optional.empty();
        }
        if (def.get().scope() == VariableScope.GLOBAL) {
            return Optional.ofNullable(system.global(key));
        }
        return Optional.ofNullable(values.get(key));
    }

    /** The value, or null when unset/NULL/unknown. */
    public Object get(String name) {
        return lookup(name).orElse(null);
    }

    public String getString(String name) {
        Object v = get(name);
        return v == null ? null : v.toString();
    }

    public boolean getBoolean(String name) {
        return Boolean.TRUE.equals(get(name));
    }

    /** {@code SET [SESSION] name = value}: checks scope, writability and type. */
    public void set(String name, Object value) throws BackendException {
        SystemVariable v = system.require(name);
        if (v.readOnly()) {
            throw SystemVariable.error("ER_INCORRECT_GLOBAL_LOCAL_VAR", v.name(), "read only");
        }
        if (v.scope() == VariableScope.GLOBAL) {
            throw SystemVariable.error("ER_GLOBAL_VARIABLE", v.name());
        }
        Object parsed = v.parse(value);
        put(v.name(), parsed);
    }

    /** Sets a value the server itself maintains (e.g. warning_count), bypassing read-only. */
    public void internalSet(String name, Object value) {
        put(name.toLowerCase(Locale.ROOT), value);
    }

    private void put(String key, Object value) {
        synchronized (this) {
            values.put(key, value);
        }
        for (BiConsumer<String, Object> l : listeners) {
            l.accept(key, value);
        }
    }

    /** Called after each session change with the variable's name and new value. */
    public void addListener(BiConsumer<String, Object> listener) {
        listeners.add(listener);
    }

    /** Back to the global values (COM_RESET_CONNECTION, COM_CHANGE_USER). */
    public synchronized void reset() {
        values.clear();
        SessionVariables fresh = new SessionVariables(system);
        values.putAll(fresh.values);
    }
}
