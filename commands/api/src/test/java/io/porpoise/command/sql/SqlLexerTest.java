package io.porpoise.command.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    static String kinds(String sql) {
        return SqlLexer.lex(sql).stream().map(t -> t.kind() + ":" + t.text()).collect(Collectors.joining(" "));
    }

    @Test
    void connectorStartupQuery() {
        List<Token> t = SqlLexer.lex("/* mysql-connector-j-9.5.0 */SELECT @@session.auto_increment_increment AS a, @@`x`");
        assertEquals(Token.Kind.WORD, t.get(0).kind());
        assertEquals("SELECT", t.get(0).text());
        assertEquals("session.auto_increment_increment", t.get(1).text());
        assertEquals(Token.Kind.SYSTEM_VARIABLE, t.get(1).kind());
        assertEquals("x", t.get(5).text());
    }

    @Test
    void executableCommentsAreLexedAndOthersSkipped() {
        assertEquals("WORD:SET WORD:NAMES WORD:utf8mb4 END:", kinds("/*!40101 SET NAMES utf8mb4 */"));
        assertEquals("WORD:SELECT NUMBER:1 END:", kinds("SELECT -- note\n 1 # tail"));
    }

    @Test
    void stringsHonourEscapesAndDoubledQuotes() {
        assertEquals("STRING:it's STRING:a\nb STRING:q\"q END:", kinds("'it''s' 'a\\nb' \"q\"\"q\""));
        assertNull(SqlLexer.lex("SELECT 'unterminated"));
    }

    @Test
    void userVariablesAndAssignment() {
        assertEquals("WORD:SET USER_VARIABLE:old SYMBOL::= SYSTEM_VARIABLE:character_set_client END:",
                kinds("SET @old := @@character_set_client"));
        assertEquals("USER_VARIABLE:a b END:", kinds("@`a b`"));
    }

    @Test
    void tokensLexOnlyWhatIsRead() {
        Tokens t = Tokens.of("SET @a = 'x" + "y".repeat(1000) + "' , @b = 'unterminated");
        assertTrue(t.acceptWord("SET"));
        assertEquals(Token.Kind.USER_VARIABLE, t.next().kind());
        assertTrue(t.acceptSymbol("="));
        assertEquals(1001, t.next().text().length());
        t.next();
        t.next();
        t.next();
        Token error = t.next();
        assertEquals(Token.Kind.ERROR, error.kind(), "an unterminated string matches nothing");
        assertEquals(Token.Kind.ERROR, t.next().kind(), "and stays there");
        assertFalse(t.atEnd());
        assertFalse(Tokens.of("USE db 'x").any(k -> k.kind() == Token.Kind.END));
    }
}
