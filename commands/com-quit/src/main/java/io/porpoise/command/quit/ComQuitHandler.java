package io.porpoise.command.quit;

import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import org.osgi.service.component.annotations.Component;

/**
 * COM_QUIT (0x01): the client says goodbye; no response, the server closes the connection.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_quit.html">COM_QUIT</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=1")
public final class ComQuitHandler implements CommandHandler<Void> {
    public static final int COM_QUIT = 0x01;

    @Override
    public int command() {
        return COM_QUIT;
    }

    @Override
    public String name() {
        return "COM_QUIT";
    }

    /** The payload has nothing after the command byte; extra bytes are ignored as MySQL does. */
    @Override
    public Void decode(PayloadReader payload, SessionContext session) {
        return null;
    }

    @Override
    public void execute(Void request, CommandContext context) {
        context.noResponse();
        context.closeConnection();
    }
}
