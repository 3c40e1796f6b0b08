package io.porpoise.command.stmtclose;

import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import org.osgi.service.component.annotations.Component;

/**
 * COM_STMT_CLOSE (0x19): releases a statement, its cursor and the backend's statement. There is
 * no response, not even for an unknown id (as in MySQL).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_close.html">COM_STMT_CLOSE</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=25")
public final class ComStmtCloseHandler implements CommandHandler<Long> {
    public static final int COM_STMT_CLOSE = 0x19;

    @Override
    public int command() {
        return COM_STMT_CLOSE;
    }

    @Override
    public String name() {
        return "COM_STMT_CLOSE";
    }

    /** The statement id. */
    @Override
    public Long decode(PayloadReader payload, SessionContext session) {
        return payload.readInt4();
    }

    @Override
    public void execute(Long statementId, CommandContext context) {
        context.session().statements().close(statementId);
        context.noResponse();
    }
}
