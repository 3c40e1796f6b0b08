package io.porpoise.command.statements;

import io.porpoise.backend.BackendException;
import io.porpoise.command.SessionContext;
import io.porpoise.command.SystemVariable;
import io.porpoise.command.VariableScope;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerErrors;
import java.util.Locale;

/** A system variable reference with its scope: {@code @@x}, {@code @@session.x}, {@code @@global.x}. */
record VariableRef(String name, Scope scope) {
    enum Scope { DEFAULT, SESSION, GLOBAL }

    /** Parses the text after {@code @@}. */
    static VariableRef parse(String text, Scope given) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("session.") || lower.startsWith("local.")) {
            return new VariableRef(lower.substring(lower.indexOf('.') + 1), Scope.SESSION);
        }
        if (lower.startsWith("global.")) {
            return new VariableRef(lower.substring(7), Scope.GLOBAL);
        }
        return new VariableRef(lower, given);
    }

    /** The value {@code SELECT @@...} reads, with MySQL's scope errors. */
    Object read(SessionContext session) throws BackendException {
        SystemVariable def = session.globalVariables().require(name);
        if (scope == Scope.GLOBAL) {
            if (def.scope() == VariableScope.SESSION) {
                throw error("ER_INCORRECT_GLOBAL_LOCAL_VAR", name, "SESSION");
            }
            return def.selectValue(session.globalVariables().global(name));
        }
        if (scope == Scope.SESSION && def.scope() == VariableScope.GLOBAL) {
            throw error("ER_INCORRECT_GLOBAL_LOCAL_VAR", name, "GLOBAL");
        }
        return def.selectValue(session.variables().get(name));
    }

    static BackendException error(String symbol, Object... args) {
        ServerError e = ServerErrors.of(symbol);
        return new BackendException(e.code(), e.sqlState(), e.format(args));
    }
}
