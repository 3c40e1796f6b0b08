package io.porpoise.command.stmtlongdata;

import static io.porpoise.command.testkit.Payloads.decode;
import static io.porpoise.command.testkit.Payloads.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.porpoise.command.ServerStatement;
import io.porpoise.command.testkit.RecordingCommandContext;
import io.porpoise.wire.MalformedPacketException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComStmtSendLongDataHandlerTest {
    private final ComStmtSendLongDataHandler handler = new ComStmtSendLongDataHandler();
    private final RecordingCommandContext context = new RecordingCommandContext();
    private ServerStatement statement;

    @BeforeEach
    void twoParameterStatement() throws Exception {
        statement = context.session.statements.add("INSERT INTO t VALUES (?, ?)", null, 2, List.of(), List.of());
    }

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x18, handler.command());
        assertEquals("COM_STMT_SEND_LONG_DATA", handler.name());
    }

    /** statement_id int&lt;4&gt;, param_id int&lt;2&gt;, then the chunk as string&lt;EOF&gt;, bytes untouched. */
    @Test
    void decodesIdParameterAndData() {
        ComStmtSendLongDataRequest r = decodeHex("01 00 00 00 01 00 00 ff 5c 27");
        assertEquals(1L, r.statementId());
        assertEquals(1, r.parameter());
        assertArrayEquals(hex("00 ff 5c 27"), r.data());
    }

    /** Ids are unsigned: ff ff ff ff / ff ff are 4294967295 / 65535, not negative. */
    @Test
    void decodesUnsigned() {
        ComStmtSendLongDataRequest r = decodeHex("ff ff ff ff ff ff 41");
        assertEquals(4294967295L, r.statementId());
        assertEquals(65535, r.parameter());
        assertArrayEquals(new byte[] {0x41}, r.data());
    }

    /** A chunk may be empty (a client streaming an empty blob still sends one). */
    @Test
    void decodesAnEmptyChunk() {
        ComStmtSendLongDataRequest r = decodeHex("02 00 00 00 00 00");
        assertEquals(2L, r.statementId());
        assertEquals(0, r.parameter());
        assertArrayEquals(new byte[0], r.data());
    }

    /** Shorter than the 6-byte header: malformed, not an index error. */
    @Test
    void shortHeaderIsMalformed() {
        assertThrows(MalformedPacketException.class, () -> decodeHex("01 00 00 00"));
        assertThrows(MalformedPacketException.class, () -> decodeHex("01 00 00 00 01"));
    }

    /**
     * Chunks append in order, binary-safe (NUL, 0xFF, quote and backslash bytes survive), and
     * each chunk gets no answer: the client pipelines them without reading.
     */
    @Test
    void appendsChunksWithoutAnswering() {
        execute("01 00 00 00 00 00 00 ff");
        execute("01 00 00 00 00 00");
        execute("01 00 00 00 00 00 5c 27 00");
        execute("01 00 00 00 01 00 e4 b8 ad");

        assertEquals(Collections.nCopies(4, "noResponse"), context.events);
        assertArrayEquals(hex("00 ff 5c 27 00"), statement.longData(0));
        assertArrayEquals(hex("e4 b8 ad"), statement.longData(1));
    }

    /** Even an empty first chunk marks the parameter as supplied: the execution binds '' rather than the packet's value. */
    @Test
    void anEmptyChunkStillSuppliesTheParameter() {
        execute("01 00 00 00 01 00");
        assertArrayEquals(new boolean[] {false, true}, statement.longDataSupplied());
        assertArrayEquals(new byte[0], statement.longData(1));
    }

    /** Chunks for an unknown statement or parameter are dropped silently, as MySQL does (the execution reports it). */
    @Test
    void dropsChunksForUnknownStatementsAndParameters() {
        execute("09 00 00 00 00 00 01 02");
        execute("01 00 00 00 02 00 01 02");
        execute("01 00 00 00 ff ff 01 02");

        assertEquals(Collections.nCopies(3, "noResponse"), context.events);
        assertArrayEquals(new boolean[] {false, false}, statement.longDataSupplied());
        assertNull(statement.longData(0));
    }

    private ComStmtSendLongDataRequest decodeHex(String hex) {
        return decode(hex, p -> handler.decode(p, context.session));
    }

    private void execute(String hex) {
        handler.execute(decodeHex(hex), context);
    }
}
