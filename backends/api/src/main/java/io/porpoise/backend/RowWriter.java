package io.porpoise.backend;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Takes the rows of one result set. Rows stream to the client in batches; when the client reads
 * slower than rows arrive, {@link #row} blocks until the connection drains (backpressure), so a
 * backend never needs to buffer a whole result.
 *
 * <p>Values, one per column, in these Java types (null is SQL NULL):
 * integers as {@code Long}, {@code Integer}, {@code Short}, {@code Byte} or {@code BigInteger}
 * (BIGINT UNSIGNED), {@code Boolean} as 1/0; {@code Float}, {@code Double}; {@code BigDecimal};
 * {@code LocalDate}; {@code LocalDateTime} (DATETIME, TIMESTAMP); {@code Duration} or
 * {@code LocalTime} (TIME); {@code String} or {@code byte[]} for text, binary, JSON, ENUM, SET,
 * BIT and GEOMETRY. Any other value is sent as its {@code toString()}.
 */
@ProviderType
public interface RowWriter {

    /**
     * Sends one row.
     *
     * @throws ClientGoneException when the client disconnected: stop producing and clean up
     */
    void row(Object... values);

    /** Ends the result set. */
    void finish();

    /** Ends the result set, reporting warnings. */
    void finish(int warnings);
}
