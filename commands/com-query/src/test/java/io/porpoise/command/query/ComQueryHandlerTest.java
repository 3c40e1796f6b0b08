package io.porpoise.command.query;

import static io.porpoise.command.testkit.Payloads.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.QueryStatements;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComQueryHandlerTest {
    private static final Charset GBK = Charset.forName("GBK");

    private final ComQueryHandler handler = new ComQueryHandler();
    private final MultiStatementContext context = new MultiStatementContext();

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x03, handler.command());
        assertEquals("COM_QUERY", handler.name());
    }

    /** The SQL is string&lt;EOF&gt;: everything after the command byte, no terminator. */
    @Test
    void decodesTheRestOfThePacketAsSql() {
        assertEquals(new ComQueryRequest("SELECT 1"), decodeWith(StandardCharsets.UTF_8, "53 45 4c 45 43 54 20 31"));
    }

    /** An empty payload decodes (and is answered with ER_EMPTY_QUERY), it is not a malformed packet. */
    @Test
    void decodesAnEmptyPayloadAsEmptySql() {
        assertEquals(new ComQueryRequest(""), decodeWith(StandardCharsets.UTF_8, ""));
    }

    /** The same bytes are different text for a utf8mb4 and a latin1 client: the decoder must use character_set_client. */
    @Test
    void decodesWithTheClientCharset() {
        String hex = "53 45 4c 45 43 54 20 27 c3 a9 27"; // SELECT 'é' in UTF-8
        assertEquals(new ComQueryRequest("SELECT '\u00e9'"), decodeWith(StandardCharsets.UTF_8, hex));
        ComQueryRequest latin1 = decodeWith(StandardCharsets.ISO_8859_1, hex);
        assertEquals("SELECT '\u00c3\u00a9'", latin1.sql());
        // Its text does not carry the bytes (UTF-8 of the text is c3 83 c2 a9): the literal goes along as bytes.
        assertEquals(1, latin1.statements().statements().get(0).literals().size());
    }

    /**
     * GBK's second bytes overlap ASCII: bf 5c is the single character 縗, whose second byte is a
     * backslash. Decoded with GBK first, the quote after it still closes the string; read
     * byte-wise it would escape the quote (the classic GBK injection). So the backend must get
     * text decoded with the client charset.
     */
    @Test
    void decodesGbkWhoseSecondByteLooksLikeABackslash() {
        String hex = "53 45 4c 45 43 54 20 27 bf 5c 27 2c 20 27 d6 d0 ce c4 27"; // SELECT '縗', '中文'
        ComQueryRequest r = decodeWith(GBK, hex);
        assertEquals("SELECT '\u7e17', '\u4e2d\u6587'", r.sql());
        assertEquals(List.of("SELECT '\u7e17', '\u4e2d\u6587'"), r.statements().statements().stream().map(QueryStatements.Statement::sql).toList());
        assertEquals(2, r.statements().statements().get(0).literals().size());
    }

    /** SHOW PROCESSLIST shows the SQL as Info while the query runs. */
    @Test
    void describesTheRequestByItsSql() {
        assertEquals("SELECT 1", handler.describe(new ComQueryRequest("SELECT 1")));
    }

    /** MySQL answers an empty (or blank) query with 1065 before anything else runs. */
    @Test
    void emptyOrBlankQueryIsAnError() {
        context.interceptors.add(interceptor("never", true));
        handler.execute(new ComQueryRequest(""), context);
        context.nextCommand();
        handler.execute(new ComQueryRequest(" \n\t"), context);
        assertEquals(List.of("error 1065 42000 Query was empty", "error 1065 42000 Query was empty"), context.events);
    }

    /**
     * Interceptors run in the given order until one answers; that one's answer is the response
     * and neither later interceptors nor the backend see the statement.
     */
    @Test
    void answeringInterceptorStopsTheChain() {
        context.interceptors.add(interceptor("first", false));
        context.interceptors.add(interceptor("second", true));
        context.interceptors.add(interceptor("third", true));
        // The fake backend throws if it is called.
        handler.execute(new ComQueryRequest("SET @a = 1"), context);
        assertEquals(List.of("first saw SET @a = 1", "second saw SET @a = 1", "ok"), context.events);
    }

    /** When no interceptor answers, the backend gets the SQL and the text-protocol sink of this command. */
    @Test
    void backendRunsWhatNoInterceptorAnswered() {
        context.interceptors.add(interceptor("first", false));
        context.session.backend = (sql, sink) -> {
            assertSame(context.textSink, sink);
            context.events.add("backend.query " + sql);
            sink.ok(UpdateResult.affected(3));
        };
        handler.execute(new ComQueryRequest("UPDATE t SET a = 1"), context);
        assertEquals(List.of("first saw UPDATE t SET a = 1", "backend.query UPDATE t SET a = 1", "text ok 3"), context.events);
    }

    /** A backend that throws instead of completing the sink is answered with its error. */
    @Test
    void backendExceptionIsTheAnswer() {
        context.session.backend = (sql, sink) -> {
            throw new BackendException(1146, "42S02", "Table 'shop.nope' doesn't exist");
        };
        handler.execute(new ComQueryRequest("SELECT * FROM nope"), context);
        assertEquals(List.of("error 1146 42S02 Table 'shop.nope' doesn't exist"), context.events);
    }

    /** An interceptor's error (SET of an unknown variable, say) ends the command; the backend is not tried. */
    @Test
    void interceptorExceptionIsTheAnswer() {
        context.interceptors.add(new QueryInterceptor() {
            @Override
            public String name() {
                return "set";
            }

            @Override
            public boolean intercept(String sql, CommandContext c) throws BackendException {
                throw new BackendException(1193, "HY000", "Unknown system variable 'nope'");
            }
        });
        handler.execute(new ComQueryRequest("SET nope = 1"), context);
        assertEquals(List.of("error 1193 HY000 Unknown system variable 'nope'"), context.events);
    }

    /** Without CLIENT_MULTI_STATEMENTS a second statement is MySQL's syntax error near it; nothing runs. */
    @Test
    void secondStatementWithoutMultiStatementsIsASyntaxError() {
        handler.execute(new ComQueryRequest("SELECT 1; SELECT 2"), context);
        context.nextCommand();
        handler.execute(new ComQueryRequest("SELECT 1;\n\nSELECT 2;"), context);
        assertEquals(List.of(
                "error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server "
                        + "version for the right syntax to use near 'SELECT 2' at line 1",
                "error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server "
                        + "version for the right syntax to use near 'SELECT 2;' at line 3"), context.events);
    }

    /** A lone ';' is a syntax error near it; a comment alone is an empty statement MySQL answers with OK. */
    @Test
    void loneSemicolonAndCommentOnly() {
        handler.execute(new ComQueryRequest(" ;"), context);
        context.nextCommand();
        handler.execute(new ComQueryRequest("/* ping */"), context);
        assertEquals(List.of(
                "error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server "
                        + "version for the right syntax to use near ';' at line 1", "ok"), context.events);
    }

    /** One statement with a trailing ';' (either mode) reaches the backend without it, as one answer. */
    @Test
    void trailingSemicolonIsNotASecondStatement() {
        context.session.backend = (sql, sink) -> {
            context.events.add("backend.query " + sql);
            sink.ok(UpdateResult.affected(1));
        };
        handler.execute(new ComQueryRequest("DELETE FROM t;  -- done"), context);
        context.nextCommand();
        context.session().multiStatements = true;
        handler.execute(new ComQueryRequest("DELETE FROM t ;"), context);
        assertEquals(List.of("backend.query DELETE FROM t", "text ok 1", "backend.query DELETE FROM t", "text ok 1"),
                context.events);
    }

    /** With multi-statements each statement goes through the interceptors, then the backend, in turn. */
    @Test
    void multiStatementsRunInTurn() {
        context.session().multiStatements = true;
        context.interceptors.add(new QueryInterceptor() {
            @Override
            public String name() {
                return "set";
            }

            @Override
            public boolean intercept(String sql, CommandContext c) {
                if (!sql.startsWith("SET")) {
                    return false;
                }
                c.ok();
                return true;
            }
        });
        context.session.backend = (sql, sink) -> {
            context.events.add("backend.query " + sql);
            sink.ok(UpdateResult.affected(2));
        };
        handler.execute(new ComQueryRequest("SET @a = 1; UPDATE t SET a = 1;\nDELETE FROM t; "), context);
        assertEquals(List.of("statement, more results follow", "ok",
                "statement, more results follow", "backend.query UPDATE t SET a = 1", "text ok 2",
                "last statement", "backend.query DELETE FROM t", "text ok 2"), context.events);
    }

    /** The first ERR ends the batch: later statements do not run. */
    @Test
    void firstErrorStopsTheBatch() {
        context.session().multiStatements = true;
        context.session.backend = (sql, sink) -> {
            context.events.add("backend.query " + sql);
            if (sql.contains("nope")) {
                throw new BackendException(1146, "42S02", "Table 'shop.nope' doesn't exist");
            }
            sink.ok(UpdateResult.affected(1));
        };
        handler.execute(new ComQueryRequest("INSERT INTO t VALUES (1); SELECT * FROM nope; INSERT INTO t VALUES (2)"), context);
        assertEquals(List.of("statement, more results follow", "backend.query INSERT INTO t VALUES (1)", "text ok 1",
                "statement, more results follow", "backend.query SELECT * FROM nope",
                "error 1146 42S02 Table 'shop.nope' doesn't exist"), context.events);
    }

    /** An empty statement in a batch is the syntax error MySQL's parser gives near its ';', and ends the batch. */
    @Test
    void emptyStatementInABatchIsASyntaxError() {
        context.session().multiStatements = true;
        context.session.backend = (sql, sink) -> {
            context.events.add("backend.query " + sql);
            sink.ok(UpdateResult.affected(0));
        };
        handler.execute(new ComQueryRequest("DO 1;; DO 2"), context);
        assertEquals(List.of("statement, more results follow", "backend.query DO 1", "text ok 0",
                "statement, more results follow",
                "error 1064 42000 You have an error in your SQL syntax; check the manual that corresponds to your MySQL server "
                        + "version for the right syntax to use near '; DO 2' at line 1"), context.events);
    }

    /** The request carries the statements cut by the charset-aware scan of the client's bytes. */
    @Test
    void decodesTheStatements() {
        ComQueryRequest r = decodeWith(GBK, "53 45 4c 45 43 54 20 27 bf 5c 27 3b 53 45 4c 45 43 54 20 32"); // SELECT '縗';SELECT 2
        assertEquals(List.of("SELECT '\u7e17'", "SELECT 2"),
                r.statements().statements().stream().map(io.porpoise.command.QueryStatements.Statement::sql).toList());
    }

    private ComQueryRequest decodeWith(Charset clientCharset, String hex) {
        context.session.clientCharset = clientCharset;
        // The scan steps over multi-byte characters by the MySQL charset's rules, so the name must match.
        context.session.variables.internalSet("character_set_client",
                clientCharset.equals(GBK) ? "gbk" : clientCharset.equals(StandardCharsets.UTF_8) ? "utf8mb4" : "latin1");
        return decode(hex, p -> handler.decode(p, context.session));
    }

    /** An interceptor that records the SQL it saw and, if {@code answers}, answers OK. */
    private QueryInterceptor interceptor(String name, boolean answers) {
        return new QueryInterceptor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean intercept(String sql, CommandContext c) {
                context.events.add(name + " saw " + sql);
                if (answers) {
                    c.ok();
                }
                return answers;
            }
        };
    }
}
