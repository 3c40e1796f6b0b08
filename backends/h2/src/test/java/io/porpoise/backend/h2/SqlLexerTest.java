package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lexing MySQL SQL and writing it back for H2. */
final class SqlLexerTest {
    private static String h2(String sql) {
        return SqlLexer.toH2(SqlLexer.lex(sql));
    }

    @Test
    void stringsUseMySqlEscapesAndBecomeStandardLiterals() {
        assertEquals("SELECT 'it''s', 'a\\b', 'x''y', 'dq \"x\"'", h2("SELECT 'it\\'s', 'a\\\\b', 'x''y', \"dq \\\"x\\\"\""));
        assertEquals("SELECT 'tab\tnl\n'", h2("SELECT 'tab\\tnl\\n'"));
        assertEquals("SELECT 'a\\_b%'", h2("SELECT 'a\\_b%'"));
    }

    @Test
    void identifiersAndHex() {
        assertEquals("SELECT \"a`b\", \"x\"\"y\" FROM \"t\"", h2("SELECT `a``b`, `x\"y` FROM `t`"));
        assertEquals("SELECT X'00ff', X'0A'", h2("SELECT 0x00ff, x'0A'"));
        assertEquals("SELECT 'raw'", h2("SELECT _binary'raw'"));
        assertEquals("SELECT 'a', 'b', 'c'", h2("SELECT _dec8'a', _geostd8 'b', _UTF8'c'"), "every MySQL charset introduces");
        assertEquals("SELECT _nope 'a'", h2("SELECT _nope 'a'"), "not a charset: a word, kept");
    }

    @Test
    void commentsAndExecutableComments() {
        assertEquals("SET NAMES utf8mb4", h2("/*!40101 SET NAMES utf8mb4 */"));
        assertEquals("SELECT 1", h2("SELECT 1 -- trailing\n"));
        assertEquals("SELECT 1", h2("# hash\nSELECT /* inline */ 1"));
        assertEquals("SELECT 2", h2("SELECT /*!99999 nope */ 2"));
        assertEquals("SELECT 1 - -1", h2("SELECT 1 - -1"));
    }

    @Test
    void operators() {
        List<Token> t = SqlLexer.significant(SqlLexer.lex("a<=>b >= c != d"));
        assertEquals(List.of("a", "<=>", "b", ">=", "c", "!=", "d"), t.stream().map(Token::text).toList());
    }

    @Test
    void declaredTypesNormalize() {
        assertEquals("int", DeclaredType.of("INTEGER", List.of("11"), false).spelling());
        assertEquals("bigint unsigned", DeclaredType.of("BIGINT", List.of("20"), true).spelling());
        assertEquals("tinyint(1)", DeclaredType.of("BOOLEAN", List.of(), false).spelling());
        assertEquals("decimal(10,0)", DeclaredType.of("NUMERIC", List.of(), false).spelling());
        assertEquals("double", DeclaredType.of("DOUBLE PRECISION", List.of(), false).spelling());
        assertEquals("datetime(6)", DeclaredType.of("DATETIME", List.of("6"), false).spelling());
        assertEquals("enum('a','b''c')", DeclaredType.parse("enum('a','b''c')").spelling());
        assertEquals("NUMERIC(20)", DeclaredType.parse("bigint unsigned").h2Type(false));
        assertEquals("BIGINT", DeclaredType.parse("bigint unsigned").h2Type(true));
        assertEquals("ENUM('a','b''c')", DeclaredType.parse("enum('a','b''c')").h2Type(false));
    }
}
