package io.porpoise.command.stmtexecute;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.ResultSink;
import io.porpoise.command.CommandContext;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.Placeholders;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SecretText;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.ServerError;
import java.util.List;

/**
 * Execution of a statement the server emulates: the parameters become SQL literals and the
 * text runs the COM_QUERY way (interceptors, then the backend), with the result in the binary
 * protocol.
 */
final class Emulation {
    private static final System.Logger LOG = System.getLogger(Emulation.class.getName());

    private Emulation() {
    }

    static void execute(ServerStatement s, List<Object> values, CommandContext context) throws BackendException {
        String sql = Placeholders.substitute(s.sql(), values);
        // Never the password of SET PASSWORD = ? or IDENTIFIED BY ?.
        LOG.log(System.Logger.Level.DEBUG, () -> "statement " + s.id() + " emulated as: " + SecretText.redact(sql));
        CommandContext binary = new BinaryResults(context);
        for (QueryInterceptor i : context.queryInterceptors()) {
            if (i.intercept(sql, binary)) {
                return;
            }
        }
        context.session().backend().query(sql, context.binaryResultSink());
    }

    /** The command's context, with result sets in the binary protocol. */
    private static final class BinaryResults implements CommandContext {
        private final CommandContext delegate;

        BinaryResults(CommandContext delegate) {
            this.delegate = delegate;
        }

        @Override
        public SessionContext session() {
            return delegate.session();
        }

        @Override
        public ResultSink resultSink() {
            return delegate.binaryResultSink();
        }

        @Override
        public ResultSink binaryResultSink() {
            return delegate.binaryResultSink();
        }

        @Override
        public PacketWriter packets() {
            return delegate.packets();
        }

        @Override
        public void ok(io.porpoise.backend.UpdateResult result) {
            delegate.ok(result);
        }

        @Override
        public void error(ServerError error, Object... args) {
            delegate.error(error, args);
        }

        @Override
        public void error(BackendException error) {
            delegate.error(error);
        }

        @Override
        public void noResponse() {
            delegate.noResponse();
        }

        @Override
        public void closeConnection() {
            delegate.closeConnection();
        }

        @Override
        public List<QueryInterceptor> queryInterceptors() {
            return delegate.queryInterceptors();
        }
    }
}
