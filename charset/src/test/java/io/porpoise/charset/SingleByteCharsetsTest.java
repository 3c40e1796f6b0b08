package io.porpoise.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The six single-byte charsets built from {@code single-byte-charsets.txt}. The table check
 * restates every entry of MySQL 8.4's {@code to_uni_*} arrays ({@code strings/ctype-extra.cc})
 * in another form: as a known charset with MySQL's differences, or as the characters in order.
 * The same differences were checked against second sources: glibc's DEC-MCS (dec8 differs only
 * in MySQL's 0xA0 no-break space) and HP-ROMAN8 (identical), ISO646-SE (swe7: MySQL follows SEN
 * 850200 C with É/é/Ü/ü on 0x40/0x60/0x5E/0x7E), MariaDB's {@code ctype-extra.c} (armscii8,
 * identical, including 0xA1 U+2741, 0xFE U+2019 and 0xFF U+0027), CP437 and Kamenický
 * (keybcs2), and windows-1252 for geostd8's punctuation.
 */
class SingleByteCharsetsTest {
    static final List<String> NAMES = List.of("dec8", "hp8", "swe7", "armscii8", "keybcs2", "geostd8");

    @Test
    void tablesAreMysqlsToUniArrays() {
        Map<String, char[]> tables = SingleByteCharsets.tables();
        assertEquals(NAMES.size(), tables.size());
        for (String name : NAMES) {
            assertEquals(hex(expected(name)), hex(tables.get(name)), name);
        }
    }

    /** MySQL's table for {@code name}, built from facts independent of the resource file. */
    static char[] expected(String name) {
        char[] t = new char[256];
        switch (name) {
            case "dec8":
                // ISO-8859-1, with MySQL's DEC Multinational differences and undefined bytes.
                for (int b = 0; b < 256; b++) {
                    t[b] = (char) b;
                }
                t[0xA8] = '\u00A4';
                t[0xD7] = '\u0152';
                t[0xDD] = '\u0178';
                t[0xF7] = '\u0153';
                t[0xFD] = '\u00FF';
                undefine(t, 0xA4, 0xA6, 0xAC, 0xAD, 0xAE, 0xAF, 0xB4, 0xB8, 0xBE, 0xD0, 0xDE, 0xF0, 0xFE, 0xFF);
                break;
            case "hp8":
                identity(t, 0xA0);
                put(t, 0xA1, "\u00C0\u00C2\u00C8\u00CA\u00CB\u00CE\u00CF\u00B4\u02CB\u02C6\u00A8\u02DC\u00D9\u00DB\u20A4\u00AF\u00DD\u00FD"
                        + "\u00B0\u00C7\u00E7\u00D1\u00F1\u00A1\u00BF\u00A4\u00A3\u00A5\u00A7\u0192\u00A2\u00E2\u00EA\u00F4\u00FB\u00E1"
                        + "\u00E9\u00F3\u00FA\u00E0\u00E8\u00F2\u00F9\u00E4\u00EB\u00F6\u00FC\u00C5\u00EE\u00D8\u00C6\u00E5\u00ED\u00F8"
                        + "\u00E6\u00C4\u00EC\u00D6\u00DC\u00C9\u00EF\u00DF\u00D4\u00C1\u00C3\u00E3\u00D0\u00F0\u00CD\u00CC\u00D3\u00D2"
                        + "\u00D5\u00F5\u0160\u0161\u00DA\u0178\u00FF\u00DE\u00FE\u00B7\u00B5\u00B6\u00BE\u2014\u00BC\u00BD\u00AA\u00BA"
                        + "\u00AB\u25A0\u00BB\u00B1");
                break;
            case "swe7":
                // 7-bit: ASCII with Swedish letters; DEL and everything above undefined.
                identity(t, 0x7E);
                put(t, 0x40, "\u00C9");
                put(t, 0x5B, "\u00C4\u00D6\u00C5\u00DC");
                put(t, 0x60, "\u00E9");
                put(t, 0x7B, "\u00E4\u00F6\u00E5\u00FC");
                break;
            case "armscii8":
                identity(t, 0xA0);
                put(t, 0xA1, "\u2741\u00A7\u0589)(\u00BB\u00AB\u2014.\u055D,-\u055F\u2026\u055C\u055B\u055E");
                for (int k = 0; k < 38; k++) {
                    t[0xB2 + 2 * k] = (char) (0x0531 + k);
                    t[0xB3 + 2 * k] = (char) (0x0561 + k);
                }
                put(t, 0xFE, "\u2019'");
                break;
            case "keybcs2":
                identity(t, 0x7F);
                put(t, 0x80, "\u010C\u00FC\u00E9\u010F\u00E4\u010E\u0164\u010D\u011B\u011A\u0139\u00CD\u013E\u013A\u00C4\u00C1\u00C9\u017E"
                        + "\u017D\u00F4\u00F6\u00D3\u016F\u00DA\u00FD\u00D6\u00DC\u0160\u013D\u00DD\u0158\u0165\u00E1\u00ED\u00F3\u00FA"
                        + "\u0148\u0147\u016E\u00D4\u0161\u0159\u0155\u0154\u00BC\u00A1\u00AB\u00BB");
                // The upper half is code page 437's.
                Charset cp437 = Charset.forName("IBM437");
                for (int b = 0xB0; b < 256; b++) {
                    t[b] = new String(new byte[] {(byte) b}, cp437).charAt(0);
                }
                break;
            case "geostd8":
                identity(t, 0x7F);
                // windows-1252's punctuation where GEOSTD8 keeps it.
                Charset cp1252 = Charset.forName("windows-1252");
                for (int b = 0x80; b < 0xC0; b++) {
                    t[b] = new String(new byte[] {(byte) b}, cp1252).charAt(0);
                }
                undefine(t, 0x81, 0x83, 0x88, 0x8A, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x98, 0x99, 0x9A, 0x9C, 0x9D, 0x9E, 0x9F);
                put(t, 0xC0, "\u10D0\u10D1\u10D2\u10D3\u10D4\u10D5\u10D6\u10F1\u10D7\u10D8\u10D9\u10DA\u10DB\u10DC\u10F2\u10DD\u10DE\u10DF"
                        + "\u10E0\u10E1\u10E2\u10F3\u10E3\u10E4\u10E5\u10E6\u10E7\u10E8\u10E9\u10EA\u10EB\u10EC\u10ED\u10EE\u10F4\u10EF"
                        + "\u10F0\u10F5");
                put(t, 0xFD, "\u2116");
                break;
            default:
                throw new IllegalArgumentException(name);
        }
        return t;
    }

    private static void identity(char[] t, int last) {
        for (int b = 0; b <= last; b++) {
            t[b] = (char) b;
        }
    }

    private static void put(char[] t, int from, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            t[from + i] = chars.charAt(i);
        }
    }

    private static void undefine(char[] t, int... bytes) {
        for (int b : bytes) {
            t[b] = 0;
        }
    }

    private static String hex(char[] t) {
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < t.length; b++) {
            sb.append(b % 16 == 0 ? (b == 0 ? "" : "\n") : " ").append(String.format("%04X", (int) t[b]));
        }
        return sb.toString();
    }

    static Charset charset(String name) {
        Collation c = Collations.defaultFor(name).orElseThrow();
        assertEquals("x-mysql-" + name, c.charset().name());
        return c.charset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dec8", "hp8", "swe7", "armscii8", "keybcs2", "geostd8"})
    void everyDefinedByteRoundTrips(String name) throws Exception {
        Charset cs = charset(name);
        SingleByteCharset own = (SingleByteCharset) cs;
        ByteArrayOutputStream defined = new ByteArrayOutputStream();
        for (int b = 0; b < 256; b++) {
            if (own.isDefined(b)) {
                defined.write(b);
            }
        }
        byte[] bytes = defined.toByteArray();
        String text = TextDecoding.decode(bytes, cs, name);
        assertEquals(bytes.length, text.length());
        for (int i = 0; i < bytes.length; i++) {
            assertEquals(expected(name)[bytes[i] & 0xFF], text.charAt(i), name + " byte " + (bytes[i] & 0xFF));
        }
        // armscii8 decodes six punctuation bytes to ASCII too: those characters go back to the ASCII byte.
        byte[] back = Transcoding.encode(text, cs);
        assertArrayEquals(back, text.getBytes(cs), "the fast path and the encoder agree");
        assertEquals(text, new String(back, cs));
        if (!name.equals("armscii8")) {
            assertArrayEquals(bytes, back);
        }
        // The JDK's decoder loop (CharsetDecoder, not the fast path) gives the same text.
        assertEquals(text, cs.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dec8", "hp8", "swe7", "armscii8", "keybcs2", "geostd8"})
    void undefinedBytesDoNotDecode(String name) {
        Charset cs = charset(name);
        char[] table = expected(name);
        int undefined = 0;
        for (int b = 1; b < 256; b++) {
            if (table[b] == 0) {
                undefined++;
                byte[] text = {'o', 'k', (byte) b, 'x'};
                InvalidCharacterStringException e = assertThrows(InvalidCharacterStringException.class,
                        () -> TextDecoding.decode(text, cs, name), name + " byte " + b);
                assertEquals("Invalid " + name + " character string: '" + HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) b}) + "78'",
                        e.getMessage());
                assertFalse(TextDecoding.decodes(text, 0, text.length, cs));
            }
        }
        assertEquals(Map.of("dec8", 14, "hp8", 1, "swe7", 129, "armscii8", 0, "keybcs2", 0, "geostd8", 41).get(name), undefined);
    }

    @Test
    void charactersWithoutAByteAreQuestionMarks() {
        Charset swe7 = charset("swe7");
        // swe7 has no [ @ or DEL: MySQL sends ? for them, as for any character a charset lacks.
        assertArrayEquals(new byte[] {'?', 'a', '?', 0x5B, '?'}, Transcoding.encode("[a@\u00C4\uD83D\uDE00", swe7));
        assertArrayEquals(Transcoding.encode("[a@\u00C4\uD83D\uDE00", swe7), "[a@\u00C4\uD83D\uDE00".getBytes(swe7));
        assertFalse(swe7.newEncoder().canEncode('@'));
        assertFalse(swe7.contains(StandardCharsets.US_ASCII));
        Charset armscii8 = charset("armscii8");
        assertArrayEquals(new byte[] {')', '(', '\'', (byte) 0xB2, '?'}, Transcoding.encode(")('\u0531\u00E9", armscii8),
                "the lowest byte, ASCII, as MySQL's create_fromuni picks it");
        assertTrue(armscii8.contains(StandardCharsets.US_ASCII));
        Charset dec8 = charset("dec8");
        assertArrayEquals(new byte[] {(byte) 0xA8, (byte) 0xD7, '?'}, Transcoding.encode("\u00A4\u0152\u00A6", dec8));
    }

    @Test
    void onlySwe7AndArmscii8NeedTheirQueryTextScannedAsBytes() {
        for (String name : NAMES) {
            assertEquals(!name.equals("swe7") && !name.equals("armscii8"), TextDecoding.isAsciiTransparent(charset(name)), name);
        }
        assertTrue(TextDecoding.isAsciiTransparent(Collations.defaultFor("latin1").orElseThrow().charset()));
        assertTrue(TextDecoding.isAsciiTransparent(StandardCharsets.UTF_8));
        assertTrue(TextDecoding.isAsciiTransparent(Charset.forName("GBK")));
    }

    @Test
    void everyCollationHasAConverter() {
        for (Collation c : Collations.all()) {
            assertNotNull(c.javaCharset().orElse(null), c.name());
        }
        assertEquals("x-mysql-keybcs2", Collations.byId(73).orElseThrow().charset().name());
        assertEquals("x-mysql-armscii8", Collations.byName("armscii8_bin").orElseThrow().charset().name());
    }
}
