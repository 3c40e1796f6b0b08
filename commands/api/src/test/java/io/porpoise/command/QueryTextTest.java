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
}
