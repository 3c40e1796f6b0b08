package io.porpoise.server.internal;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.CommandContext;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.packet.ErrPacket;
import io.porpoise.wire.packet.OkPacket;
import java.util.List;

/**
 * The {@link CommandContext} of one command: tracks that exactly one answer is given and turns
 * a missing or half-written answer into an ERR, so a buggy handler never hangs a client.
 */
final class CommandResponse implements CommandContext {
    private final Session session;
    private final Outbound out;
    private final List<QueryInterceptor> interceptors;
    private boolean answered;
    private boolean silent;
    private boolean close;
    private boolean batch;
    private boolean errored;
    private ResultSetWriter sink;
    private io.porpoise.command.ChangeUserRequest changeUser;

    CommandResponse(Session session, Outbound out, List<QueryInterceptor> interceptors) {
        this.session = session;
        this.out = out;
        this.interceptors = interceptors;
    }

    @Override
    public SessionContext session() {
        return session;
    }

    @Override
    public ResultSink resultSink() {
        if (answered) {
            throw new IllegalStateException("response: already answered (expected: one answer per command)");
        }
        sink = new ResultSetWriter(this, session, out, false);
        return sink;
    }

    @Override
    public ResultSink binaryResultSink() {
        if (answered) {
            throw new IllegalStateException("response: already answered (expected: one answer per command)");
        }
        sink = new ResultSetWriter(this, session, out, true);
        return sink;
    }

    @Override
    public PacketWriter packets() {
        checkUnanswered();
        answered = true;
        return new RawPackets(session, out, this);
    }

    @Override
    public void ok(UpdateResult result) {
        resultSink().ok(result);
    }

    @Override
    public void error(ServerError error, Object... args) {
        writeError(error.code(), error.sqlState(), error.format(args));
    }

    @Override
    public void error(BackendException error) {
        writeError(error.errorCode(), error.sqlState(), error.getMessage());
    }

    @Override
    public void noResponse() {
        silent = true;
    }

    @Override
    public void closeConnection() {
        close = true;
    }

    @Override
    public List<QueryInterceptor> queryInterceptors() {
        return interceptors;
    }

    @Override
    public void changeUser(io.porpoise.command.ChangeUserRequest request) {
        checkUnanswered();
        answered = true;
        changeUser = request;
    }

    @Override
    public boolean runStatement(boolean moreResults, BatchStatement statement) {
        if (answered && !batch) {
            throw new IllegalStateException("response: already answered (expected: one answer per command)");
        }
        answered = true;
        batch = true;
        CommandResponse one = new CommandResponse(session, out, interceptors);
        session.moreResults(moreResults);
        try {
            Throwable failure = null;
            try {
                statement.run(one);
            } catch (BackendException e) {
                failure = e;
            } catch (io.porpoise.backend.ClientGoneException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                System.getLogger(CommandResponse.class.getName()).log(System.Logger.Level.WARNING,
                        "connection " + session.connectionId() + ": statement of a batch failed", e);
                failure = e;
            }
            one.finish(failure);
        } finally {
            session.moreResults(false);
        }
        close |= one.close;
        return !one.errored;
    }

    /** The COM_CHANGE_USER the server is to run after this command, or null. */
    io.porpoise.command.ChangeUserRequest changeUserRequest() {
        return changeUser;
    }

    void markAnswered() {
        answered = true;
    }

    void writeOk(UpdateResult r) {
        checkUnanswered();
        answered = true;
        session.lastWarningCount(r.warnings());
        if (r.lastInsertId() != 0) {
            session.variables().internalSet("last_insert_id", r.lastInsertId());
        }
        new OkPacket(r.affectedRows(), r.lastInsertId(), session.status(), r.warnings(), r.info())
                .encode(out.begin(), session.capabilities());
        out.end();
    }

    /** An ERR: the answer, or the end of a result set already under way. */
    void writeError(int code, String sqlState, String message) {
        boolean endsResultSet = sink != null && sink.inRows();
        if (answered && !endsResultSet) {
            throw new IllegalStateException("response: already answered (expected: one answer per command)");
        }
        answered = true;
        if (sink != null && sink.inRows()) {
            sink.error(new BackendException(code, sqlState, message));
            return;
        }
        writeErrPacket(code, sqlState, message);
    }

    /** The ERR packet itself, without the one-answer bookkeeping (the caller did it). */
    void writeErrPacket(int code, String sqlState, String message) {
        answered = true;
        errored = true;
        new ErrPacket(code, sqlState, message).encode(out.begin());
        out.end();
    }

    private void checkUnanswered() {
        if (answered) {
            throw new IllegalStateException("response: already answered (expected: one answer per command)");
        }
    }

    /** Called after the handler returned or threw: completes, flushes, closes if asked. */
    void finish(Throwable failure) {
        boolean open = sink != null && sink.inRows();
        if (failure instanceof BackendException && (!answered || open)) {
            error((BackendException) failure);
        } else if (failure != null && (!answered || open)) {
            ServerError e = ServerErrors.of("ER_UNKNOWN_ERROR");
            writeError(e.code(), e.sqlState(), failure.getClass().getSimpleName() + ": " + failure.getMessage());
        } else if (!answered && !silent) {
            ServerError e = ServerErrors.of("ER_UNKNOWN_ERROR");
            writeError(e.code(), e.sqlState(), "the command completed without an answer");
        } else if (open) {
            ServerError e = ServerErrors.of("ER_UNKNOWN_ERROR");
            writeError(e.code(), e.sqlState(), "the result set was not finished");
        }
        out.flush();
    }

    boolean closeRequested() {
        return close;
    }
}
