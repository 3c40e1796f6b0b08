package io.porpoise.command.query;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Column;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.UpdateResult;
import io.porpoise.charset.Collation;
import io.porpoise.command.CommandContext;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.ProcessList;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import io.porpoise.command.SessionVariables;
import io.porpoise.command.StatementStore;
import io.porpoise.command.SystemVariables;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerStatus;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hand-written stand-ins for what the server gives a handler. They record what the handler did
 * as readable lines in one ordered list ({@link Context#events}), so a test asserts the whole
 * answer, and its order, with one {@code assertEquals}. Like the server, the context allows one
 * answer per command (OK, ERR, a completed sink, or taking the raw packet writer) and throws
 * {@link IllegalStateException} on a second. Whatever a handler is not expected to touch throws
 * {@link UnsupportedOperationException}.
 */
final class Fakes {
    private Fakes() {
    }

    /** Decodes a hex payload (spaces allowed) as the server hands it over, and releases the buffer. */
    static <R> R decode(String hex, Function<PayloadReader, R> decoder) {
        return decode(HexFormat.of().parseHex(hex.replace(" ", "")), decoder);
    }

    static <R> R decode(byte[] payload, Function<PayloadReader, R> decoder) {
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        try {
            return decoder.apply(new PayloadReader(buf));
        } finally {
            buf.release();
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** A command context recording every answer. */
    static final class Context implements CommandContext {
        final List<String> events = new ArrayList<>();
        final Session session = new Session(events);
        final List<QueryInterceptor> interceptors = new ArrayList<>();
        final Sink textSink = new Sink("text", this);
        final Sink binarySink = new Sink("binary", this);
        private boolean answered;

        /** The next command on the same session may answer again; the events so far are kept. */
        void nextCommand() {
            answered = false;
        }

        /** Records an answer, refusing a second one for the same command as the server does. */
        void answer(String event) {
            claimAnswer(event);
            events.add(event);
        }

        private void claimAnswer(String what) {
            if (answered) {
                throw new IllegalStateException("already answered (expected: one answer per command): " + what);
            }
            answered = true;
        }

        @Override
        public Session session() {
            return session;
        }

        @Override
        public ResultSink resultSink() {
            return textSink;
        }

        @Override
        public ResultSink binaryResultSink() {
            return binarySink;
        }

        @Override
        public PacketWriter packets() {
            throw new UnsupportedOperationException("packets");
        }

        @Override
        public void ok(UpdateResult result) {
            answer(result.equals(UpdateResult.EMPTY) ? "ok" : "ok " + result);
        }

        /** Formats the message with MySQL's format, so the test sees exactly what the client would. */
        @Override
        public void error(ServerError error, Object... args) {
            answer("error " + error.code() + " " + error.sqlState() + " " + error.format(args));
        }

        @Override
        public void error(BackendException error) {
            answer("error " + error.errorCode() + " " + error.sqlState() + " " + error.getMessage());
        }

        @Override
        public void noResponse() {
            events.add("noResponse");
        }

        @Override
        public void closeConnection() {
            events.add("closeConnection");
        }

        @Override
        public List<QueryInterceptor> queryInterceptors() {
            return interceptors;
        }

        /** Records the statement's start, lets it answer once, and reports whether it answered ERR. */
        @Override
        public boolean runStatement(boolean moreResults, BatchStatement statement) {
            events.add(moreResults ? "statement, more results follow" : "last statement");
            answered = false;
            int from = events.size();
            try {
                statement.run(this);
            } catch (BackendException e) {
                error(e);
            }
            if (!answered) {
                throw new IllegalStateException("statement: not answered");
            }
            return events.subList(from, events.size()).stream().noneMatch(e -> e.contains("error"));
        }
    }

    /** A session with real session variables; the backend is whatever the test puts in. */
    static final class Session implements SessionContext {
        private final List<String> events;
        final SystemVariables globals = SystemVariables.withDefaults();
        final SessionVariables variables = globals.newSession();
        final Map<String, Object> userVariables = new HashMap<>();
        Charset clientCharset = StandardCharsets.UTF_8;
        boolean multiStatements;
        ServerStatus status = ServerStatus.AUTOCOMMIT;
        BackendSession backend = (sql, sink) -> {
            throw new UnsupportedOperationException("backend query: " + sql);
        };

        Session(List<String> events) {
            this.events = events;
        }

        @Override
        public long connectionId() {
            return 1;
        }

        @Override
        public String user() {
            return "app";
        }

        @Override
        public String host() {
            return "localhost";
        }

        @Override
        public String accountName() {
            return "app@%";
        }

        @Override
        public boolean multiStatements() {
            return multiStatements;
        }

        @Override
        public void multiStatements(boolean on) {
            events.add("multiStatements " + on);
            multiStatements = on;
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.NONE;
        }

        @Override
        public BackendSession backend() {
            return backend;
        }

        @Override
        public SystemVariables globalVariables() {
            return globals;
        }

        @Override
        public SessionVariables variables() {
            return variables;
        }

        @Override
        public Charset clientCharset() {
            return clientCharset;
        }

        @Override
        public Collation resultsCollation() {
            throw new UnsupportedOperationException("resultsCollation");
        }

        @Override
        public void useSchema(String schema) throws BackendException {
            events.add("useSchema " + schema);
            backend.useSchema(schema);
        }

        @Override
        public Map<String, Object> userVariables() {
            return userVariables;
        }

        @Override
        public int lastWarningCount() {
            return 0;
        }

        @Override
        public StatementStore statements() {
            throw new UnsupportedOperationException("statements");
        }

        @Override
        public ServerStatus status() {
            return status;
        }

        @Override
        public ProcessList processList() {
            throw new UnsupportedOperationException("processList");
        }

        @Override
        public io.porpoise.command.StatusVariables statusVariables() {
            throw new UnsupportedOperationException("SHOW STATUS is not used by these tests");
        }

        @Override
        public String serverVersion() {
            return "8.4.0-porpoise";
        }
    }

    /** A result sink recording how the backend completed it; completing it answers the command. */
    static final class Sink implements ResultSink {
        private final String name;
        private final Context context;
        private boolean completed;

        Sink(String name, Context context) {
            this.name = name;
            this.context = context;
        }

        @Override
        public void ok(UpdateResult result) {
            completed = true;
            context.answer(name + " ok " + result.affectedRows());
        }

        @Override
        public void error(BackendException error) {
            completed = true;
            context.answer(name + " error " + error.errorCode());
        }

        @Override
        public RowWriter columns(List<Column> columns) {
            throw new UnsupportedOperationException("columns");
        }

        @Override
        public boolean isCompleted() {
            return completed;
        }
    }

}
