package io.porpoise.command.initdb;

import static io.porpoise.command.testkit.Payloads.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.ResultSink;
import io.porpoise.command.testkit.RecordingCommandContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComInitDbHandlerTest {
    private final ComInitDbHandler handler = new ComInitDbHandler();
    private final RecordingCommandContext context = new RecordingCommandContext();

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x02, handler.command());
        assertEquals("COM_INIT_DB", handler.name());
    }

    /** The schema name is string&lt;EOF&gt;: no length, no NUL terminator. */
    @Test
    void decodesTheRestOfThePacketAsTheSchemaName() {
        assertEquals(new ComInitDbRequest("shop"), decodeWith(StandardCharsets.UTF_8, "73 68 6f 70"));
    }

    /** An empty payload is a valid request for "no database" (answered with 1046), not a malformed packet. */
    @Test
    void decodesAnEmptyPayloadAsAnEmptyName() {
        assertEquals(new ComInitDbRequest(""), decodeWith(StandardCharsets.UTF_8, ""));
    }

    /**
     * The name is in character_set_client: the same bytes c3 a9 are "é" for a utf8mb4 client and
     * two characters for a latin1 one. Decoding with a fixed charset would switch to the wrong database.
     */
    @Test
    void decodesWithTheClientCharset() {
        assertEquals(new ComInitDbRequest("caf\u00e9"), decodeWith(StandardCharsets.UTF_8, "63 61 66 c3 a9"));
        assertEquals(new ComInitDbRequest("caf\u00c3\u00a9"), decodeWith(StandardCharsets.ISO_8859_1, "63 61 66 c3 a9"));
        // 中文 in GBK: two bytes per character.
        assertEquals(new ComInitDbRequest("\u4e2d\u6587"), decodeWith(Charset.forName("GBK"), "d6 d0 ce c4"));
    }

    /** MySQL answers COM_INIT_DB with an empty name with ER_NO_DB_ERROR; the backend is not asked. */
    @Test
    void emptyNameIsNoDatabaseSelected() {
        handler.execute(new ComInitDbRequest(""), context);
        assertEquals(List.of("error 1046 3D000 No database selected"), context.events);
    }

    /** The switch goes through the session (which tracks the schema for SHOW PROCESSLIST), then OK. */
    @Test
    void switchesSchemaThenAnswersOk() {
        context.session.backend = new BackendSession() {
            @Override
            public void query(String sql, ResultSink sink) {
                throw new UnsupportedOperationException(sql);
            }

            @Override
            public void useSchema(String schema) {
                context.events.add("backend.useSchema " + schema);
            }
        };
        handler.execute(new ComInitDbRequest("shop"), context);
        assertEquals(List.of("useSchema shop", "backend.useSchema shop", "ok"), context.events);
    }

    /** A backend refusal (unknown database, access denied) reaches the client as is, and there is no OK. */
    @Test
    void backendRefusalIsTheAnswer() {
        context.session.backend = new BackendSession() {
            @Override
            public void query(String sql, ResultSink sink) {
                throw new UnsupportedOperationException(sql);
            }

            @Override
            public void useSchema(String schema) throws BackendException {
                throw new BackendException(1044, "42000", "Access denied for user 'app'@'%' to database '" + schema + "'");
            }
        };
        handler.execute(new ComInitDbRequest("mysql"), context);
        assertEquals(List.of("useSchema mysql", "error 1044 42000 Access denied for user 'app'@'%' to database 'mysql'"),
                context.events);
    }

    private ComInitDbRequest decodeWith(Charset clientCharset, String hex) {
        context.session.clientCharset = clientCharset;
        return decode(hex, p -> handler.decode(p, context.session));
    }
}
