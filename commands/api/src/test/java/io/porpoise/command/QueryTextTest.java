package io.porpoise.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.porpoise.charset.InvalidCharacterStringException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryTextTest {
    private static final Charset GBK = Charset.forName("GBK");

    static byte[] bytes(Charset cs, Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String) {
                out.writeBytes(((String) p).getBytes(cs));
            } else {
                for (int b : (int[]) p) {
                    out.write(b);
                }
            }
        }
        return out.toByteArray();
    }

    static byte[] bytes(Object... parts) {
        return bytes(StandardCharsets.UTF_8, parts);
    }

    static String utf8(byte[] sql) throws InvalidCharacterStringException {
        return QueryText.decode(sql, StandardCharsets.UTF_8, "utf8mb4");
    }

    /** A character whose encoding in {@code cs} is two bytes ending in {@code trail}, found by encoding. */
    static String endingIn(Charset cs, int trail) {
        for (char c = '\u4E00'; c < '\u9FFF'; c++) {
            byte[] b = String.valueOf(c).getBytes(cs);
            if (b.length == 2 && (b[1] & 0xFF) == trail && cs.newEncoder().canEncode(c)) {
                return String.valueOf(c);
            }
        }
        throw new AssertionError(cs + ": no character ending in " + trail);
    }

    @Test
    void textStaysText() throws Exception {
        assertEquals("SELECT 'h\u00e9llo', `c`", utf8(bytes("SELECT 'h\u00e9llo', `c`")));
    }

    @Test
    void binaryLiteralsBecomeHexWithTheSameBytes() throws Exception {
        byte[] sql = bytes("INSERT INTO t VALUES (_binary '", new int[] {0x80, 0xFF}, "', 'ok', 'a\\'b', _binary'x')");
        assertEquals("INSERT INTO t VALUES (X'80ff', 'ok', 'a\\'b', X'78')", utf8(sql));
    }

    @Test
    void undecodableLiteralWithoutIntroducerAndEscapes() throws Exception {
        // PyMySQL sends bytes as an escaped literal: \0, \\ and \' must be resolved before hex.
        byte[] sql = bytes("SELECT '", new int[] {0xC3}, "\\0\\\\\\'', \"", new int[] {0xFE}, "\"");
        assertEquals("SELECT X'c3005c27', X'fe'", utf8(sql));
    }

    @Test
    void latin1BytesAreText() throws Exception {
        byte[] sql = bytes("SELECT '", new int[] {0xE9, 0x81}, "'");
        assertEquals("SELECT '\u00e9\u0081'", QueryText.decode(sql, io.porpoise.charset.Collations.defaultFor("latin1").orElseThrow().charset(), "latin1"));
    }

    @Test
    void undecodableBytesOutsideLiteralsAreAnError() {
        byte[] sql = bytes("SELECT 1 AS `a", new int[] {0xFF, 0xFE}, "`");
        InvalidCharacterStringException e = assertThrows(InvalidCharacterStringException.class, () -> utf8(sql));
        assertEquals("utf8mb4", e.charsetName());
        assertEquals("FFFE60", e.hexBytes());
        // In the slow path too (an _binary literal forces it).
        byte[] slow = bytes("SELECT _binary'a', ", new int[] {0xFF}, "1");
        assertEquals("FF31", assertThrows(InvalidCharacterStringException.class, () -> utf8(slow)).hexBytes());
    }

    @Test
    void quotesInCommentsStartNothing() throws Exception {
        byte[] sql = bytes("SELECT 1 -- it's\n, _binary'a' /* don't */ # '\n, /*!40101 _binary'b' */");
        assertEquals("SELECT 1 -- it's\n, X'61' /* don't */ # '\n, /*!40101 X'62' */", utf8(sql));
    }

    @Test
    void gbkSecondByteBackslashDoesNotEscapeTheQuote() throws Exception {
        String c = endingIn(GBK, 0x5C);
        assertEquals(0x5C, c.getBytes(GBK)[1]);
        String sql = "INSERT INTO t VALUES ('" + c + "', _binary'" + c + "', '\u4E2D\u6587')";
        byte[] raw = sql.getBytes(GBK);
        String hex = java.util.HexFormat.of().formatHex(c.getBytes(GBK));
        assertEquals("INSERT INTO t VALUES ('" + c + "', X'" + hex + "', '\u4E2D\u6587')", QueryText.decode(raw, GBK, "gbk"));
        // A backquoted identifier ending in such a character, then a binary literal.
        String ident = "SELECT `" + endingIn(GBK, 0x60) + "`, _binary'z'";
        assertEquals("SELECT `" + endingIn(GBK, 0x60) + "`, X'7a'", QueryText.decode(ident.getBytes(GBK), GBK, "gbk"));
    }

    @Test
    void big5AndSjisSecondByteBackslash() throws Exception {
        for (String[] cs : new String[][] {{"Big5", "big5"}, {"Shift_JIS", "sjis"}, {"windows-31j", "cp932"}, {"GB18030", "gb18030"}}) {
            Charset charset = Charset.forName(cs[0]);
            String c = endingIn(charset, 0x5C);
            String sql = "SELECT '" + c + "\\'" + c + "', _binary'" + c + "'";
            String hex = java.util.HexFormat.of().formatHex(c.getBytes(charset));
            assertEquals("SELECT '" + c + "\\'" + c + "', X'" + hex + "'", QueryText.decode(sql.getBytes(charset), charset, cs[1]), cs[0]);
        }
    }

    @Test
    void aQuoteAfterAnInvalidLeadByteEndsTheLiteral() throws Exception {
        // 0xBF 0x27 is not a GBK character: the quote is a quote, the lone 0xBF a binary literal.
        byte[] sql = bytes(GBK, "SELECT '", new int[] {0xBF}, "', 1");
        assertEquals("SELECT X'bf', 1", QueryText.decode(sql, GBK, "gbk"));
    }

    static Charset mysql(String charset) {
        return io.porpoise.charset.Collations.defaultFor(charset).orElseThrow().charset();
    }

    @Test
    void swe7SyntaxBytesAreSyntaxAndTheirLettersAreText() throws Exception {
        Charset swe7 = mysql("swe7");
        // Escaped by the client on the bytes: 0x5C is the escape (not Ö) and \\ is the byte 0x5C, Ö.
        byte[] sql = bytes(StandardCharsets.ISO_8859_1, "SELECT @@version, 'x\\' OR 1=1 -- \\\\', `[`, \"]\"");
        assertEquals("SELECT @@version, 'x\\' OR 1=1 -- \u00D6', `\u00C4`, \"\u00C5\"", QueryText.decode(sql, swe7, "swe7"));
        // A literal's Ä (0x5B) and a doubled quote; a doubled back quote in an identifier is the byte 0x60, é; 0x7C is ö.
        byte[] ident = bytes(StandardCharsets.ISO_8859_1, "SELECT '[''' AS `a``b` FROM t WHERE c = '|' || 1");
        assertEquals("SELECT '\u00C4\\'' AS `a\u00E9b` FROM t WHERE c = '\u00F6' || 1", QueryText.decode(ident, swe7, "swe7"));
        // DEL and bytes above 0x7F are no swe7 text: outside a literal an error, inside one a binary literal.
        byte[] bad = bytes(StandardCharsets.ISO_8859_1, "SELECT '", new int[] {0x80}, "', ", new int[] {0x7F});
        assertEquals("7F", assertThrows(InvalidCharacterStringException.class, () -> QueryText.decode(bad, swe7, "swe7")).hexBytes());
        assertEquals("SELECT X'80'", QueryText.decode(bytes(StandardCharsets.ISO_8859_1, "SELECT '", new int[] {0x80}, "'"), swe7, "swe7"));
    }

    @Test
    void armscii8PunctuationAboveAsciiNeverEndsALiteral() throws Exception {
        Charset armscii8 = mysql("armscii8");
        // 0xFF is an apostrophe in armscii8 but not a quote to MySQL's lexer; 0xA4 is ')'.
        byte[] sql = bytes(StandardCharsets.ISO_8859_1, "SELECT 'it", new int[] {0xFF}, "s", new int[] {0xA4}, "', \"", new int[] {0xFF}, "\", `", new int[] {0xFF}, "`");
        assertEquals("SELECT 'it\\'s)', \"\\'\", `'`", QueryText.decode(sql, armscii8, "armscii8"));
        QueryStatements split = QueryText.split(bytes(StandardCharsets.ISO_8859_1, "SELECT '", new int[] {0xFF}, "; DROP TABLE t; --'; SELECT 2"), armscii8, "armscii8");
        assertEquals(2, split.statements().size(), split.toString());
        // Outside literals it is a character MySQL's parser refuses, not a quote.
        byte[] bare = bytes(StandardCharsets.ISO_8859_1, "SELECT ", new int[] {0xFF}, "x", new int[] {0xFF});
        assertEquals("FF78FF", assertThrows(InvalidCharacterStringException.class, () -> QueryText.decode(bare, armscii8, "armscii8")).hexBytes());
        // Letters are text anywhere.
        assertEquals("SELECT '\u0531' AS `\u0561`", QueryText.decode(bytes(StandardCharsets.ISO_8859_1, "SELECT '", new int[] {0xB2}, "' AS `", new int[] {0xB3}, "`"),
                armscii8, "armscii8"));
    }

    @Test
    void asciiTransparentSingleByteCharsetsKeepTheFastPath() throws Exception {
        for (String cs : new String[] {"dec8", "hp8", "keybcs2", "geostd8"}) {
            byte[] sql = bytes(StandardCharsets.ISO_8859_1, "SELECT 'a\\'b', `c`");
            assertEquals("SELECT 'a\\'b', `c`", QueryText.decode(sql, mysql(cs), cs), cs);
        }
        byte[] geo = bytes(StandardCharsets.ISO_8859_1, "SELECT '", new int[] {0xC0, 0xFD}, "'");
        assertEquals("SELECT '\u10D0\u2116'", QueryText.decode(geo, mysql("geostd8"), "geostd8"));
        assertEquals("SELECT X'e6'", QueryText.decode(bytes("SELECT '", new int[] {0xE6}, "'"), mysql("geostd8"), "geostd8"));
    }
}
