package io.porpoise.command.query;

import io.porpoise.backend.BackendException;
import io.porpoise.command.testkit.FakeSession;
import io.porpoise.command.testkit.RecordingCommandContext;
import java.util.List;

/**
 * The recording context with what only COM_QUERY uses: {@link #runStatement} for each statement
 * of a multi-statement batch, and a session whose CLIENT_MULTI_STATEMENTS a test (or
 * {@code SET OPTION}) switches. Its result sinks are granted: COM_QUERY hands them to the backend.
 */
final class MultiStatementContext extends RecordingCommandContext {

    MultiStatementContext() {
        super(MultiStatementSession::new, Channel.RESULT_SINKS);
    }

    @Override
    public MultiStatementSession session() {
        return (MultiStatementSession) session;
    }

    /** Records the statement's start, lets it answer once, and reports whether it answered ERR. */
    @Override
    public boolean runStatement(boolean moreResults, BatchStatement statement) {
        events.add(moreResults ? "statement, more results follow" : "last statement");
        nextCommand();
        int from = events.size();
        try {
            statement.run(this);
        } catch (BackendException e) {
            error(e);
        }
        if (!answered()) {
            throw new IllegalStateException("statement: not answered");
        }
        return events.subList(from, events.size()).stream().noneMatch(e -> e.contains("error"));
    }

    /** A session whose multi-statement switch is a field; switching it is recorded as an event. */
    static final class MultiStatementSession extends FakeSession {
        boolean multiStatements;

        MultiStatementSession(List<String> events) {
            super(events);
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
    }
}
