package io.porpoise.command.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QueryTextTest {

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String) {
                out.writeBytes(((String) p).getBytes(StandardCharsets.UTF_8));
            } else {
                for (int b : (int[]) p) {
                    out.write(b);
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void textStaysText() {
        assertEquals("SELECT 'h\u00e9llo', `c`", QueryText.decode(bytes("SELECT 'h\u00e9llo', `c`"), StandardCharsets.UTF_8));
    }

    @Test
    void binaryLiteralsBecomeHexWithTheSameBytes() {
        byte[] sql = bytes("INSERT INTO t VALUES (_binary '", new int[] {0x80, 0xFF}, "', 'ok', 'a\\'b', _binary'x')");
        assertEquals("INSERT INTO t VALUES (X'80ff', 'ok', 'a\\'b', X'78')", QueryText.decode(sql, StandardCharsets.UTF_8));
    }

    @Test
    void undecodableLiteralWithoutIntroducerAndEscapes() {
        // PyMySQL sends bytes as an escaped literal: \0, \\ and \' must be resolved before hex.
        byte[] sql = bytes("SELECT '", new int[] {0xC3}, "\\0\\\\\\'', \"", new int[] {0xFE}, "\"");
        assertEquals("SELECT X'c3005c27', X'fe'", QueryText.decode(sql, StandardCharsets.UTF_8));
    }

    @Test
    void latin1BytesAreText() {
        byte[] sql = bytes("SELECT '", new int[] {0xE9}, "'");
        assertEquals("SELECT '\u00e9'", QueryText.decode(sql, java.nio.charset.Charset.forName("windows-1252")));
    }
}
