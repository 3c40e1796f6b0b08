package io.porpoise.command.testkit;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.RowCursor;
import java.util.List;

/** A cursor over fixed rows that remembers whether it was closed; reading after close or closing twice throws. */
public final class ListRowCursor implements RowCursor {
    private final List<Column> columns;
    private final List<Object[]> rows;
    private int next;
    private boolean closed;

    public ListRowCursor(List<Column> columns, List<Object[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Object[] next() throws BackendException {
        if (closed) {
            throw new IllegalStateException("next() on a closed cursor");
        }
        return next < rows.size() ? rows.get(next++) : null;
    }

    /** Whether the handler closed the cursor. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            throw new IllegalStateException("closed twice");
        }
        closed = true;
    }
}
