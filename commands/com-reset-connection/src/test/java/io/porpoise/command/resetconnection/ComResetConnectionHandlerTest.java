package io.porpoise.command.resetconnection;

import static io.porpoise.command.testkit.Payloads.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.ResultSink;
import io.porpoise.command.testkit.FakeSession;
import io.porpoise.command.testkit.RecordingCommandContext;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComResetConnectionHandlerTest {
    private final ComResetConnectionHandler handler = new ComResetConnectionHandler();
    private final RecordingCommandContext context = new RecordingCommandContext();
    private final FakeSession session = context.session;

    /** A backend that records the session calls a reset makes. */
    @BeforeEach
    void recordingBackend() {
        session.backend = new BackendSession() {
            @Override
            public void query(String sql, ResultSink sink) {
                throw new UnsupportedOperationException(sql);
            }

            @Override
            public void reset() {
                context.events.add("backend.reset");
            }

            @Override
            public void setAutocommit(boolean autocommit) {
                context.events.add("backend.setAutocommit " + autocommit);
            }

            @Override
            public void useSchema(String schema) {
                context.events.add("backend.useSchema " + schema);
            }
        };
    }

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x1F, handler.command());
        assertEquals("COM_RESET_CONNECTION", handler.name());
    }

    @Test
    void decodesAnEmptyPayload() {
        assertNull(decode("", p -> handler.decode(p, session)));
    }

    /**
     * What a pool relies on: statements closed (their ids are dead), backend rolled back,
     * session and user variables back to defaults, then OK. The current database stays, as in
     * MySQL, so there is no useSchema.
     */
    @Test
    void closesStatementsResetsVariablesAndAnswersOk() throws Exception {
        session.statements.add("SELECT ?", null, 1, List.of(), List.of());
        session.statements.add("SELECT 2", null, 0, List.of(), List.of());
        session.variables.set("sql_mode", "ANSI_QUOTES");
        session.variables.set("autocommit", "OFF");
        session.userVariables.put("a", 1L);

        handler.execute(null, context);

        assertEquals(List.of("statements.closeAll", "backend.reset", "backend.setAutocommit true", "ok"), context.events);
        assertEquals(0, session.statements.size());
        assertEquals(session.globals.global("sql_mode"), session.variables.get("sql_mode"));
        assertEquals(Boolean.TRUE, session.variables.get("autocommit"));
        assertTrue(session.userVariables.isEmpty());
    }

    /**
     * Session variables return to the current global values, not the compiled-in defaults: with
     * SET GLOBAL autocommit = OFF the reset session runs without autocommit, and the backend is told.
     */
    @Test
    void sessionVariablesReturnToTheGlobalValues() throws Exception {
        session.globals.setGlobal("autocommit", "OFF");
        session.variables.set("autocommit", "ON");

        handler.execute(null, context);

        assertEquals(Boolean.FALSE, session.variables.get("autocommit"));
        assertEquals(List.of("statements.closeAll", "backend.reset", "backend.setAutocommit false", "ok"), context.events);
    }

    /** A backend that cannot roll back answers with its error and no OK follows. */
    @Test
    void backendFailureIsTheAnswer() {
        BackendSession failing = new BackendSession() {
            @Override
            public void query(String sql, ResultSink sink) {
                throw new UnsupportedOperationException(sql);
            }

            @Override
            public void reset() throws BackendException {
                throw new BackendException(2013, "HY000", "Lost connection to backend");
            }
        };
        session.backend = failing;
        handler.execute(null, context);
        assertEquals(List.of("statements.closeAll", "error 2013 HY000 Lost connection to backend"), context.events);
    }
}
