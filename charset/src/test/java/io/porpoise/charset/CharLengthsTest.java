package io.porpoise.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** Characters whose second byte is {@code \} or {@code '} are one character to the scanner. */
class CharLengthsTest {

    /** The first CJK character whose encoding in {@code cs} is two bytes with {@code trail} second. */
    static String withTrailByte(Charset cs, int trail) {
        for (char c = '\u3000'; c < '\uFFEF'; c++) {
            if (!cs.newEncoder().canEncode(c)) {
                continue;
            }
            byte[] b = String.valueOf(c).getBytes(cs);
            if (b.length == 2 && (b[1] & 0xFF) == trail) {
                return String.valueOf(c);
            }
        }
        throw new AssertionError("no character in " + cs + " ends with " + trail);
    }

    private static void assertWholeCharacters(String mysqlName, String javaName) {
        Charset cs = Charset.forName(javaName);
        CharLengths widths = CharLengths.of(mysqlName);
        assertTrue(widths.asciiCanTrail());
        // 0x27 and 0x3F are below every trail range: a quote after a lead byte is a quote (and the lead byte is invalid).
        for (int trail : new int[] {0x5C, 0x60, 0x7C}) {
            String ch = withTrailByte(cs, trail);
            byte[] b = ("'" + ch + "'").getBytes(cs);
            assertEquals(1, widths.length(b, 0, b.length));
            assertEquals(2, widths.length(b, 1, b.length), mysqlName + " " + ch);
            assertEquals(1, widths.length(b, 3, b.length));
        }
    }

    @Test
    void gbk() {
        assertWholeCharacters("gbk", "GBK");
        // e.g. U+7E17 (縗) is BF 5C in GBK; the test finds such characters by encoding.
        assertEquals(0x5C, "\u7E17".getBytes(Charset.forName("GBK"))[1]);
    }

    @Test
    void aQuoteAfterALeadByteIsAQuote() {
        byte[] b = {(byte) 0xBF, 0x27, ' '};
        assertEquals(1, CharLengths.GBK.length(b, 0, b.length));
        assertEquals(1, CharLengths.SJIS.length(b, 0, b.length));
    }

    @Test
    void big5() {
        assertWholeCharacters("big5", "Big5");
    }

    @Test
    void sjisAndCp932() {
        assertWholeCharacters("sjis", "Shift_JIS");
        assertWholeCharacters("cp932", "windows-31j");
        // Half-width katakana are single bytes in SJIS.
        byte[] kana = "\uFF71'".getBytes(Charset.forName("Shift_JIS"));
        assertEquals(1, CharLengths.SJIS.length(kana, 0, kana.length));
    }

    @Test
    void gb18030FourByteCharacters() {
        Charset cs = Charset.forName("GB18030");
        byte[] b = "\uD83D\uDE00'".getBytes(cs);
        assertEquals(4, CharLengths.GB18030.length(b, 0, b.length));
        assertWholeCharacters("gb18030", "GB18030");
    }

    @Test
    void utf8AndSingleByteSetsStepByOne() {
        assertEquals(CharLengths.SINGLE, CharLengths.of("utf8mb4"));
        assertEquals(CharLengths.SINGLE, CharLengths.of("ujis"));
        byte[] b = "\u4E2D".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, CharLengths.SINGLE.length(b, 0, b.length));
    }
}
