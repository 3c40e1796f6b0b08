package io.porpoise.compression;

/**
 * A compressed payload that does not decompress to the length its header declared: a corrupt
 * stream, one that ends early, or one that would expand further (ER_NET_UNCOMPRESS_ERROR).
 */
public final class DecompressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DecompressionException(String message) {
        super(message);
    }

    public DecompressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
