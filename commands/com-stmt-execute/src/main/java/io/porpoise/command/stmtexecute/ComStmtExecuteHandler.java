package io.porpoise.command.stmtexecute;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.RowCursor;
import io.porpoise.command.CommandContext;
import io.porpoise.command.CommandHandler;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.StatusFlag;
import io.porpoise.wire.binary.BinaryParameters;
import io.porpoise.backend.Column;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * COM_STMT_EXECUTE (0x17): binds the parameters (types from this packet or the previous
 * execution, long data from COM_STMT_SEND_LONG_DATA) and runs the statement with a binary
 * result; with CURSOR_TYPE_READ_ONLY a statement with columns keeps its result open for
 * COM_STMT_FETCH and only its column definitions are sent now.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_execute.html">COM_STMT_EXECUTE</a>
 */
@Component(service = CommandHandler.class, property = CommandHandler.COMMAND_PROPERTY + ":Integer=23")
public final class ComStmtExecuteHandler implements CommandHandler<ComStmtExecuteRequest> {
    private static final System.Logger LOG = System.getLogger(ComStmtExecuteHandler.class.getName());
    public static final int COM_STMT_EXECUTE = 0x17;

    @Override
    public int command() {
        return COM_STMT_EXECUTE;
    }

    @Override
    public String name() {
        return "COM_STMT_EXECUTE";
    }

    @Override
    public ComStmtExecuteRequest decode(PayloadReader payload, SessionContext session) {
        long id = payload.readInt4();
        int flags = payload.readInt1();
        long iterations = payload.readInt4();
        ServerStatement s = session.statements().get(id).orElse(null);
        if (s == null) {
            return new ComStmtExecuteRequest(id, flags, iterations, null, null);
        }
        try {
            // String values stay bytes here: ParameterValues types them (text, or bytes and charset).
            BinaryParameters params = BinaryParameters.decode(payload, s.parameterCount(), s.boundTypes(), s.longDataSupplied(), null);
            return new ComStmtExecuteRequest(id, flags, iterations, s, params);
        } catch (MalformedPacketException e) {
            return new ComStmtExecuteRequest(id, flags, iterations, s, null);
        }
    }

    @Override
    public String describe(ComStmtExecuteRequest request) {
        return request.statement() == null ? null : request.statement().sql();
    }

    @Override
    public void execute(ComStmtExecuteRequest request, CommandContext context) {
        ServerStatement s = request.statement();
        if (s == null) {
            context.error(ServerErrors.of("ER_UNKNOWN_STMT_HANDLER"), 22, Long.toString(request.statementId()), "mysqld_stmt_execute");
            return;
        }
        if (request.parameters() == null || request.iterations() != 1 || (request.flags() & ~ComStmtExecuteRequest.KNOWN_FLAGS) != 0
                || s.longDataOverflow()) {
            s.clearLongData();
            context.error(ServerErrors.of("ER_WRONG_ARGUMENTS"), "mysqld_stmt_execute");
            return;
        }
        s.boundTypes(request.parameters().types());
        List<Object> values = ParameterValues.of(s, request.parameters(), context.session());
        LOG.log(System.Logger.Level.TRACE, () -> "statement " + s.id() + " types " + request.parameters().types() + " values "
                + values.stream().map(v -> v == null ? "NULL" : v instanceof byte[] ? "byte[" + ((byte[]) v).length + "]"
                        : v.getClass().getSimpleName()).collect(java.util.stream.Collectors.joining(", ")));
        s.clearLongData();
        s.cursor(null);
        try {
            if (s.isEmulated()) {
                Emulation.execute(s, values, context);
            } else if (request.wantsCursor() && !s.columns().isEmpty()) {
                openCursor(s, values, context);
            } else {
                context.session().backend().execute(s.prepared(), values, context.binaryResultSink());
            }
        } catch (BackendException e) {
            context.error(e);
        }
    }

    /**
     * Column count and definitions, then an EOF with SERVER_STATUS_CURSOR_EXISTS; the rows wait
     * for COM_STMT_FETCH.
     */
    private static void openCursor(ServerStatement s, List<Object> values, CommandContext context) throws BackendException {
        RowCursor cursor = context.session().backend().openCursor(s.prepared(), values);
        s.cursor(cursor);
        List<Column> columns = cursor.columns();
        PacketWriter out = context.packets();
        PayloadWriter.writeLengthEncodedInt(out.begin(), columns.size());
        out.end();
        for (Column c : columns) {
            out.columnDefinition(c);
        }
        out.cursorMetadataEnd(context.session().status().with(StatusFlag.SERVER_STATUS_CURSOR_EXISTS));
    }
}
