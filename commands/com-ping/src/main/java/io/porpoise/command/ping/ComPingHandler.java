package io.porpoise.command.ping;

import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import org.osgi.service.component.annotations.Component;

/**
 * COM_PING (0x0E): OK while the server is alive.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_ping.html">COM_PING</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=14")
public final class ComPingHandler implements CommandHandler<Void> {
    public static final int COM_PING = 0x0E;

    @Override
    public int command() {
        return COM_PING;
    }

    @Override
    public String name() {
        return "COM_PING";
    }

    /** The payload has nothing after the command byte; extra bytes are ignored as MySQL does. */
    @Override
    public Void decode(PayloadReader payload, SessionContext session) {
        return null;
    }

    @Override
    public void execute(Void request, CommandContext context) {
        context.ok();
    }
}
