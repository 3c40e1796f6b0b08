package io.porpoise.backend;

/**
 * An error for the client, carrying MySQL's errno and SQLSTATE (for example 1146 / 42S02 for a
 * missing table). The message is what the client shows.
 */
public class BackendException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String sqlState;

    public BackendException(int errorCode, String sqlState, String message) {
        this(errorCode, sqlState, message, null);
    }

    public BackendException(int errorCode, String sqlState, String message, Throwable cause) {
        super(message, cause);
        if (sqlState == null || sqlState.length() != 5) {
            throw new IllegalArgumentException("sqlState: " + sqlState + " (expected: 5 characters)");
        }
        this.errorCode = errorCode;
        this.sqlState = sqlState;
    }

    public int errorCode() {
        return errorCode;
    }

    public String sqlState() {
        return sqlState;
    }
}
