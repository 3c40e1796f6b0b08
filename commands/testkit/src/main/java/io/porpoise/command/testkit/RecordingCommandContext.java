package io.porpoise.command.testkit;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.CommandContext;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.wire.ServerError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A command context recording every answer as a line in {@link #events}, shared with its
 * {@link FakeSession}. Like the server, it allows one answer per command (OK, ERR, a completed
 * result sink, or taking the raw packet writer) and throws {@link IllegalStateException} on a
 * second. A handler gets the result sinks or the packet writer only when the test grants that
 * {@link Channel}; otherwise they throw {@link UnsupportedOperationException}, as does anything
 * else a handler is not expected to touch.
 */
public class RecordingCommandContext implements CommandContext {

    /** Ways to answer besides OK and ERR that a test may grant the handler. */
    public enum Channel {
        /** {@link #resultSink()} and {@link #binaryResultSink()} give {@link #textSink} and {@link #binarySink}. */
        RESULT_SINKS,
        /** {@link #packets()} gives {@link #packets}; taking it is the command's answer. */
        PACKETS
    }

    public final List<String> events = new ArrayList<>();
    public final FakeSession session;
    public final List<QueryInterceptor> interceptors = new ArrayList<>();
    public final AnsweringResultSink textSink = new AnsweringResultSink("text", this);
    public final AnsweringResultSink binarySink = new AnsweringResultSink("binary", this);
    public final RecordingPacketWriter packets = new RecordingPacketWriter(events);
    private final Set<Channel> granted;
    private boolean answered;

    /** A context on a {@link FakeSession}, granting the handler these channels besides OK and ERR. */
    public RecordingCommandContext(Channel... granted) {
        this(FakeSession::new, granted);
    }

    /** A context on the session {@code newSession} makes from the shared event list (a module's own session). */
    protected RecordingCommandContext(Function<List<String>, ? extends FakeSession> newSession, Channel... granted) {
        this.session = newSession.apply(events);
        this.granted = granted.length == 0 ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(Arrays.asList(granted));
    }

    /** The next command on the same session may answer again; the events so far are kept. */
    public void nextCommand() {
        answered = false;
    }

    /** Whether the current command has answered. */
    protected boolean answered() {
        return answered;
    }

    /** Records an answer, refusing a second one for the same command as the server does. */
    protected void answer(String event) {
        claimAnswer(event);
        events.add(event);
    }

    private void claimAnswer(String what) {
        if (answered) {
            throw new IllegalStateException("already answered (expected: one answer per command): " + what);
        }
        answered = true;
    }

    private void require(Channel channel, String what) {
        if (!granted.contains(channel)) {
            throw new UnsupportedOperationException(what);
        }
    }

    @Override
    public FakeSession session() {
        return session;
    }

    @Override
    public ResultSink resultSink() {
        require(Channel.RESULT_SINKS, "resultSink");
        return textSink;
    }

    @Override
    public ResultSink binaryResultSink() {
        require(Channel.RESULT_SINKS, "binaryResultSink");
        return binarySink;
    }

    @Override
    public PacketWriter packets() {
        require(Channel.PACKETS, "packets");
        claimAnswer("packets()");
        return packets;
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
}
