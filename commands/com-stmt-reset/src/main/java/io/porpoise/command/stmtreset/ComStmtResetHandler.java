package io.porpoise.command.stmtreset;

import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerErrors;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * COM_STMT_RESET (0x1A): forgets long data and closes the open cursor; the statement stays
 * prepared. OK, or ER_UNKNOWN_STMT_HANDLER for an unknown id.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_reset.html">COM_STMT_RESET</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=26")
public final class ComStmtResetHandler implements CommandHandler<Long> {
    public static final int COM_STMT_RESET = 0x1A;

    @Override
    public int command() {
        return COM_STMT_RESET;
    }

    @Override
    public String name() {
        return "COM_STMT_RESET";
    }

    @Override
    public Long decode(PayloadReader payload, SessionContext session) {
        return payload.readInt4();
    }

    @Override
    public void execute(Long statementId, CommandContext context) {
        Optional<ServerStatement> s = context.session().statements().get(statementId);
        if (s.isEmpty()) {
            context.error(ServerErrors.of("ER_UNKNOWN_STMT_HANDLER"), 22, Long.toString(statementId), "mysqld_stmt_reset");
            return;
        }
        s.get().clearLongData();
        s.get().cursor(null);
        context.ok();
    }
}
