package io.porpoise.command.testkit;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.UpdateResult;
import java.util.List;

/**
 * A result sink recording how the backend completed it; completing it answers the command, as
 * the server's sink does. Its lines name it ({@code text} or {@code binary} protocol):
 * {@code "text ok 1"}, {@code "binary error 1064"}. Result sets are not expected by the handlers
 * that use it: {@link #columns} throws.
 */
public final class AnsweringResultSink implements ResultSink {
    private final String name;
    private final RecordingCommandContext context;
    private boolean completed;

    AnsweringResultSink(String name, RecordingCommandContext context) {
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
