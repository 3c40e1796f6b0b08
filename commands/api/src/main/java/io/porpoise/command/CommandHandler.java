package io.porpoise.command;

import io.porpoise.wire.PayloadReader;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Handles one command byte of the command phase (COM_QUERY, COM_PING, ...). There is no central
 * switch: the server looks the byte up among the registered handlers (service property
 * {@link #COMMAND_PROPERTY}); a byte nobody handles gets ER_UNKNOWN_COM_ERROR.
 *
 * <p>A handler is two pure parts: {@link #decode} turns the payload into an immutable request
 * (no ByteBuf inside, testable from hex), {@link #execute} runs it. Both run on the session's
 * worker thread, never on the network event loop, one command at a time per connection.
 *
 * @param <R> the decoded request type
 */
@ConsumerType
public interface CommandHandler<R> {
    /** Service property carrying {@link #command()}. */
    String COMMAND_PROPERTY = "porpoise.command";

    /** The command byte, e.g. 0x03 for COM_QUERY. */
    int command();

    /** The protocol's name, e.g. {@code COM_QUERY}. */
    String name();

    /**
     * Decodes the payload after the command byte.
     *
     * @throws io.porpoise.wire.MalformedPacketException for a short or malformed payload
     */
    R decode(PayloadReader payload, SessionContext session);

    /** What SHOW PROCESSLIST shows as Info while the request runs (COM_QUERY: the SQL); null for nothing. */
    default String describe(R request) {
        return null;
    }

    /** Executes the request and answers through {@code context} (or deliberately not at all). */
    void execute(R request, CommandContext context);
}
