package io.porpoise.wire;

/**
 * The one exception every decoder raises for a payload that is short, lies about a length or
 * violates the protocol's grammar. Callers answer it with ER_MALFORMED_PACKET (or close the
 * connection during the handshake); it never escapes as an index or null-pointer error.
 */
public final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }
}
