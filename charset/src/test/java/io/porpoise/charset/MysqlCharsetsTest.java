package io.porpoise.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MysqlCharsetsTest {
    private static final Charset LATIN1 = Collations.defaultFor("latin1").orElseThrow().charset();
    private static final Charset UTF8MB3 = Collations.defaultFor("utf8mb3").orElseThrow().charset();

    @Test
    void latin1IsWindows1252WithEveryByteACharacter() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String s = TextDecoding.decode(all, LATIN1, "latin1");
        assertEquals('\u20AC', s.charAt(0x80));
        assertEquals('\u0081', s.charAt(0x81));
        assertEquals('\u2122', s.charAt(0x99));
        assertEquals('\u00E9', s.charAt(0xE9));
        assertArrayEquals(all, s.getBytes(LATIN1));
        assertArrayEquals(new byte[] {'a', '?', 'b'}, "a\u4E2Db".getBytes(LATIN1));
        assertArrayEquals(all, Transcoding.encode(s, LATIN1));
        assertArrayEquals(new byte[] {'a', '?', 'b', '?'}, Transcoding.encode("a\u4E2Db\uD83D\uDE00", LATIN1));
    }

    @Test
    void utf8mb3RejectsFourByteSequencesAndEncodesThemAsQuestionMarks() throws Exception {
        String bmp = "h\u00e9\u4E2D";
        assertEquals(bmp, TextDecoding.decode(bmp.getBytes(StandardCharsets.UTF_8), UTF8MB3, "utf8mb3"));
        byte[] emoji = "a\uD83D\uDE00b".getBytes(StandardCharsets.UTF_8);
        InvalidCharacterStringException e = assertThrows(InvalidCharacterStringException.class,
                () -> TextDecoding.decode(emoji, UTF8MB3, "utf8mb3"));
        assertEquals("Invalid utf8mb3 character string: 'F09F988062'", e.getMessage());
        assertArrayEquals(new byte[] {'a', '?', 'b'}, "a\uD83D\uDE00b".getBytes(UTF8MB3));
        assertArrayEquals(bmp.getBytes(StandardCharsets.UTF_8), bmp.getBytes(UTF8MB3));
    }

    @Test
    void invalidBytesAreReportedAsMysqlDoes() {
        byte[] b = {'o', 'k', (byte) 0xFF, (byte) 0xFE, 1, 2, 3, 4, 5, 6};
        InvalidCharacterStringException e = assertThrows(InvalidCharacterStringException.class,
                () -> TextDecoding.decode(b, StandardCharsets.UTF_8, "utf8mb4"));
        assertEquals("utf8mb4", e.charsetName());
        assertEquals("FFFE01020304", e.hexBytes());
    }
}
