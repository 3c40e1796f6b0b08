package io.porpoise.command.stmtreset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.testkit.ListRowCursor;
import io.porpoise.command.testkit.Payloads;
import io.porpoise.command.testkit.RecordingCommandContext;
import io.porpoise.wire.MalformedPacketException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComStmtResetHandlerTest {
    private final ComStmtResetHandler handler = new ComStmtResetHandler();
    private final RecordingCommandContext context = new RecordingCommandContext();

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x1A, handler.command());
        assertEquals("COM_STMT_RESET", handler.name());
    }

    @Test
    void decodesTheStatementId() {
        assertEquals(7L, decodeId("07 00 00 00"));
        assertEquals(4294967295L, decodeId("ff ff ff ff"));
    }

    @Test
    void shortPayloadIsMalformed() {
        assertThrows(MalformedPacketException.class, () -> decodeId("07 00"));
    }

    /**
     * Unlike COM_STMT_CLOSE, a reset is answered, so an unknown id is an error, with MySQL's
     * exact text (the id is printed through %.*s, which takes a length argument first).
     */
    @Test
    void unknownIdIsAnError() {
        handler.execute(7L, context);
        assertEquals(List.of("error 1243 HY000 Unknown prepared statement handler (7) given to mysqld_stmt_reset"),
                context.events);
    }

    /**
     * Reset forgets long data (a client that aborted a blob upload starts over) and closes the
     * open cursor, but the statement stays prepared with its id.
     */
    @Test
    void forgetsLongDataAndClosesTheCursor() throws Exception {
        ServerStatement s = context.session.statements.add("INSERT INTO t VALUES (?, ?)", null, 2,
                List.of(Column.of("?", ColumnType.BLOB), Column.of("?", ColumnType.BLOB)), List.of());
        s.appendLongData(0, new byte[] {1, 2, 3});
        s.appendLongData(1, new byte[0]);
        ListRowCursor cursor = new ListRowCursor(List.of(Column.of("a", ColumnType.LONG)), List.of());
        s.cursor(cursor);

        handler.execute(s.id(), context);

        assertEquals(List.of("ok"), context.events);
        assertArrayEquals(new boolean[] {false, false}, s.longDataSupplied());
        assertNull(s.longData(0));
        assertTrue(cursor.isClosed());
        assertNull(s.cursor());
        assertSame(s, context.session.statements.get(s.id()).orElseThrow());
    }

    /** Resetting a statement that has nothing to forget is still OK (clients reset before every execution). */
    @Test
    void resettingACleanStatementIsOk() throws Exception {
        ServerStatement s = context.session.statements.add("SELECT 1", null, 0, List.of(), List.of());
        handler.execute(s.id(), context);
        assertEquals(List.of("ok"), context.events);
    }

    /** The statement id the handler decodes from {@code hex}. */
    private long decodeId(String hex) {
        return Payloads.decode(hex, p -> handler.decode(p, context.session));
    }
}
