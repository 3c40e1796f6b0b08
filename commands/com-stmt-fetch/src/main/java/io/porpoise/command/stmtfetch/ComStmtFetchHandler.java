package io.porpoise.command.stmtfetch;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.RowCursor;
import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.ServerStatus;
import io.porpoise.wire.StatusFlag;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * COM_STMT_FETCH (0x1C): the next batch of an open cursor as binary rows, ended by EOF (or OK
 * with 0xFE) carrying SERVER_STATUS_CURSOR_EXISTS while rows remain and
 * SERVER_STATUS_LAST_ROW_SENT (closing the cursor) once the last row went out. One row is read
 * ahead so the last batch says so itself.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_fetch.html">COM_STMT_FETCH</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=28")
public final class ComStmtFetchHandler implements CommandHandler<ComStmtFetchRequest> {
    public static final int COM_STMT_FETCH = 0x1C;

    @Override
    public int command() {
        return COM_STMT_FETCH;
    }

    @Override
    public String name() {
        return "COM_STMT_FETCH";
    }

    @Override
    public ComStmtFetchRequest decode(PayloadReader payload, SessionContext session) {
        return new ComStmtFetchRequest(payload.readInt4(), payload.readInt4());
    }

    @Override
    public void execute(ComStmtFetchRequest request, CommandContext context) {
        Optional<ServerStatement> found = context.session().statements().get(request.statementId());
        if (found.isEmpty()) {
            context.error(ServerErrors.of("ER_UNKNOWN_STMT_HANDLER"), 22, Long.toString(request.statementId()), "mysqld_stmt_fetch");
            return;
        }
        ServerStatement s = found.get();
        RowCursor cursor = s.cursor();
        if (cursor == null) {
            context.error(ServerErrors.of("ER_STMT_HAS_NO_OPEN_CURSOR"), request.statementId());
            return;
        }
        LookAhead ahead = LookAhead.of(s, cursor);
        try {
            // Read before answering, so a cursor that fails at once is answered with a plain ERR.
            ahead.hasNext();
        } catch (BackendException e) {
            s.cursor(null);
            context.error(e);
            return;
        }
        PacketWriter out = context.packets();
        try {
            fetch(s, cursor, ahead, Math.max(1, request.rows()), out, context);
        } catch (BackendException e) {
            s.cursor(null);
            out.error(e);
        }
    }

    private static void fetch(ServerStatement s, RowCursor cursor, LookAhead ahead, long limit, PacketWriter out,
            CommandContext context) throws BackendException {
        long sent = 0;
        while (sent < limit) {
            Object[] row = ahead.next();
            if (row == null) {
                break;
            }
            out.binaryRow(cursor.columns(), row);
            sent++;
        }
        boolean more = ahead.hasNext();
        ServerStatus status = context.session().status();
        if (more) {
            status = status.with(StatusFlag.SERVER_STATUS_CURSOR_EXISTS);
        } else {
            status = status.with(StatusFlag.SERVER_STATUS_LAST_ROW_SENT);
            s.cursor(null);
        }
        out.endOfRows(status, 0);
    }
}
