package io.porpoise.command.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.testkit.RecordingCommandContext.Channel;
import io.porpoise.wire.ServerErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's rules the fakes enforce, so a handler test relying on them can fail. */
class RecordingCommandContextTest {

    @Test
    void oneAnswerPerCommandUntilTheNext() {
        RecordingCommandContext context = new RecordingCommandContext();
        context.ok(UpdateResult.EMPTY);
        assertThrows(IllegalStateException.class, () -> context.error(new BackendException(1064, "42000", "second")));
        context.nextCommand();
        context.error(ServerErrors.of("ER_UNKNOWN_COM_ERROR"));
        assertEquals(List.of("ok", "error 1047 08S01 Unknown command"), context.events);
    }

    @Test
    void sinksAndPacketsOnlyWhenGranted() {
        RecordingCommandContext plain = new RecordingCommandContext();
        assertThrows(UnsupportedOperationException.class, plain::resultSink);
        assertThrows(UnsupportedOperationException.class, plain::binaryResultSink);
        assertThrows(UnsupportedOperationException.class, plain::packets);

        RecordingCommandContext sinks = new RecordingCommandContext(Channel.RESULT_SINKS);
        assertSame(sinks.textSink, sinks.resultSink());
        assertSame(sinks.binarySink, sinks.binaryResultSink());
        assertThrows(UnsupportedOperationException.class, sinks::packets);
    }

    @Test
    void completingASinkIsTheAnswer() {
        RecordingCommandContext context = new RecordingCommandContext(Channel.RESULT_SINKS);
        context.binaryResultSink().ok(UpdateResult.EMPTY);
        assertTrue(context.binarySink.isCompleted());
        assertFalse(context.textSink.isCompleted());
        assertThrows(IllegalStateException.class, () -> context.ok(UpdateResult.EMPTY));
        assertEquals(List.of("binary ok 0"), context.events);
    }

    @Test
    void takingThePacketWriterIsTheAnswerAndEachPacketIsReleased() {
        RecordingCommandContext context = new RecordingCommandContext(Channel.PACKETS);
        PacketWriter packets = context.packets();
        ByteBuf buf = packets.begin();
        buf.writeByte(0xfe);
        assertTrue(context.packets.isOpen());
        assertThrows(IllegalStateException.class, packets::begin);
        packets.end();
        assertEquals(0, buf.refCnt());
        assertFalse(context.packets.isOpen());
        assertThrows(IllegalStateException.class, () -> context.ok(UpdateResult.EMPTY));
        assertEquals(List.of("packet fe"), context.events);
    }

    @Test
    void sessionAndStatementsRecordIntoTheContextsEvents() throws BackendException {
        RecordingCommandContext context = new RecordingCommandContext();
        BackendException unknown = assertThrows(BackendException.class, () -> context.session.useSchema("nope"));
        assertEquals(1049, unknown.errorCode());
        FakeStatementStore statements = context.session.statements;
        ServerStatement first = statements.add("SELECT 1", null, 0, List.of(), List.of());
        ServerStatement second = statements.add("SELECT 2", null, 0, List.of(), List.of());
        assertEquals(List.of(1L, 2L), List.of(first.id(), second.id()));
        ListRowCursor cursor = new ListRowCursor(List.of(), List.of());
        first.cursor(cursor);
        assertTrue(statements.close(first.id()));
        assertTrue(cursor.isClosed());
        assertFalse(statements.close(first.id()));
        statements.closeAll();
        assertEquals(0, statements.size());
        assertEquals(List.of("useSchema nope", "statements.close 1", "statements.close 1", "statements.closeAll"), context.events);

        statements.addFailure = new BackendException(1461, "42000", "Can't create more than max_prepared_stmt_count statements");
        assertThrows(BackendException.class, () -> statements.add("SELECT 3", null, 0, List.of(), List.of()));
    }

    @Test
    void cursorRefusesUseAfterClose() throws BackendException {
        ListRowCursor cursor = new ListRowCursor(List.of(), List.<Object[]>of(new Object[0]));
        assertEquals(0, cursor.next().length);
        assertEquals(null, cursor.next());
        cursor.close();
        assertThrows(IllegalStateException.class, cursor::next);
        assertThrows(IllegalStateException.class, cursor::close);
    }

    @Test
    void payloadsDecodeHexWithSpaces() {
        int little = Payloads.decode("01 02", r -> r.readInt2());
        assertEquals(0x0201, little);
        assertEquals(3, Payloads.hex("0a 0b0c").length);
    }
}
