package io.porpoise.command.changeuser;

import io.porpoise.command.ChangeUserRequest;
import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import org.osgi.service.component.annotations.Component;

/**
 * COM_CHANGE_USER (0x11): re-authenticates the connection as another (or the same) account.
 * The exchange is the server's, as at login: the first auth response was computed with the
 * initial handshake's scramble; the server switches plugins when the account needs another one,
 * then answers OK with a fresh session (transaction rolled back, statements closed, variables
 * reset, the requested database used), or ERR and closes the connection, as MySQL does.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_change_user.html">COM_CHANGE_USER</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=17")
public final class ComChangeUserHandler implements CommandHandler<ChangeUserRequest> {
    public static final int COM_CHANGE_USER = 0x11;

    @Override
    public int command() {
        return COM_CHANGE_USER;
    }

    @Override
    public String name() {
        return "COM_CHANGE_USER";
    }

    @Override
    public ChangeUserRequest decode(PayloadReader payload, SessionContext session) {
        return ComChangeUserDecoder.decode(payload, session.capabilities(), session.clientCharset());
    }

    @Override
    public String describe(ChangeUserRequest request) {
        return null;
    }

    @Override
    public void execute(ChangeUserRequest request, CommandContext context) {
        context.changeUser(request);
    }
}
