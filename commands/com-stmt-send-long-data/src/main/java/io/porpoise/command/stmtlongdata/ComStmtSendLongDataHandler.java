package io.porpoise.command.stmtlongdata;

import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import org.osgi.service.component.annotations.Component;

/**
 * COM_STMT_SEND_LONG_DATA (0x18): appends a chunk to a parameter's value; the next execution
 * uses it. Binary-safe, any number of chunks, and the total may exceed max_allowed_packet
 * (each chunk is one packet). There is never a response; chunks for an unknown statement or
 * parameter are dropped, as MySQL does.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_send_long_data.html">COM_STMT_SEND_LONG_DATA</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=24")
public final class ComStmtSendLongDataHandler implements CommandHandler<ComStmtSendLongDataRequest> {
    private static final System.Logger LOG = System.getLogger(ComStmtSendLongDataHandler.class.getName());
    public static final int COM_STMT_SEND_LONG_DATA = 0x18;

    @Override
    public int command() {
        return COM_STMT_SEND_LONG_DATA;
    }

    @Override
    public String name() {
        return "COM_STMT_SEND_LONG_DATA";
    }

    @Override
    public ComStmtSendLongDataRequest decode(PayloadReader payload, SessionContext session) {
        long id = payload.readInt4();
        int parameter = payload.readInt2();
        return new ComStmtSendLongDataRequest(id, parameter, payload.readRestOfPacketBytes());
    }

    @Override
    public void execute(ComStmtSendLongDataRequest request, CommandContext context) {
        LOG.log(System.Logger.Level.TRACE, () -> "statement " + request.statementId() + " parameter " + request.parameter()
                + ": " + request.data().length + " bytes of long data");
        context.session().statements().get(request.statementId())
                .ifPresent(s -> s.appendLongData(request.parameter(), request.data()));
        context.noResponse();
    }
}
