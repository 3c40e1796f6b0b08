package io.porpoise.command.resetconnection;

import io.porpoise.backend.BackendException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import org.osgi.service.component.annotations.Component;

/**
 * COM_RESET_CONNECTION (0x1F): a fresh session without re-authenticating, as connection pools
 * use it: the open transaction is rolled back, prepared statements are closed, session and user
 * variables return to their defaults. The current database stays, as in MySQL.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_reset_connection.html">COM_RESET_CONNECTION</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=31")
public final class ComResetConnectionHandler implements CommandHandler<Void> {
    public static final int COM_RESET_CONNECTION = 0x1F;

    @Override
    public int command() {
        return COM_RESET_CONNECTION;
    }

    @Override
    public String name() {
        return "COM_RESET_CONNECTION";
    }

    @Override
    public Void decode(PayloadReader payload, SessionContext session) {
        return null;
    }

    @Override
    public void execute(Void request, CommandContext context) {
        SessionContext s = context.session();
        try {
            // Server-side state first: it cannot fail, so a backend error leaves no half-reset session.
            s.statements().closeAll();
            s.variables().reset();
            s.userVariables().clear();
            s.backend().reset();
            s.backend().setAutocommit(s.variables().getBoolean("autocommit"));
            context.ok();
        } catch (BackendException e) {
            context.error(e);
        }
    }
}
