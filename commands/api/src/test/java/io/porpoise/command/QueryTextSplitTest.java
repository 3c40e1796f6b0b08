package io.porpoise.command;

import static io.porpoise.command.QueryTextTest.bytes;
import static io.porpoise.command.QueryTextTest.endingIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-statement splitting by the same charset-aware scan that decodes the text. */
class QueryTextSplitTest {

    private static List<String> split(String sql) throws Exception {
        return sqls(QueryText.split(sql.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "utf8mb4"));
    }

    private static List<String> sqls(QueryStatements s) {
        return s.statements().stream().map(QueryStatements.Statement::sql).toList();
    }

    @Test
    void oneStatementIsOne() throws Exception {
        assertEquals(List.of("SELECT 1"), split("SELECT 1"));
        assertEquals(List.of("SELECT 1"), split("  SELECT 1  "));
    }

    @Test
    void semicolonsSeparateStatements() throws Exception {
        assertEquals(List.of("INSERT INTO t VALUES (1)", "SELECT * FROM t", "UPDATE t SET a = 2"),
                split("INSERT INTO t VALUES (1); SELECT * FROM t;\nUPDATE t SET a = 2"));
    }

    /** A trailing ; and whitespace or comments after the last statement make no extra (empty) statement. */
    @Test
    void trailingSemicolonsWhitespaceAndCommentsAreNotStatements() throws Exception {
        assertEquals(List.of("SELECT 1"), split("SELECT 1;"));
        assertEquals(List.of("SELECT 1", "SELECT 2"), split("SELECT 1; SELECT 2;  \n"));
        assertEquals(List.of("SELECT 1"), split("SELECT 1; -- done\n"));
        assertEquals(List.of("SELECT 1"), split("SELECT 1; # done"));
        assertEquals(List.of("SELECT 1"), split("SELECT 1; /* done */ "));
    }

    /** An empty statement before a ; stays, as an empty one: MySQL's parser fails near that ;. */
    @Test
    void aSemicolonWithNothingBeforeItIsAnEmptyStatement() throws Exception {
        QueryStatements s = QueryText.split(bytes("SELECT 1;; SELECT 2"), StandardCharsets.UTF_8, "utf8mb4");
        assertEquals(List.of("SELECT 1", "", "SELECT 2"), sqls(s));
        assertTrue(s.statements().get(1).isEmpty());
        assertEquals("; SELECT 2", s.near(1));
    }

    @Test
    void semicolonsInLiteralsIdentifiersAndCommentsDoNotSplit() throws Exception {
        assertEquals(List.of("SELECT 'a;b', \"c;d\", `e;f`", "SELECT 2"), split("SELECT 'a;b', \"c;d\", `e;f`; SELECT 2"));
        assertEquals(List.of("SELECT 'it''s;' /* x; y */", "SELECT 2"), split("SELECT 'it''s;' /* x; y */; SELECT 2"));
        assertEquals(List.of("SELECT 1 -- a; b\n", "SELECT 2").get(1), split("SELECT 1 -- a; b\n; SELECT 2").get(1));
        assertEquals(2, split("SELECT 1 -- a; b\n; SELECT 2").size());
        assertEquals(List.of("SELECT 'a\\';b'", "SELECT 2"), split("SELECT 'a\\';b'; SELECT 2"));
        assertEquals(List.of("SELECT 1 # x; y\n", "SELECT 2").size(), split("SELECT 1 # x; y\n; SELECT 2").size());
    }

    /** Executable comments and optimizer hints hold SQL: they are content, not comments. */
    @Test
    void executableCommentsAreStatements() throws Exception {
        assertEquals(List.of("/*!40101 SET NAMES utf8mb4 */", "SELECT 1"), split("/*!40101 SET NAMES utf8mb4 */; SELECT 1"));
        assertEquals(List.of("SELECT /*+ BKA(t) */ 1", "SELECT 2"), split("SELECT /*+ BKA(t) */ 1; SELECT 2"));
    }

    /** A comment-only text has no statement (MySQL answers OK); a blank one neither (ER_EMPTY_QUERY). */
    @Test
    void commentOnlyAndBlankTexts() throws Exception {
        QueryStatements c = QueryText.split(bytes("/* ping */ "), StandardCharsets.UTF_8, "utf8mb4");
        assertEquals(List.of(), sqls(c));
        assertTrue(c.commentOnly());
        QueryStatements b = QueryText.split(bytes("  \n"), StandardCharsets.UTF_8, "utf8mb4");
        assertEquals(List.of(), sqls(b));
        assertFalse(b.commentOnly());
    }

    /** A leading comment stays with its statement; "near" starts at the statement's first token, with its line. */
    @Test
    void nearAndLineOfAStatement() throws Exception {
        QueryStatements s = QueryText.split(bytes("SELECT 1;\n/* c */ SELECT 2"), StandardCharsets.UTF_8, "utf8mb4");
        assertEquals("/* c */ SELECT 2", s.statements().get(1).sql());
        assertEquals("SELECT 2", s.near(1));
        assertEquals(2, s.line(1));
        assertEquals(1, s.line(0));
    }

    /**
     * In GBK a character's second byte may be 0x5C: inside a literal it must not escape the
     * closing quote, or the ; after it would be taken for part of the literal.
     */
    @Test
    void gbkSecondByteBackslashDoesNotHideTheSemicolon() throws Exception {
        Charset gbk = Charset.forName("GBK");
        String c = endingIn(gbk, 0x5C);
        QueryStatements s = QueryText.split(bytes(gbk, "SELECT '" + c + "'; SELECT 2"), gbk, "gbk");
        assertEquals(List.of("SELECT '" + c + "'", "SELECT 2"), sqls(s));
    }

    @Test
    void big5AndSjisSecondByteBackslash() throws Exception {
        for (String[] cs : new String[][] {{"Big5", "big5"}, {"Shift_JIS", "sjis"}, {"windows-31j", "cp932"}}) {
            Charset charset = Charset.forName(cs[0]);
            String c = endingIn(charset, 0x5C);
            QueryStatements s = QueryText.split(bytes(charset, "SELECT `" + c + "`, '" + c + "'; SELECT ';'"), charset, cs[1]);
            assertEquals(List.of("SELECT `" + c + "`, '" + c + "'", "SELECT ';'"), sqls(s), cs[1]);
        }
    }

    /** Without charset awareness the 0x5C would escape the quote and the ; inside the next literal would split. */
    @Test
    void gbkSecondByteBackslashBeforeAQuotedSemicolon() throws Exception {
        Charset gbk = Charset.forName("GBK");
        String c = endingIn(gbk, 0x5C);
        QueryStatements s = QueryText.split(bytes(gbk, "INSERT INTO t VALUES ('" + c + "', ';x')"), gbk, "gbk");
        assertEquals(List.of("INSERT INTO t VALUES ('" + c + "', ';x')"), sqls(s));
    }

    /** Binary literals are rewritten as hex in each statement, as in a single statement. */
    @Test
    void binaryLiteralsInABatch() throws Exception {
        QueryStatements s = QueryText.split(bytes("SELECT _binary'", new int[] {0x80, ';'}, "'; SELECT 2"),
                StandardCharsets.UTF_8, "utf8mb4");
        assertEquals(List.of("SELECT X'803b'", "SELECT 2"), sqls(s));
    }

    /** Compound bodies of stored programs keep their semicolons (MySQL's grammar does; clients send them whole). */
    @Test
    void routineBodiesAreOneStatement() throws Exception {
        String proc = "CREATE DEFINER=`root`@`%` PROCEDURE p(x INT) lbl: BEGIN\n"
                + "  DECLARE y INT DEFAULT (CASE WHEN x > 0 THEN 1 ELSE 0 END);\n"
                + "  IF x > 1 THEN SELECT IF(x > 2, 'a', 'b'); END IF;\n"
                + "  CASE x WHEN 1 THEN SELECT 1; ELSE BEGIN SELECT 2; END; END CASE;\n"
                + "  WHILE y < 3 DO SET y = y + 1; END WHILE;\n"
                + "END lbl";
        assertEquals(List.of(proc, "CALL p(1)"), split(proc + "; CALL p(1)"));
        String trigger = "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END";
        assertEquals(List.of(trigger, "SELECT 1"), split(trigger + ";SELECT 1"));
        assertEquals(List.of("CREATE PROCEDURE q() SELECT 1", "SELECT 2"), split("CREATE PROCEDURE q() SELECT 1; SELECT 2"));
    }

    /** BEGIN outside a stored program starts a transaction; it groups nothing. */
    @Test
    void beginAsTransactionStartSplits() throws Exception {
        assertEquals(List.of("BEGIN", "INSERT INTO t VALUES (1)", "COMMIT"), split("BEGIN; INSERT INTO t VALUES (1); COMMIT"));
        assertEquals(List.of("CREATE TABLE function (a INT)", "SELECT CASE WHEN 1 THEN 2 END"),
                split("CREATE TABLE function (a INT); SELECT CASE WHEN 1 THEN 2 END"));
    }

    /** Decoding is the same as without splitting. */
    @Test
    void textIsTheDecodedText() throws Exception {
        byte[] b = bytes("SELECT 'h\u00e9'; SELECT _binary'x'");
        assertEquals(QueryText.decode(b, StandardCharsets.UTF_8, "utf8mb4"),
                QueryText.split(b, StandardCharsets.UTF_8, "utf8mb4").text());
    }
}
