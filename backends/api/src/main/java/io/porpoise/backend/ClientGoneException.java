package io.porpoise.backend;

/**
 * Thrown from {@link RowWriter#row} when the client went away mid-result: the backend should
 * stop producing rows and release the statement. It needs no answer.
 */
public final class ClientGoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClientGoneException(String message) {
        super(message);
    }
}
