package io.porpoise.command.stmtfetch;

import static io.porpoise.command.testkit.Payloads.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.RowCursor;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.testkit.ListRowCursor;
import io.porpoise.command.testkit.RecordingCommandContext;
import io.porpoise.command.testkit.RecordingCommandContext.Channel;
import io.porpoise.wire.MalformedPacketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComStmtFetchHandlerTest {
    private static final List<Column> COLUMNS = List.of(Column.of("id", ColumnType.LONGLONG), Column.of("name", ColumnType.VAR_STRING));
    private static final String MORE = "endOfRows [SERVER_STATUS_AUTOCOMMIT, SERVER_STATUS_CURSOR_EXISTS] warnings 0";
    private static final String LAST = "endOfRows [SERVER_STATUS_AUTOCOMMIT, SERVER_STATUS_LAST_ROW_SENT] warnings 0";

    private final ComStmtFetchHandler handler = new ComStmtFetchHandler();
    private final RecordingCommandContext context = new RecordingCommandContext(Channel.PACKETS);
    private ServerStatement statement;
    private ListRowCursor cursor;

    /** Statement 1 with an open cursor over five rows, as COM_STMT_EXECUTE with CURSOR_TYPE_READ_ONLY leaves it. */
    @BeforeEach
    void statementWithFiveRowCursor() throws Exception {
        statement = context.session.statements.add("SELECT id, name FROM t", null, 0, List.of(), COLUMNS);
        cursor = new ListRowCursor(COLUMNS, rows(5));
        statement.cursor(cursor);
    }

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x1C, handler.command());
        assertEquals("COM_STMT_FETCH", handler.name());
    }

    /** statement_id int&lt;4&gt;, num_rows int&lt;4&gt;. */
    @Test
    void decodesIdAndRowCount() {
        assertEquals(new ComStmtFetchRequest(1, 5), decodeHex("01 00 00 00 05 00 00 00"));
    }

    /** Both are unsigned 32-bit (libmysql sends prefetch_rows, which may be large). */
    @Test
    void decodesUnsigned() {
        assertEquals(new ComStmtFetchRequest(4294967295L, 4294967295L), decodeHex("ff ff ff ff ff ff ff ff"));
    }

    /** Five bytes: the row count is cut short, which must be malformed rather than a fetch of 0 rows. */
    @Test
    void shortPayloadIsMalformed() {
        assertThrows(MalformedPacketException.class, () -> decodeHex("01 00 00 00 05"));
        assertThrows(MalformedPacketException.class, () -> decodeHex("01 00 00"));
    }

    @Test
    void unknownStatementIsAnError() {
        handler.execute(new ComStmtFetchRequest(9, 1), context);
        assertEquals(List.of("error 1243 HY000 Unknown prepared statement handler (9) given to mysqld_stmt_fetch"), context.events);
    }

    /** A statement executed without a cursor (or whose cursor ran out) has nothing to fetch. */
    @Test
    void statementWithoutCursorIsAnError() throws Exception {
        ServerStatement plain = context.session.statements.add("SELECT 1", null, 0, List.of(), COLUMNS);
        handler.execute(new ComStmtFetchRequest(plain.id(), 1), context);
        assertEquals(List.of("error 1421 HY000 The statement (" + plain.id() + ") has no open cursor."), context.events);
    }

    /**
     * Batches of 2 then 3 over five rows: the first ends with CURSOR_EXISTS; the second, thanks
     * to reading one row ahead, already says LAST_ROW_SENT (so the client does not send a third
     * fetch for nothing) and closes the cursor; a further fetch is 1421, as in MySQL.
     * The session's own flags (AUTOCOMMIT) are kept in each EOF.
     */
    @Test
    void fetchesInBatchesAndFlagsTheLastOne() {
        handler.execute(new ComStmtFetchRequest(statement.id(), 2), context);
        assertEquals(List.of("row [1, r1]", "row [2, r2]", MORE), context.events);
        assertFalse(cursor.isClosed());
        assertSame(cursor, statement.cursor());

        context.events.clear();
        context.nextCommand();
        handler.execute(new ComStmtFetchRequest(statement.id(), 3), context);
        assertEquals(List.of("row [3, r3]", "row [4, r4]", "row [5, r5]", LAST), context.events);
        assertTrue(cursor.isClosed());
        assertNull(statement.cursor());

        context.events.clear();
        context.nextCommand();
        handler.execute(new ComStmtFetchRequest(statement.id(), 3), context);
        assertEquals(List.of("error 1421 HY000 The statement (" + statement.id() + ") has no open cursor."), context.events);
    }

    /** Asking for more rows than remain sends what is left and ends the cursor in the same batch. */
    @Test
    void oversizedBatchSendsTheRestAsLast() {
        handler.execute(new ComStmtFetchRequest(statement.id(), 100), context);
        assertEquals(List.of("row [1, r1]", "row [2, r2]", "row [3, r3]", "row [4, r4]", "row [5, r5]", LAST), context.events);
        assertTrue(cursor.isClosed());
    }

    /** The row read ahead by one fetch is the first row of the next, not lost. */
    @Test
    void readAheadRowIsNotLost() {
        for (int i = 0; i < 5; i++) {
            context.nextCommand();
            handler.execute(new ComStmtFetchRequest(statement.id(), 1), context);
        }
        assertEquals(List.of("row [1, r1]", MORE, "row [2, r2]", MORE, "row [3, r3]", MORE, "row [4, r4]", MORE,
                "row [5, r5]", LAST), context.events);
    }

    /**
     * A re-execution replaces the cursor: the row read ahead from the old cursor must not leak
     * into the new result, which starts at its own first row.
     */
    @Test
    void newCursorDoesNotInheritTheOldReadAhead() {
        handler.execute(new ComStmtFetchRequest(statement.id(), 2), context);
        ListRowCursor second = new ListRowCursor(COLUMNS, List.<Object[]>of(new Object[] {10L, "new"}));
        statement.cursor(second);
        assertTrue(cursor.isClosed());

        context.events.clear();
        context.nextCommand();
        handler.execute(new ComStmtFetchRequest(statement.id(), 2), context);
        assertEquals(List.of("row [10, new]", LAST), context.events);
    }

    /**
     * A backend failure while reading (KILL QUERY, a lost backend connection) must still end the
     * command with one answer the client can read, and release the cursor.
     */
    @Test
    void backendFailureIsAnsweredWithItsError() throws Exception {
        ServerStatement failing = context.session.statements.add("SELECT id, name FROM t", null, 0, List.of(), COLUMNS);
        boolean[] closed = {false};
        failing.cursor(new RowCursor() {
            @Override
            public List<Column> columns() {
                return COLUMNS;
            }

            @Override
            public Object[] next() throws BackendException {
                throw new BackendException(1317, "70100", "Query execution was interrupted");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        });
        handler.execute(new ComStmtFetchRequest(failing.id(), 5), context);
        assertEquals(List.of("error 1317 70100 Query execution was interrupted"), context.events);
        assertTrue(closed[0]);
        assertNull(failing.cursor());
    }

    @Test
    void failureHalfWayThroughABatchEndsItWithErr() throws Exception {
        ServerStatement failing = context.session.statements.add("SELECT id, name FROM t", null, 0, List.of(), COLUMNS);
        int[] calls = {0};
        failing.cursor(new RowCursor() {
            @Override
            public List<Column> columns() {
                return COLUMNS;
            }

            @Override
            public Object[] next() throws BackendException {
                if (calls[0]++ < 2) {
                    return new Object[] {(long) calls[0], "n"};
                }
                throw new BackendException(1317, "70100", "Query execution was interrupted");
            }

            @Override
            public void close() {
                // Nothing held.
            }
        });
        handler.execute(new ComStmtFetchRequest(failing.id(), 5), context);
        assertEquals("error 1317 70100 Query execution was interrupted", context.events.get(context.events.size() - 1));
        assertTrue(context.events.stream().noneMatch(e -> e.startsWith("endOfRows")), context.events.toString());
        assertNull(failing.cursor());
    }

    private ComStmtFetchRequest decodeHex(String hex) {
        return decode(hex, p -> handler.decode(p, context.session));
    }

    private static List<Object[]> rows(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            rows.add(new Object[] {i, "r" + i});
        }
        return rows;
    }
}
