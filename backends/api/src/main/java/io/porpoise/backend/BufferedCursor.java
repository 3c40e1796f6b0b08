package io.porpoise.backend;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The default cursor: runs the statement to the end and hands the held rows out. */
final class BufferedCursor implements RowCursor, ResultSink, RowWriter {
    private List<Column> columns = List.of();
    private final List<Object[]> rows = new ArrayList<>();
    private Iterator<Object[]> iterator;
    private BackendException error;
    private boolean completed;

    private BufferedCursor() {
    }

    static RowCursor of(BackendSession session, Prepared statement, List<Object> parameters) throws BackendException {
        BufferedCursor c = new BufferedCursor();
        session.execute(statement, parameters, c);
        if (c.error != null) {
            throw c.error;
        }
        c.iterator = c.rows.iterator();
        return c;
    }

    @Override
    public void ok(UpdateResult result) {
        complete();
    }

    @Override
    public void error(BackendException e) {
        completed = true;
        this.error = e;
    }

    @Override
    public RowWriter columns(List<Column> cols) {
        complete();
        this.columns = List.copyOf(cols);
        return this;
    }

    @Override
    public boolean isCompleted() {
        return completed;
    }

    private void complete() {
        if (completed) {
            throw new IllegalStateException("result: already completed (expected: one completion)");
        }
        completed = true;
    }

    @Override
    public void row(Object... values) {
        rows.add(values.clone());
    }

    @Override
    public void finish() {
        // Rows are complete; the cursor hands them out.
    }

    @Override
    public void finish(int warnings) {
        finish();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] next() {
        return iterator.hasNext() ? iterator.next() : null;
    }

    @Override
    public void close() {
        rows.clear();
    }
}
