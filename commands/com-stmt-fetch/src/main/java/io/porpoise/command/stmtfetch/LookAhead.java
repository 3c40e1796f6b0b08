package io.porpoise.command.stmtfetch;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.RowCursor;
import io.porpoise.command.ServerStatement;

/**
 * One row read ahead of a cursor, kept with the statement between fetches so a batch can tell
 * whether it was the last.
 */
final class LookAhead {
    private final RowCursor cursor;
    private Object[] pending;
    private boolean ended;

    private LookAhead(RowCursor cursor) {
        this.cursor = cursor;
    }

    static LookAhead of(ServerStatement s, RowCursor cursor) {
        Object state = s.attachment();
        if (state instanceof LookAhead && ((LookAhead) state).cursor == cursor) {
            return (LookAhead) state;
        }
        LookAhead a = new LookAhead(cursor);
        s.attachment(a);
        return a;
    }

    Object[] next() throws BackendException {
        if (pending != null) {
            Object[] r = pending;
            pending = null;
            return r;
        }
        if (ended) {
            return null;
        }
        Object[] r = cursor.next();
        ended = r == null;
        return r;
    }

    boolean hasNext() throws BackendException {
        if (pending != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        pending = cursor.next();
        ended = pending == null;
        return !ended;
    }
}
