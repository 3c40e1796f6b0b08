package io.porpoise.command.setoption;

import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerErrors;
import org.osgi.service.component.annotations.Component;

/**
 * COM_SET_OPTION (0x1B): switches multi-statements on or off for the session
 * ({@code mysql_set_server_option()}). Answered, as MySQL's {@code my_eof()} does, with an EOF
 * packet, which with CLIENT_DEPRECATE_EOF is an OK packet with header 0xFE; an unknown option
 * is ER_UNKNOWN_COM_ERROR.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_set_option.html">COM_SET_OPTION</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=27")
public final class ComSetOptionHandler implements CommandHandler<ComSetOptionRequest> {
    public static final int COM_SET_OPTION = 0x1B;

    @Override
    public int command() {
        return COM_SET_OPTION;
    }

    @Override
    public String name() {
        return "COM_SET_OPTION";
    }

    /** int&lt;2&gt; option; a shorter payload is malformed. */
    @Override
    public ComSetOptionRequest decode(PayloadReader payload, SessionContext session) {
        return new ComSetOptionRequest(payload.readInt2());
    }

    @Override
    public void execute(ComSetOptionRequest request, CommandContext context) {
        switch (request.option()) {
            case ComSetOptionRequest.MULTI_STATEMENTS_ON -> context.session().multiStatements(true);
            case ComSetOptionRequest.MULTI_STATEMENTS_OFF -> context.session().multiStatements(false);
            default -> {
                context.error(ServerErrors.of("ER_UNKNOWN_COM_ERROR"));
                return;
            }
        }
        context.packets().endOfRows(context.session().status(), 0);
    }
}
