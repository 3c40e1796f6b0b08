package io.porpoise.command.query;

import io.porpoise.backend.BackendException;
import io.porpoise.charset.InvalidCharacterStringException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.QueryText;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import org.osgi.service.component.annotations.Component;

/**
 * COM_QUERY (0x03): server-level interceptors first (system variables, SET, USE, ...), then
 * the backend.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query.html">COM_QUERY</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=3")
public final class ComQueryHandler implements CommandHandler<ComQueryRequest> {
    public static final int COM_QUERY = 0x03;

    @Override
    public int command() {
        return COM_QUERY;
    }

    @Override
    public String name() {
        return "COM_QUERY";
    }

    @Override
    public ComQueryRequest decode(PayloadReader payload, SessionContext session) {
        byte[] sql = payload.readRestOfPacketBytes();
        try {
            return new ComQueryRequest(QueryText.decode(sql, session));
        } catch (InvalidCharacterStringException e) {
            return new ComQueryRequest(new String(sql, session.clientCharset()), e);
        }
    }

    @Override
    public String describe(ComQueryRequest request) {
        return request.sql();
    }

    @Override
    public void execute(ComQueryRequest request, CommandContext context) {
        try {
            if (request.invalid() != null) {
                context.error(io.porpoise.wire.ServerErrors.of("ER_INVALID_CHARACTER_STRING"), request.invalid().charsetName(),
                        request.invalid().hexBytes());
                return;
            }
            if (request.sql().isBlank()) {
                context.error(io.porpoise.wire.ServerErrors.of("ER_EMPTY_QUERY"));
                return;
            }
            for (QueryInterceptor interceptor : context.queryInterceptors()) {
                if (interceptor.intercept(request.sql(), context)) {
                    return;
                }
            }
            context.session().backend().query(request.sql(), context.resultSink());
        } catch (BackendException e) {
            context.error(e);
        }
    }
}
