package io.porpoise.command.stmtclose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.command.ServerStatement;
import io.porpoise.command.testkit.Payloads;
import io.porpoise.command.testkit.RecordingCommandContext;
import io.porpoise.wire.MalformedPacketException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComStmtCloseHandlerTest {
    private final ComStmtCloseHandler handler = new ComStmtCloseHandler();
    private final RecordingCommandContext context = new RecordingCommandContext();

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x19, handler.command());
        assertEquals("COM_STMT_CLOSE", handler.name());
    }

    /** The statement id is int&lt;4&gt; little-endian. */
    @Test
    void decodesTheStatementId() {
        assertEquals(0x04030201L, decodeId("01 02 03 04"));
    }

    /** Ids are unsigned 32-bit: ff ff ff ff is 4294967295, not -1. */
    @Test
    void decodesTheStatementIdUnsigned() {
        assertEquals(4294967295L, decodeId("ff ff ff ff"));
    }

    @Test
    void shortPayloadIsMalformed() {
        assertThrows(MalformedPacketException.class, () -> decodeId("01 00 00"));
        assertThrows(MalformedPacketException.class, () -> decodeId(""));
    }

    /**
     * The statement is closed through the store (which releases its cursor and the backend's
     * statement) and nothing is written: the client does not read a response to COM_STMT_CLOSE,
     * so an OK would be taken as the answer to its next command.
     */
    @Test
    void closesTheStatementWithoutAnswering() throws Exception {
        ServerStatement s = context.session.statements.add("SELECT 1", null, 0, List.of(), List.of());
        context.session.statements.add("SELECT 2", null, 0, List.of(), List.of());

        handler.execute(s.id(), context);

        assertEquals(List.of("statements.close " + s.id(), "noResponse"), context.events);
        assertTrue(context.session.statements.get(s.id()).isEmpty());
        assertEquals(1, context.session.statements.size());
    }

    /** An unknown id is not an error either (MySQL is silent too): still no response. */
    @Test
    void unknownIdIsSilent() {
        handler.execute(42L, context);
        assertEquals(List.of("statements.close 42", "noResponse"), context.events);
    }

    /** The statement id the handler decodes from {@code hex}. */
    private long decodeId(String hex) {
        return Payloads.decode(hex, p -> handler.decode(p, context.session));
    }
}
