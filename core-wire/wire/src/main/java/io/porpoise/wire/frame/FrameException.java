package io.porpoise.wire.frame;

import io.porpoise.wire.ServerError;

/**
 * A framing violation the connection answers with an ERR and then closes: packet too large
 * (ER_NET_PACKET_TOO_LARGE) or out-of-order sequence id (ER_NET_PACKETS_OUT_OF_ORDER).
 */
public final class FrameException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ServerError error;
    private final int nextSequenceId;

    public FrameException(ServerError error, int nextSequenceId, String detail) {
        super(error.symbol() + ": " + detail);
        this.error = error;
        this.nextSequenceId = nextSequenceId;
    }

    public ServerError error() {
        return error;
    }

    /** The sequence id the ERR reply should carry. */
    public int nextSequenceId() {
        return nextSequenceId;
    }
}
