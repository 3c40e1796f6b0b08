package io.porpoise.command.stmtexecute;

import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_BLOB;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_LONGLONG;
import static io.porpoise.wire.binary.BinaryTypes.MYSQL_TYPE_VAR_STRING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.EncodedString;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.backend.Prepared;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowCursor;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.testkit.ListRowCursor;
import io.porpoise.command.testkit.Payloads;
import io.porpoise.command.testkit.RecordingCommandContext;
import io.porpoise.command.testkit.RecordingCommandContext.Channel;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.binary.BinaryParameters;
import io.porpoise.wire.binary.ParameterTypes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComStmtExecuteHandlerTest {
    private static final String WRONG_ARGUMENTS = "error 1210 HY000 Incorrect arguments to mysqld_stmt_execute";
    private static final ParameterTypes LONGLONG_VARSTRING = types(MYSQL_TYPE_LONGLONG, MYSQL_TYPE_VAR_STRING);
    private static final List<Column> COLUMNS = List.of(Column.of("id", ColumnType.LONGLONG), Column.of("name", ColumnType.VAR_STRING));

    private final ComStmtExecuteHandler handler = new ComStmtExecuteHandler();
    private final RecordingCommandContext context = new RecordingCommandContext(Channel.RESULT_SINKS, Channel.PACKETS);
    /** What the backend was asked to run, with the values it got. */
    private final List<List<Object>> executed = new ArrayList<>();

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x17, handler.command());
        assertEquals("COM_STMT_EXECUTE", handler.name());
    }

    // ---- decoding ----

    /** Shorter than statement_id + flags + iteration_count (9 bytes): malformed, not an index error. */
    @Test
    void shortHeaderIsMalformed() {
        assertThrows(MalformedPacketException.class, () -> decodeHex("01 00 00"));
        assertThrows(MalformedPacketException.class, () -> decodeHex("01 00 00 00 00"));
        assertThrows(MalformedPacketException.class, () -> decodeHex("01 00 00 00 00 01 00 00"));
    }

    /**
     * An unknown id decodes (to be answered with 1243): without the statement the parameter
     * block cannot be parsed, since its length depends on the parameter count.
     */
    @Test
    void unknownIdDecodesWithoutStatementOrParameters() {
        assertEquals(new ComStmtExecuteRequest(7, 0, 1, null, null), decodeHex("07 00 00 00 00 01 00 00 00 de ad"));
    }

    /** Flags CURSOR_TYPE_READ_ONLY asks for a cursor; the iteration count is unsigned int&lt;4&gt;. */
    @Test
    void decodesFlagsAndIterationsOfAStatementWithoutParameters() throws Exception {
        ServerStatement s = statement("SELECT 1", null, 0, List.of());
        ComStmtExecuteRequest r = decodeHex("01 00 00 00 01 ff ff ff ff");
        assertEquals(1, r.statementId());
        assertEquals(1, r.flags());
        assertTrue(r.wantsCursor());
        assertEquals(4294967295L, r.iterations());
        assertSame(s, r.statement());
        assertEquals(0, r.parameters().count());
        assertEquals("SELECT 1", handler.describe(r));
    }

    /**
     * NULL bitmap (1 byte for 2 parameters), new-params-bound flag 1, types (LONGLONG, VAR_STRING),
     * then the values: int&lt;8&gt; 42 and a length-encoded string in the client charset (GBK 中).
     */
    @Test
    void decodesTypesAndValuesInTheClientCharset() throws Exception {
        ServerStatement s = statement("SELECT ?, ?", null, 2, List.of());
        context.session.clientCharset = Charset.forName("GBK");
        ComStmtExecuteRequest r = decodeHex("01 00 00 00 00 01 00 00 00" + " 00 01 08 00 fd 00" + " 2a 00 00 00 00 00 00 00" + " 02 d6 d0");
        assertSame(s, r.statement());
        assertEquals(0, r.flags());
        assertFalse(r.wantsCursor());
        assertEquals(1, r.iterations());
        assertEquals(LONGLONG_VARSTRING, r.parameters().types());
        // The packet's string is its bytes; what the backend gets is typed by the client charset: GBK text does
        // not carry the bytes as UTF-8, so it goes as an EncodedString (text and bytes).
        assertArrayEquals(new byte[] {(byte) 0xd6, (byte) 0xd0}, (byte[]) r.parameters().values().get(1));
        context.session.variables.internalSet("character_set_client", "gbk");
        List<Object> values = ParameterValues.of(s, r.parameters(), context.session);
        assertEquals(42L, values.get(0));
        EncodedString v = (EncodedString) values.get(1);
        assertEquals("\u4e2d", v.text());
        assertArrayEquals(new byte[] {(byte) 0xd6, (byte) 0xd0}, v.bytes());
    }

    /** A set NULL bit means no value in the packet for that parameter. */
    @Test
    void decodesNullParameters() throws Exception {
        ServerStatement s = statement("SELECT ?, ?", null, 2, List.of());
        ComStmtExecuteRequest r = decodeHex("01 00 00 00 00 01 00 00 00" + " 01 01 08 00 fd 00" + " 01 41");
        assertTrue(r.parameters().isNull(0));
        assertEquals(Arrays.asList(null, "A"), ParameterValues.of(s, r.parameters(), context.session));
    }

    /** Flag 0 reuses the types bound by the previous execution (clients send types only once). */
    @Test
    void decodesWithThePreviouslyBoundTypes() throws Exception {
        ServerStatement s = statement("SELECT ?, ?", null, 2, List.of());
        s.boundTypes(LONGLONG_VARSTRING);
        ComStmtExecuteRequest r = decodeHex("01 00 00 00 00 01 00 00 00" + " 00 00" + " 2a 00 00 00 00 00 00 00 01 41");
        assertEquals(List.of(42L, "A"), ParameterValues.of(s, r.parameters(), context.session));
    }

    /**
     * A bad parameter block of a known statement (flag 0 on the first execution, values cut
     * short) is not a malformed packet: it decodes without parameters so that execute() answers
     * ER_WRONG_ARGUMENTS, as MySQL does.
     */
    @Test
    void badParameterBlockDecodesWithoutParameters() throws Exception {
        ServerStatement s = statement("SELECT ?, ?", null, 2, List.of());
        ComStmtExecuteRequest firstWithoutTypes = decodeHex("01 00 00 00 00 01 00 00 00" + " 00 00" + " 2a 00 00 00 00 00 00 00 01 41");
        assertSame(s, firstWithoutTypes.statement());
        assertNull(firstWithoutTypes.parameters());
        assertNull(decodeHex("01 00 00 00 00 01 00 00 00" + " 00 01 08 00 fd 00" + " 2a 00").parameters());
    }

    /** Parameters sent by COM_STMT_SEND_LONG_DATA have no value in the packet (libmysql leaves them out). */
    @Test
    void decodesAroundLongDataParameters() throws Exception {
        ServerStatement s = statement("INSERT INTO t VALUES (?, ?)", null, 2, List.of());
        s.appendLongData(1, new byte[] {1, 2});
        ComStmtExecuteRequest r = decodeHex("01 00 00 00 00 01 00 00 00" + " 00 01 08 00 fc 00" + " 2a 00 00 00 00 00 00 00");
        assertEquals(42L, r.parameters().value(0));
        assertTrue(r.parameters().isLongData(1));
        assertNull(r.parameters().value(1));
    }

    // ---- execution: errors ----

    @Test
    void unknownStatementIsAnError() {
        handler.execute(decodeHex("07 00 00 00 00 01 00 00 00"), context);
        assertEquals(List.of("error 1243 HY000 Unknown prepared statement handler (7) given to mysqld_stmt_execute"), context.events);
    }

    /** MySQL only knows iteration count 1 (MariaDB's bulk arrays use another command); long data is dropped too. */
    @Test
    void iterationCountOtherThanOneIsWrongArguments() throws Exception {
        ServerStatement s = statement("SELECT ?", backendPrepared(), 1, List.of());
        s.appendLongData(0, new byte[] {1});
        handler.execute(decodeHex("01 00 00 00 00 02 00 00 00" + " 00 01 08 00 2a 00 00 00 00 00 00 00"), context);
        assertEquals(List.of(WRONG_ARGUMENTS), context.events);
        assertNull(s.longData(0));
        assertTrue(executed.isEmpty());
    }

    /** The first execution must bind types (flag 1): without them the values cannot be read. */
    @Test
    void firstExecutionWithoutTypesIsWrongArguments() throws Exception {
        statement("SELECT ?", backendPrepared(), 1, List.of());
        handler.execute(decodeHex("01 00 00 00 00 01 00 00 00" + " 00 00 2a 00 00 00 00 00 00 00"), context);
        assertEquals(List.of(WRONG_ARGUMENTS), context.events);
    }

    /** PARAMETER_COUNT_AVAILABLE (0x08) belongs to CLIENT_QUERY_ATTRIBUTES, which is not advertised. */
    @Test
    void unknownFlagsAreWrongArguments() throws Exception {
        statement("SELECT 1", backendPrepared(), 0, List.of());
        handler.execute(decodeHex("01 00 00 00 08 01 00 00 00"), context);
        assertEquals(List.of(WRONG_ARGUMENTS), context.events);
    }

    // ---- execution: backend-prepared statements ----

    /**
     * The backend gets its own Prepared, the values and the binary-protocol sink; the types are
     * kept, so the next execution may send flag 0.
     */
    @Test
    void executesThroughTheBackendAndKeepsTheTypes() throws Exception {
        Prepared prepared = backendPrepared();
        ServerStatement s = statement("UPDATE t SET name = ? WHERE id = ?", prepared, 2, List.of());

        handler.execute(decode(payload(1, 0, true, types(MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_LONGLONG), "a", 7L)), context);
        assertEquals(types(MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_LONGLONG), s.boundTypes());
        context.nextCommand();
        handler.execute(decode(payload(1, 0, false, types(MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_LONGLONG), "b", 8L)), context);

        assertEquals(List.of(List.of("a", 7L), List.of("b", 8L)), executed);
        assertEquals(List.of("backend.execute", "binary ok 1", "backend.execute", "binary ok 1"), context.events);
    }

    /**
     * Long data replaces the parameter's value. Bound as a BLOB it stays bytes, whatever they
     * are; bound as a string type it becomes text in the client charset. After the execution the
     * long data is gone (the next one starts over), as in MySQL.
     */
    @Test
    void substitutesLongData() throws Exception {
        ServerStatement s = statement("INSERT INTO t VALUES (?, ?, ?)", backendPrepared(), 3, List.of());
        s.appendLongData(0, new byte[] {0x00, (byte) 0xFF});
        s.appendLongData(0, new byte[] {(byte) 0xC3});
        s.appendLongData(1, "caf".getBytes(StandardCharsets.UTF_8));
        s.appendLongData(1, "\u00e9".getBytes(StandardCharsets.UTF_8));
        ParameterTypes types = types(MYSQL_TYPE_BLOB, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_LONGLONG);

        handler.execute(decode(payload(1, 0, true, types, new boolean[] {true, true, false}, null, null, 5L)), context);

        List<Object> values = executed.get(0);
        assertArrayEquals(new byte[] {0x00, (byte) 0xFF, (byte) 0xC3}, (byte[]) values.get(0));
        assertEquals("caf\u00e9", values.get(1));
        assertEquals(5L, values.get(2));
        assertArrayEquals(new boolean[] {false, false, false}, s.longDataSupplied());
    }

    /** Long data bound as a string that does not decode in the client charset (a binary stream) keeps its bytes, marked as no text. */
    @Test
    void longDataThatIsNotTextStaysBytes() throws Exception {
        ServerStatement s = statement("INSERT INTO t VALUES (?)", backendPrepared(), 1, List.of());
        s.appendLongData(0, new byte[] {(byte) 0xFF, (byte) 0xFE});
        handler.execute(decode(payload(1, 0, true, types(MYSQL_TYPE_VAR_STRING), new boolean[] {true}, (Object) null)), context);
        EncodedString v = (EncodedString) executed.get(0).get(0);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFE}, v.bytes());
        assertFalse(v.isText());
    }

    @Test
    void backendErrorIsTheAnswer() throws Exception {
        statement("DELETE FROM t", new Prepared("h", List.of(), List.of()), 0, List.of());
        context.session.backend = new BackendSession() {
            @Override
            public void query(String sql, ResultSink sink) {
                throw new UnsupportedOperationException(sql);
            }

            @Override
            public void execute(Prepared statement, List<Object> parameters, ResultSink sink) throws BackendException {
                throw new BackendException(1451, "23000", "Cannot delete or update a parent row");
            }
        };
        handler.execute(decodeHex("01 00 00 00 00 01 00 00 00"), context);
        assertEquals(List.of("error 1451 23000 Cannot delete or update a parent row"), context.events);
    }

    // ---- execution: cursors ----

    /**
     * With CURSOR_TYPE_READ_ONLY a statement with columns sends only the column count, the
     * definitions and an EOF carrying CURSOR_EXISTS (even with CLIENT_DEPRECATE_EOF, which
     * cursorMetadataEnd handles); the rows wait in the statement's cursor for COM_STMT_FETCH.
     */
    @Test
    void cursorRequestOpensACursorAndSendsOnlyMetadata() throws Exception {
        ServerStatement s = statement("SELECT id, name FROM t WHERE id > ?", new Prepared("h", List.of(), COLUMNS), 1, COLUMNS);
        ListRowCursor cursor = new ListRowCursor(COLUMNS, List.of());
        context.session.backend = cursorBackend(cursor);

        handler.execute(decode(payload(1, ComStmtExecuteRequest.CURSOR_TYPE_READ_ONLY, true, types(MYSQL_TYPE_LONGLONG), 3L)), context);

        assertEquals(List.of("backend.openCursor [3]", "packet 02", "column id LONGLONG", "column name VAR_STRING",
                "cursorMetadataEnd [SERVER_STATUS_AUTOCOMMIT, SERVER_STATUS_CURSOR_EXISTS]"), context.events);
        assertSame(cursor, s.cursor());
        assertFalse(cursor.isClosed());
        assertFalse(context.packets.isOpen());
    }

    /** A cursor is pointless for a statement without columns: it simply executes. */
    @Test
    void cursorRequestWithoutColumnsExecutes() throws Exception {
        ServerStatement s = statement("DELETE FROM t", backendPrepared(), 0, List.of());
        handler.execute(decodeHex("01 00 00 00 01 01 00 00 00"), context);
        assertEquals(List.of("backend.execute", "binary ok 1"), context.events);
        assertNull(s.cursor());
    }

    /** Executing again closes the cursor of the previous execution (a client may not have fetched it all). */
    @Test
    void reExecutionClosesThePreviousCursor() throws Exception {
        ServerStatement s = statement("SELECT id, name FROM t", backendPrepared(), 0, COLUMNS);
        ListRowCursor previous = new ListRowCursor(COLUMNS, List.of());
        s.cursor(previous);
        handler.execute(decodeHex("01 00 00 00 00 01 00 00 00"), context);
        assertTrue(previous.isClosed());
        assertNull(s.cursor());
    }

    // ---- execution: emulated statements ----

    /**
     * An emulated statement (no backend Prepared) runs as text with the values as SQL literals,
     * through the interceptors and then the backend's query(), but with binary-protocol results:
     * the client asked with COM_STMT_EXECUTE and reads binary rows.
     */
    @Test
    void emulatedStatementRunsAsTextWithBinaryResults() throws Exception {
        statement("SELECT ?, ?", null, 2, List.of());
        List<String> interceptorSaw = new ArrayList<>();
        context.interceptors.add(new QueryInterceptor() {
            @Override
            public String name() {
                return "passes";
            }

            @Override
            public boolean intercept(String sql, CommandContext c) {
                interceptorSaw.add(sql);
                assertSame(context.binarySink, c.resultSink());
                return false;
            }
        });
        context.session.backend = (sql, sink) -> {
            assertSame(context.binarySink, sink);
            context.events.add("backend.query " + sql);
            sink.ok(UpdateResult.EMPTY);
        };

        handler.execute(decode(payload(1, 0, true, LONGLONG_VARSTRING, 42L, "it's")), context);

        assertEquals(List.of("SELECT 42, 'it\\'s'"), interceptorSaw);
        assertEquals(List.of("backend.query SELECT 42, 'it\\'s'", "binary ok 0"), context.events);
    }

    /**
     * The debug log of the emulated text never holds a bound password: SET PASSWORD = ?, CREATE
     * USER ... IDENTIFIED BY ? and ALTER USER ... IDENTIFIED BY ?, as a string or as bytes. The
     * interceptor still gets the real text.
     */
    @Test
    void emulatedPasswordStatementsAreLoggedWithoutThePassword() throws Exception {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(Emulation.class.getName());
        List<String> logged = new ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = jul.getLevel();
        jul.setLevel(java.util.logging.Level.ALL);
        jul.addHandler(capture);
        List<String> interceptorSaw = new ArrayList<>();
        context.interceptors.add(new QueryInterceptor() {
            @Override
            public String name() {
                return "accounts";
            }

            @Override
            public boolean intercept(String sql, CommandContext c) {
                interceptorSaw.add(sql);
                c.ok();
                return true;
            }
        });
        try {
            List<String> templates = List.of("SET PASSWORD = ?", "CREATE USER u IDENTIFIED BY ?", "ALTER USER u IDENTIFIED BY ? REQUIRE SSL");
            for (int id = 1; id <= templates.size(); id++) {
                statement(templates.get(id - 1), null, 1, List.of());
                handler.execute(decode(payload(id, 0, true, types(MYSQL_TYPE_VAR_STRING), "s3cr3t-" + id)), context);
                context.nextCommand();
            }
            statement("SET PASSWORD FOR u = ?", null, 1, List.of());
            handler.execute(decode(payload(4, 0, true, types(MYSQL_TYPE_BLOB), "s3cr3t-4".getBytes(StandardCharsets.UTF_8))), context);
        } finally {
            jul.removeHandler(capture);
            jul.setLevel(before);
        }
        assertEquals(List.of("SET PASSWORD = 's3cr3t-1'", "CREATE USER u IDENTIFIED BY 's3cr3t-2'",
                "ALTER USER u IDENTIFIED BY 's3cr3t-3' REQUIRE SSL", "SET PASSWORD FOR u = X'" + java.util.HexFormat.of().formatHex("s3cr3t-4".getBytes(StandardCharsets.UTF_8)) + "'"),
                interceptorSaw);
        assertEquals(List.of("statement 1 emulated as: SET PASSWORD = <secret>", "statement 2 emulated as: CREATE USER u IDENTIFIED BY <secret>",
                "statement 3 emulated as: ALTER USER u IDENTIFIED BY <secret> REQUIRE SSL",
                "statement 4 emulated as: SET PASSWORD FOR u = <secret>"), logged.stream().filter(m -> m.contains("emulated")).toList());
        assertTrue(logged.stream().noneMatch(m -> m.contains("s3cr3t") || m.contains("733363")), logged.toString());
    }

    /** A server-level statement (SET @a = ?) is answered by its interceptor; the backend never sees it. */
    @Test
    void emulatedStatementAnsweredByAnInterceptor() throws Exception {
        statement("SET @a = ?", null, 1, List.of());
        context.interceptors.add(new QueryInterceptor() {
            @Override
            public String name() {
                return "set";
            }

            @Override
            public boolean intercept(String sql, CommandContext c) {
                context.events.add("set " + sql);
                c.ok();
                return true;
            }
        });
        // The default fake backend throws if query() is called.
        handler.execute(decode(payload(1, 0, true, types(MYSQL_TYPE_LONGLONG), 5L)), context);
        assertEquals(List.of("set SET @a = 5", "ok"), context.events);
    }

    // ---- helpers ----

    private ComStmtExecuteRequest decodeHex(String hex) {
        return Payloads.decode(hex, p -> handler.decode(p, context.session));
    }

    private ComStmtExecuteRequest decode(byte[] payload) {
        return Payloads.decode(payload, p -> handler.decode(p, context.session));
    }

    private ServerStatement statement(String sql, Prepared prepared, int parameterCount, List<Column> columns) throws BackendException {
        List<Column> params = new ArrayList<>();
        for (int i = 0; i < parameterCount; i++) {
            params.add(Column.of("?", ColumnType.VAR_STRING));
        }
        return context.session.statements.add(sql, prepared, parameterCount, params, columns);
    }

    /**
     * Installs a backend whose execute() records the values in {@link #executed} and answers OK
     * (1 row), and returns the Prepared it expects back.
     */
    private Prepared backendPrepared() {
        Prepared prepared = new Prepared("handle", List.of(), List.of());
        context.session.backend = new BackendSession() {
            @Override
            public void query(String sql, ResultSink sink) {
                throw new UnsupportedOperationException(sql);
            }

            @Override
            public void execute(Prepared statement, List<Object> parameters, ResultSink sink) {
                assertSame(prepared, statement);
                assertSame(context.binarySink, sink);
                context.events.add("backend.execute");
                executed.add(parameters);
                sink.ok(UpdateResult.affected(1));
            }
        };
        return prepared;
    }

    private BackendSession cursorBackend(RowCursor cursor) {
        return new BackendSession() {
            @Override
            public void query(String sql, ResultSink sink) {
                throw new UnsupportedOperationException(sql);
            }

            @Override
            public RowCursor openCursor(Prepared statement, List<Object> parameters) {
                context.events.add("backend.openCursor " + parameters);
                return cursor;
            }
        };
    }

    private static ParameterTypes types(int... types) {
        return ParameterTypes.of(types, new boolean[types.length]);
    }

    /** A COM_STMT_EXECUTE payload for statement {@code id} with iteration count 1, built by the client-side encoder. */
    private byte[] payload(long id, int flags, boolean sendTypes, ParameterTypes types, Object... values) {
        return payload(id, flags, sendTypes, types, new boolean[types.count()], values);
    }

    private byte[] payload(long id, int flags, boolean sendTypes, ParameterTypes types, boolean[] longData, Object... values) {
        ByteBuf buf = Unpooled.buffer();
        try {
            buf.writeIntLE((int) id).writeByte(flags).writeIntLE(1);
            BinaryParameters.encode(buf, types, sendTypes, values, longData, context.session.clientCharset);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
