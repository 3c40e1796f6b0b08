package io.porpoise.command.stmtprepare;

import io.netty.buffer.ByteBuf;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.PrepareUnsupportedException;
import io.porpoise.backend.Prepared;
import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.Placeholders;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.QueryText;
import io.porpoise.charset.InvalidCharacterStringException;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * COM_STMT_PREPARE (0x16). Server-level statements (those a query interceptor accepts: SET,
 * SELECT @@x, SHOW VARIABLES, USE, ...) and statements of backends without prepared statements
 * are emulated: the server counts the placeholders and, on execution, runs the text with the
 * parameters as literals through the COM_QUERY path. Everything else the backend prepares.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_prepare.html">COM_STMT_PREPARE</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=22")
public final class ComStmtPrepareHandler implements CommandHandler<ComStmtPrepareRequest> {
    public static final int COM_STMT_PREPARE = 0x16;

    @Override
    public int command() {
        return COM_STMT_PREPARE;
    }

    @Override
    public String name() {
        return "COM_STMT_PREPARE";
    }

    @Override
    public ComStmtPrepareRequest decode(PayloadReader payload, SessionContext session) {
        byte[] sql = payload.readRestOfPacketBytes();
        try {
            return new ComStmtPrepareRequest(QueryText.decode(sql, session));
        } catch (InvalidCharacterStringException e) {
            return new ComStmtPrepareRequest(new String(sql, session.clientCharset()), e);
        }
    }

    @Override
    public String describe(ComStmtPrepareRequest request) {
        return request.sql();
    }

    @Override
    public void execute(ComStmtPrepareRequest request, CommandContext context) {
        String sql = request.sql();
        SessionContext session = context.session();
        try {
            if (request.invalid() != null) {
                context.error(io.porpoise.wire.ServerErrors.of("ER_INVALID_CHARACTER_STRING"), request.invalid().charsetName(),
                        request.invalid().hexBytes());
                return;
            }
            if (sql.isBlank()) {
                context.error(io.porpoise.wire.ServerErrors.of("ER_EMPTY_QUERY"));
                return;
            }
            ServerStatement statement = serverLevel(sql, context) ? emulate(sql, session) : prepare(sql, session);
            answer(statement, context);
        } catch (BackendException e) {
            context.error(e);
        }
    }

    private static boolean serverLevel(String sql, CommandContext context) {
        for (QueryInterceptor i : context.queryInterceptors()) {
            if (i.accepts(sql, context.session())) {
                return true;
            }
        }
        return false;
    }

    private static ServerStatement prepare(String sql, SessionContext session) throws BackendException {
        Prepared p;
        try {
            p = session.backend().prepare(sql);
        } catch (PrepareUnsupportedException e) {
            return emulate(sql, session);
        }
        return session.statements().add(sql, p, p.parameters().size(), p.parameters(), p.columns());
    }

    /** Placeholders are typed as strings; result columns are announced by the execution. */
    private static ServerStatement emulate(String sql, SessionContext session) throws BackendException {
        int n = Placeholders.count(sql);
        List<Column> params = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            params.add(Column.of("?", ColumnType.VAR_STRING));
        }
        return session.statements().add(sql, null, n, params, List.of());
    }

    /** COM_STMT_PREPARE_OK, then parameter and column definitions. */
    private static void answer(ServerStatement s, CommandContext context) {
        PacketWriter out = context.packets();
        ByteBuf b = out.begin();
        PayloadWriter.writeInt1(b, 0x00);
        PayloadWriter.writeInt4(b, s.id());
        PayloadWriter.writeInt2(b, s.columns().size());
        PayloadWriter.writeInt2(b, s.parameterCount());
        PayloadWriter.writeInt1(b, 0x00);
        PayloadWriter.writeInt2(b, 0);
        out.end();
        definitions(out, s.parameters(), context);
        definitions(out, s.columns(), context);
    }

    private static void definitions(PacketWriter out, List<Column> columns, CommandContext context) {
        if (columns.isEmpty()) {
            return;
        }
        for (Column c : columns) {
            out.columnDefinition(c);
        }
        out.endOfMetadata(context.session().status());
    }
}
