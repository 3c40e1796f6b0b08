package io.porpoise.command;

import io.porpoise.backend.BackendException;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerErrors;
import java.util.Locale;

/**
 * The definition of one system variable: MySQL 8 name, scope, type and default.
 *
 * @param nullable whether NULL is a legal value (character_set_results)
 */
public record SystemVariable(String name, VariableScope scope, VariableType type, String defaultValue,
        boolean readOnly, boolean nullable) {

    /** Parses a value given as text (SET x = 'text' or a number literal). */
    public Object parse(Object value) throws BackendException {
        if (value == null) {
            if (nullable) {
                return null;
            }
            throw error("ER_WRONG_VALUE_FOR_VAR", name, "NULL");
        }
        String text = value.toString();
        switch (type) {
            case BOOL:
                switch (text.toUpperCase(Locale.ROOT)) {
                    case "ON": case "1": case "TRUE": case "YES":
                        return Boolean.TRUE;
                    case "OFF": case "0": case "FALSE": case "NO":
                        return Boolean.FALSE;
                    default:
                        throw error("ER_WRONG_VALUE_FOR_VAR", name, text);
                }
            case INT:
                try {
                    String t = text.trim();
                    if (t.startsWith("-")) {
                        return 0L;
                    }
                    int dot = t.indexOf('.');
                    return Long.parseUnsignedLong(dot >= 0 ? t.substring(0, dot) : t);
                } catch (NumberFormatException e) {
                    throw error("ER_WRONG_TYPE_FOR_VAR", name);
                }
            default:
                return text;
        }
    }

    /** The value as {@code SELECT @@x} returns it: BOOL as 1/0, INT as a number. */
    public Object selectValue(Object value) {
        if (value instanceof Boolean) {
            return ((Boolean) value) ? 1L : 0L;
        }
        if (value instanceof Long && ((Long) value) < 0) {
            return new java.math.BigInteger(Long.toUnsignedString((Long) value));
        }
        return value;
    }

    /** The value as {@code SHOW VARIABLES} prints it. */
    public String showValue(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean) {
            return ((Boolean) value) ? "ON" : "OFF";
        }
        if (value instanceof Long) {
            return Long.toUnsignedString((Long) value);
        }
        return value.toString();
    }

    static BackendException error(String symbol, Object... args) {
        ServerError e = ServerErrors.of(symbol);
        return new BackendException(e.code(), e.sqlState(), e.format(args));
    }
}
