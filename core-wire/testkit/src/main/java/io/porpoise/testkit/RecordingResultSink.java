package io.porpoise.testkit;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.ClientGoneException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.UpdateResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ResultSink} that records what a backend answered and enforces the SPI's single-use
 * rules the way the server does: a second completion, a row before {@code columns}, a row after
 * {@code finish} or a second {@code finish} throw {@link IllegalStateException}.
 *
 * <p>It can stand in for a client that goes away: {@link #clientGoneAfter(int)} makes the
 * writer throw {@link ClientGoneException} once that many rows were accepted. Methods are
 * synchronized so a test thread can inspect a sink a backend thread filled.
 */
public final class RecordingResultSink implements ResultSink {

    /** How the sink was completed. */
    public enum Outcome { NONE, OK, ERROR, RESULT_SET }

    private final int acceptRows;
    private final boolean keepRows;
    private Outcome outcome = Outcome.NONE;
    private UpdateResult update;
    private BackendException error;
    private BackendException thrownAfterRows;
    private List<Column> columns;
    private final List<List<Object>> rows = new ArrayList<>();
    private long rowCount;
    private long rowAttempts;
    private boolean finished;
    private int warnings;

    private RecordingResultSink(int acceptRows, boolean keepRows) {
        this.acceptRows = acceptRows;
        this.keepRows = keepRows;
    }

    /** A sink that keeps every row. */
    public RecordingResultSink() {
        this(Integer.MAX_VALUE, true);
    }

    /** A sink that counts rows without keeping them (large results). */
    public static RecordingResultSink countingOnly() {
        return new RecordingResultSink(Integer.MAX_VALUE, false);
    }

    /** A sink whose writer throws {@link ClientGoneException} on the row after {@code rows} accepted ones. */
    public static RecordingResultSink clientGoneAfter(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows: " + rows + " (expected: >= 0)");
        }
        return new RecordingResultSink(rows, true);
    }

    @Override
    public synchronized void ok(UpdateResult result) {
        complete(Outcome.OK);
        this.update = Objects.requireNonNull(result, "result");
    }

    @Override
    public synchronized void error(BackendException e) {
        complete(Outcome.ERROR);
        this.error = Objects.requireNonNull(e, "error");
    }

    @Override
    public synchronized RowWriter columns(List<Column> cols) {
        complete(Outcome.RESULT_SET);
        this.columns = List.copyOf(cols);
        return new Writer();
    }

    @Override
    public synchronized boolean isCompleted() {
        return outcome != Outcome.NONE;
    }

    private void complete(Outcome next) {
        if (outcome != Outcome.NONE) {
            throw new IllegalStateException("sink: already completed with " + outcome + " (expected: completed once, now " + next + ")");
        }
        outcome = next;
    }

    /**
     * Records a {@link BackendException} the backend threw from {@code query}: before completion
     * it counts as {@link #error}; after a result set started it ends that result set with ERR,
     * as the server does.
     */
    public synchronized void thrown(BackendException e) {
        if (outcome == Outcome.NONE) {
            error(e);
        } else if (outcome == Outcome.RESULT_SET && !finished) {
            thrownAfterRows = e;
        } else {
            throw new IllegalStateException("thrown: " + e.getMessage() + " after " + describe() + " (expected: an exception only before completion or during rows)");
        }
    }

    public synchronized Outcome outcome() {
        return outcome;
    }

    /** The update result; AssertionError (with the error, if any) when the outcome was not OK. */
    public synchronized UpdateResult expectOk() {
        if (outcome != Outcome.OK) {
            throw new AssertionError("outcome: " + describe() + " (expected: OK)", error);
        }
        return update;
    }

    /** The error; AssertionError when the outcome was not ERROR. */
    public synchronized BackendException expectError() {
        if (thrownAfterRows != null) {
            return thrownAfterRows;
        }
        if (outcome != Outcome.ERROR) {
            throw new AssertionError("outcome: " + describe() + " (expected: ERROR)");
        }
        return error;
    }

    /** The rows of a finished result set; AssertionError otherwise. */
    public synchronized List<List<Object>> expectRows() {
        if (outcome != Outcome.RESULT_SET || !finished) {
            throw new AssertionError("outcome: " + describe() + " (expected: a finished result set)", error != null ? error : thrownAfterRows);
        }
        return List.copyOf(rows);
    }

    /** The single value of a one-row, one-column result. */
    public synchronized Object expectSingleValue() {
        List<List<Object>> r = expectRows();
        if (r.size() != 1 || r.get(0).size() != 1) {
            throw new AssertionError("rows: " + r + " (expected: exactly one row with one column)");
        }
        return r.get(0).get(0);
    }

    public synchronized List<Column> columns() {
        return columns == null ? List.of() : columns;
    }

    /** The column with this name (case-insensitive); AssertionError when absent. */
    public synchronized Column column(String name) {
        for (Column c : columns()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new AssertionError("column: " + name + " (expected: one of " + columnNames() + ")");
    }

    public synchronized List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column c : columns()) {
            names.add(c.name());
        }
        return names;
    }

    /** Rows accepted so far (also counted when rows are not kept). */
    public synchronized long rowCount() {
        return rowCount;
    }

    /** Calls to {@link RowWriter#row}, including the one that was refused with ClientGoneException. */
    public synchronized long rowAttempts() {
        return rowAttempts;
    }

    public synchronized boolean finished() {
        return finished;
    }

    public synchronized int warnings() {
        return warnings;
    }

    /** A one-line summary for assertion messages. */
    public synchronized String describe() {
        switch (outcome) {
            case OK:
                return "OK " + update;
            case ERROR:
                return "ERROR " + error.errorCode() + "/" + error.sqlState() + " " + error.getMessage();
            case RESULT_SET:
                return "RESULT_SET " + columnNames() + " rows=" + rowCount + (finished ? "" : " (unfinished)")
                        + (thrownAfterRows == null ? "" : " then ERROR " + thrownAfterRows.errorCode() + " " + thrownAfterRows.getMessage());
            default:
                return "NONE";
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    private final class Writer implements RowWriter {
        @Override
        public void row(Object... values) {
            synchronized (RecordingResultSink.this) {
                if (finished) {
                    throw new IllegalStateException("row: after finish (expected: rows before finish)");
                }
                rowAttempts++;
                if (rowCount >= acceptRows) {
                    throw new ClientGoneException("client gone after " + acceptRows + " rows (test)");
                }
                if (values.length != columns.size()) {
                    throw new IllegalStateException("row values: " + values.length + " (expected: " + columns.size() + ", one per column)");
                }
                rowCount++;
                if (keepRows) {
                    rows.add(Arrays.asList(values.clone()));
                }
            }
        }

        @Override
        public void finish() {
            finish(0);
        }

        @Override
        public void finish(int w) {
            synchronized (RecordingResultSink.this) {
                if (finished) {
                    throw new IllegalStateException("finish: called twice (expected: once)");
                }
                finished = true;
                warnings = w;
            }
        }
    }
}
