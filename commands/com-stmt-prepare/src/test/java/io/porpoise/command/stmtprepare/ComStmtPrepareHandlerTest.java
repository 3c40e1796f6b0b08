package io.porpoise.command.stmtprepare;

import static io.porpoise.command.testkit.Payloads.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.Prepared;
import io.porpoise.backend.ResultSink;
import io.porpoise.command.CommandContext;
import io.porpoise.command.Placeholders;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.SessionContext;
import io.porpoise.command.testkit.RecordingCommandContext;
import io.porpoise.command.testkit.RecordingCommandContext.Channel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComStmtPrepareHandlerTest {
    private static final String EOF = "endOfMetadata [SERVER_STATUS_AUTOCOMMIT]";

    private final ComStmtPrepareHandler handler = new ComStmtPrepareHandler();
    private final RecordingCommandContext context = new RecordingCommandContext(Channel.PACKETS);

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x16, handler.command());
        assertEquals("COM_STMT_PREPARE", handler.name());
    }

    /** The SQL is string&lt;EOF&gt;, like COM_QUERY's; SHOW PROCESSLIST shows it while preparing. */
    @Test
    void decodesTheRestOfThePacketAsSql() {
        ComStmtPrepareRequest r = decodeWith(StandardCharsets.UTF_8, "53 45 4c 45 43 54 20 3f"); // SELECT ?
        assertEquals(new ComStmtPrepareRequest("SELECT ?"), r);
        assertEquals("SELECT ?", handler.describe(r));
        assertEquals(new ComStmtPrepareRequest(""), decodeWith(StandardCharsets.UTF_8, ""));
    }

    /**
     * Placeholders are counted in decoded text, so decoding must use character_set_client. In GBK
     * bf 5c is one character; read as latin1 its 5c is a backslash that escapes the closing
     * quote, which would hide the placeholder inside a string.
     */
    @Test
    void decodesWithTheClientCharsetSoPlaceholdersAreCountedRight() {
        String hex = "53 45 4c 45 43 54 20 27 bf 5c 27 2c 20 3f"; // SELECT '縗', ?
        ComStmtPrepareRequest gbk = decodeWith(Charset.forName("GBK"), hex);
        assertEquals(new ComStmtPrepareRequest("SELECT '\u7e17', ?"), gbk);
        assertEquals(0, Placeholders.count(decodeWith(StandardCharsets.ISO_8859_1, hex).sql()));

        // Prepared as GBK (emulated: the fake backend cannot prepare), the placeholder is found.
        handler.execute(gbk, context);
        assertEquals(1, context.session.statements.get(1).orElseThrow().parameterCount());
    }

    @Test
    void emptyQueryIsAnError() {
        handler.execute(new ComStmtPrepareRequest("  "), context);
        assertEquals(List.of("error 1065 42000 Query was empty"), context.events);
        assertEquals(0, context.session.statements.size());
    }

    /**
     * COM_STMT_PREPARE_OK is status 0x00, statement_id int&lt;4&gt;, num_columns int&lt;2&gt;,
     * num_params int&lt;2&gt;, reserved 0x00, warning_count int&lt;2&gt;; then the parameter
     * definitions and the column definitions, each block ended by its EOF.
     */
    @Test
    void backendPreparedStatementIsAnsweredWithPrepareOkAndDefinitions() {
        Object handle = new Object();
        Prepared prepared = new Prepared(handle,
                List.of(Column.of("?", ColumnType.LONGLONG), Column.of("?", ColumnType.VAR_STRING)),
                List.of(Column.of("id", ColumnType.LONGLONG), Column.of("name", ColumnType.VAR_STRING), Column.of("at", ColumnType.DATETIME)));
        context.session.backend = preparingBackend(prepared);

        handler.execute(new ComStmtPrepareRequest("SELECT id, name, at FROM t WHERE id = ? AND name = ?"), context);

        assertEquals(List.of(
                "backend.prepare SELECT id, name, at FROM t WHERE id = ? AND name = ?",
                "packet 00" + "01000000" + "0300" + "0200" + "00" + "0000",
                "column ? LONGLONG", "column ? VAR_STRING", EOF,
                "column id LONGLONG", "column name VAR_STRING", "column at DATETIME", EOF), context.events);
        ServerStatement s = context.session.statements.get(1).orElseThrow();
        assertSame(prepared, s.prepared());
        assertEquals(2, s.parameterCount());
        assertEquals("SELECT id, name, at FROM t WHERE id = ? AND name = ?", s.sql());
        assertFalse(context.packets.isOpen());
    }

    /** A block without definitions has no EOF either: an INSERT without placeholders is one packet. */
    @Test
    void statementWithoutParametersOrColumnsIsOnePacket() {
        context.session.backend = preparingBackend(new Prepared("h", List.of(), List.of()));
        handler.execute(new ComStmtPrepareRequest("INSERT INTO t VALUES (1)"), context);
        assertEquals(List.of("backend.prepare INSERT INTO t VALUES (1)", "packet 00" + "01000000" + "0000" + "0000" + "00" + "0000"),
                context.events);
    }

    /** The statement id goes out little-endian, as assigned by the store. */
    @Test
    void statementIdIsLittleEndian() {
        context.session.statements.nextId = 0x04030201L;
        context.session.backend = preparingBackend(new Prepared("h", List.of(), List.of()));
        handler.execute(new ComStmtPrepareRequest("DO 1"), context);
        assertEquals("packet 00" + "01020304" + "0000" + "0000" + "00" + "0000", context.events.get(1));
    }

    /**
     * A statement an interceptor accepts (SET, SELECT @@x, ...) is emulated: the backend would not
     * know it. The decision comes from accepts() alone; intercept() must not run at prepare time,
     * because it would execute the statement. Placeholders are counted the way Placeholders does
     * (not inside strings), announced as VAR_STRING, and no result columns are announced.
     */
    @Test
    void serverLevelStatementIsEmulated() {
        String sql = "SET @a = ?, @b = '?'";
        context.interceptors.add(new QueryInterceptor() {
            @Override
            public String name() {
                return "set";
            }

            @Override
            public boolean intercept(String s, CommandContext c) {
                throw new AssertionError("intercept() at prepare time");
            }

            @Override
            public boolean accepts(String s, SessionContext session) {
                assertSame(context.session, session);
                return s.startsWith("SET");
            }
        });
        context.session.backend = preparingBackend(new Prepared("h", List.of(), List.of()));

        handler.execute(new ComStmtPrepareRequest(sql), context);

        assertEquals(1, Placeholders.count(sql));
        assertEquals(List.of("packet 00" + "01000000" + "0000" + "0100" + "00" + "0000", "column ? VAR_STRING", EOF),
                context.events);
        ServerStatement s = context.session.statements.get(1).orElseThrow();
        assertNull(s.prepared());
        assertTrue(s.isEmulated());
        assertEquals(1, s.parameterCount());
        assertTrue(s.columns().isEmpty());
    }

    /** Interceptors that do not accept the statement leave it to the backend. */
    @Test
    void statementNoInterceptorAcceptsGoesToTheBackend() {
        context.interceptors.add(new QueryInterceptor() {
            @Override
            public String name() {
                return "set";
            }

            @Override
            public boolean intercept(String s, CommandContext c) {
                throw new AssertionError("intercept() at prepare time");
            }
        });
        context.session.backend = preparingBackend(new Prepared("h", List.of(), List.of()));
        handler.execute(new ComStmtPrepareRequest("DELETE FROM t"), context);
        assertEquals("backend.prepare DELETE FROM t", context.events.get(0));
        assertNotNull(context.session.statements.get(1).orElseThrow().prepared());
    }

    /**
     * A backend without prepared statements (the default prepare() throws
     * PrepareUnsupportedException) still gets them: emulated, with the placeholders counted by
     * Placeholders, so a ? in a comment or string is not a parameter.
     */
    @Test
    void backendWithoutPrepareIsEmulated() {
        String sql = "SELECT * FROM t WHERE a = ? AND b = ? -- ?\n AND c = 'x?'";
        handler.execute(new ComStmtPrepareRequest(sql), context);

        assertEquals(2, Placeholders.count(sql));
        assertEquals(List.of("packet 00" + "01000000" + "0000" + "0200" + "00" + "0000",
                "column ? VAR_STRING", "column ? VAR_STRING", EOF), context.events);
        ServerStatement s = context.session.statements.get(1).orElseThrow();
        assertNull(s.prepared());
        assertEquals(2, s.parameterCount());
        assertEquals(sql, s.sql());
    }

    /** A statement the backend refuses (syntax error) is answered with that error; nothing is stored. */
    @Test
    void backendRefusalIsTheAnswer() {
        context.session.backend = new BackendSession() {
            @Override
            public void query(String sql, ResultSink sink) {
                throw new UnsupportedOperationException(sql);
            }

            @Override
            public Prepared prepare(String sql) throws BackendException {
                throw new BackendException(1064, "42000", "You have an error in your SQL syntax");
            }
        };
        handler.execute(new ComStmtPrepareRequest("SELEC ?"), context);
        assertEquals(List.of("error 1064 42000 You have an error in your SQL syntax"), context.events);
        assertEquals(0, context.session.statements.size());
    }

    /** The server-wide statement limit (the store refuses) is an error, and no PREPARE_OK is started. */
    @Test
    void storeLimitIsTheAnswer() {
        context.session.statements.addFailure = new BackendException(1461, "42000",
                "Can't create more than max_prepared_stmt_count statements (current value: 16382)");
        handler.execute(new ComStmtPrepareRequest("SELECT ?"), context);
        assertEquals(List.of("error 1461 42000 Can't create more than max_prepared_stmt_count statements (current value: 16382)"),
                context.events);
        assertFalse(context.packets.isOpen());
    }

    private ComStmtPrepareRequest decodeWith(Charset clientCharset, String hex) {
        context.session.clientCharset = clientCharset;
        return decode(hex, p -> handler.decode(p, context.session));
    }

    /** A backend whose prepare() records the SQL and returns {@code prepared}. */
    private BackendSession preparingBackend(Prepared prepared) {
        return new BackendSession() {
            @Override
            public void query(String sql, ResultSink sink) {
                throw new UnsupportedOperationException(sql);
            }

            @Override
            public Prepared prepare(String sql) {
                context.events.add("backend.prepare " + sql);
                return prepared;
            }
        };
    }
}
