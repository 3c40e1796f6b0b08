package io.porpoise.command.query;

import io.porpoise.backend.BackendException;
import io.porpoise.charset.InvalidCharacterStringException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.QueryStatements;
import io.porpoise.command.QueryText;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerErrors;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * COM_QUERY (0x03): server-level interceptors first (system variables, SET, USE, ...), then
 * the backend. With multi-statements (CLIENT_MULTI_STATEMENTS, COM_SET_OPTION) each statement of
 * the text is answered in turn, all but the last with SERVER_MORE_RESULTS_EXISTS, and the first
 * ERR ends the batch; without, a second statement is MySQL's syntax error near it.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query.html">COM_QUERY</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=3")
public final class ComQueryHandler implements CommandHandler<ComQueryRequest> {
    public static final int COM_QUERY = 0x03;
    /** ER_SYNTAX_ERROR's text, the first part of MySQL's ER_PARSE_ERROR. */
    private static final String SYNTAX_ERROR = ServerErrors.of("ER_SYNTAX_ERROR").format();

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
            QueryStatements statements = QueryText.split(sql, session);
            return new ComQueryRequest(statements.text(), statements, null);
        } catch (InvalidCharacterStringException e) {
            return new ComQueryRequest(new String(sql, session.clientCharset()), null, e);
        }
    }

    @Override
    public String describe(ComQueryRequest request) {
        return request.sql();
    }

    @Override
    public void execute(ComQueryRequest request, CommandContext context) {
        if (request.invalid() != null) {
            context.error(ServerErrors.of("ER_INVALID_CHARACTER_STRING"), request.invalid().charsetName(),
                    request.invalid().hexBytes());
            return;
        }
        QueryStatements batch = request.statements();
        List<QueryStatements.Statement> statements = batch.statements();
        if (statements.isEmpty()) {
            // MySQL: nothing but a comment is an empty statement (OK), nothing at all is ER_EMPTY_QUERY.
            if (batch.commentOnly()) {
                context.ok();
            } else {
                context.error(ServerErrors.of("ER_EMPTY_QUERY"));
            }
            return;
        }
        if (statements.size() == 1 || !context.session().multiStatements()) {
            // Without CLIENT_MULTI_STATEMENTS MySQL's parser expects the end after the first ';'.
            int wrong = statements.get(0).isEmpty() ? 0 : statements.size() > 1 ? 1 : -1;
            run(batch, wrong >= 0 ? wrong : 0, wrong >= 0, context);
            return;
        }
        for (int i = 0; i < statements.size(); i++) {
            int index = i;
            boolean more = i < statements.size() - 1;
            if (!context.runStatement(more, statement -> run(batch, index, statements.get(index).isEmpty(), statement))) {
                return;
            }
        }
    }

    /** Statement {@code i} of the text: a syntax error near it, or through the interceptors to the backend. */
    private static void run(QueryStatements batch, int i, boolean syntaxError, CommandContext context) {
        if (syntaxError) {
            context.error(ServerErrors.of("ER_PARSE_ERROR"), SYNTAX_ERROR, batch.near(i), batch.line(i));
            return;
        }
        QueryStatements.Statement statement = batch.statements().get(i);
        String sql = statement.sql();
        try {
            for (QueryInterceptor interceptor : context.queryInterceptors()) {
                if (interceptor.intercept(sql, context)) {
                    return;
                }
            }
            if (statement.literals().isEmpty()) {
                context.session().backend().query(sql, context.resultSink());
            } else {
                context.session().backend().query(sql, statement.literals(), context.resultSink());
            }
        } catch (BackendException e) {
            context.error(e);
        }
    }
}
