package io.porpoise.command.statements;

import io.porpoise.backend.BackendException;
import io.porpoise.charset.Collation;
import io.porpoise.charset.Collations;
import io.porpoise.command.SessionContext;
import io.porpoise.command.SystemVariable;
import java.util.Locale;

/** One checked {@code SET} assignment, applied only after all of a statement's are checked. */
final class Assignment {
    private final VariableRef ref;
    private final String userVariable;
    private Object value;

    private Assignment(VariableRef ref, String userVariable, Object value) {
        this.ref = ref;
        this.userVariable = userVariable;
        this.value = value;
    }

    static Assignment system(VariableRef ref, Object value) {
        return new Assignment(ref, null, value);
    }

    static Assignment user(String name, Object value) {
        return new Assignment(null, name.toLowerCase(Locale.ROOT), value);
    }

    /** True when the value is a {@code ?} of a statement being prepared. */
    boolean hasPlaceholder() {
        return value == Expressions.PLACEHOLDER;
    }

    /** Validates name, scope and value; normalises the value. */
    void check(SessionContext s) throws BackendException {
        if (ref == null) {
            return;
        }
        SystemVariable def = s.globalVariables().require(ref.name());
        value = def.parse(value);
        String name = def.name();
        if (value instanceof String) {
            String v = (String) value;
            if (name.startsWith("character_set_")) {
                value = Charsets.check(name, v).charsetName();
            } else if (name.startsWith("collation_") || name.equals("default_collation_for_utf8mb4")) {
                Collation c = Collations.byName(v).orElseThrow(() -> VariableRef.error("ER_UNKNOWN_COLLATION", v));
                value = c.name();
            } else if (name.equals("sql_mode")) {
                value = v.toUpperCase(Locale.ROOT);
            } else if (name.equals("transaction_isolation") || name.equals("tx_isolation")) {
                String iso = v.toUpperCase(Locale.ROOT).replace(' ', '-');
                if (!iso.equals("READ-UNCOMMITTED") && !iso.equals("READ-COMMITTED") && !iso.equals("REPEATABLE-READ")
                        && !iso.equals("SERIALIZABLE")) {
                    throw VariableRef.error("ER_WRONG_VALUE_FOR_VAR", name, v);
                }
                value = iso;
            }
        }
    }

    void apply(SessionContext s) throws BackendException {
        if (ref == null) {
            s.userVariables().put(userVariable, value);
            return;
        }
        String name = s.globalVariables().require(ref.name()).name();
        if (ref.scope() == VariableRef.Scope.GLOBAL) {
            s.globalVariables().setGlobal(name, value);
            return;
        }
        if (name.equals("autocommit")) {
            s.backend().setAutocommit(Boolean.TRUE.equals(value));
        }
        s.variables().set(name, value);
        if (name.equals("transaction_isolation") || name.equals("tx_isolation")) {
            s.variables().set(name.equals("tx_isolation") ? "transaction_isolation" : "tx_isolation", value);
        } else if (name.equals("transaction_read_only") || name.equals("tx_read_only")) {
            s.variables().set(name.equals("tx_read_only") ? "transaction_read_only" : "tx_read_only", value);
        } else if (value instanceof String) {
            Charsets.pair(name, (String) value, s.variables());
        }
    }
}
