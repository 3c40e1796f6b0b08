package io.porpoise.backend;

/**
 * What {@link BackendSession#prepare} throws by default: the backend has no prepared statements
 * of its own, so the server emulates them over {@link BackendSession#query}. (A statement a
 * backend refuses to prepare is a plain {@link BackendException}, e.g. ER_UNSUPPORTED_PS.)
 */
public final class PrepareUnsupportedException extends BackendException {
    private static final long serialVersionUID = 1L;

    public PrepareUnsupportedException() {
        super(1295, "HY000", "This command is not supported in the prepared statement protocol yet");
    }
}
