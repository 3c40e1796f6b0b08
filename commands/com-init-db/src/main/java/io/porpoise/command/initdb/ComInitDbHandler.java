package io.porpoise.command.initdb;

import io.porpoise.backend.BackendException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import org.osgi.service.component.annotations.Component;

/**
 * COM_INIT_DB (0x02): changes the current database, like {@code USE}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_init_db.html">COM_INIT_DB</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=2")
public final class ComInitDbHandler implements CommandHandler<ComInitDbRequest> {
    public static final int COM_INIT_DB = 0x02;

    @Override
    public int command() {
        return COM_INIT_DB;
    }

    @Override
    public String name() {
        return "COM_INIT_DB";
    }

    @Override
    public ComInitDbRequest decode(PayloadReader payload, SessionContext session) {
        return new ComInitDbRequest(payload.readRestOfPacketString(session.clientCharset()));
    }

    @Override
    public void execute(ComInitDbRequest request, CommandContext context) {
        if (request.schema().isEmpty()) {
            context.error(io.porpoise.wire.ServerErrors.of("ER_NO_DB_ERROR"));
            return;
        }
        try {
            context.session().useSchema(request.schema());
            context.ok();
        } catch (BackendException e) {
            context.error(e);
        }
    }
}
