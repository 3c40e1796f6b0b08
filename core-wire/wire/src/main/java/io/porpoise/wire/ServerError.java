package io.porpoise.wire;

import java.util.Objects;

/**
 * One row of MySQL's error table: the errno, its symbolic name, its SQLSTATE and the English
 * message format (C printf conventions, as MySQL's {@code messages_to_clients.txt} writes them).
 */
public final class ServerError {
    private final int code;
    private final String symbol;
    private final String sqlState;
    private final String messageFormat;

    public ServerError(int code, String symbol, String sqlState, String messageFormat) {
        if (sqlState.length() != 5) {
            throw new IllegalArgumentException("sqlState: " + sqlState + " (expected: 5 characters)");
        }
        this.code = code;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.sqlState = sqlState;
        this.messageFormat = Objects.requireNonNull(messageFormat, "messageFormat");
    }

    public int code() {
        return code;
    }

    public String symbol() {
        return symbol;
    }

    public String sqlState() {
        return sqlState;
    }

    public String messageFormat() {
        return messageFormat;
    }

    /**
     * Formats the message the way MySQL's my_error does: {@code %s}, {@code %d}, {@code %u},
     * {@code %lu}, {@code %-.64s} (precision truncates strings), {@code %%}. Missing arguments
     * print as empty; extra ones are ignored.
     */
    public String format(Object... args) {
        return CFormat.format(messageFormat, args);
    }

    @Override
    public String toString() {
        return code + " (" + sqlState + ") " + symbol;
    }
}
