package io.porpoise.charset;

import java.nio.charset.Charset;

/**
 * MySQL's {@code latin1}: Windows-1252, except that the five bytes Windows leaves undefined
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) are the C1 controls of the same value, so every byte is a
 * character, as in MySQL's {@code to_uni_latin1} (Java's windows-1252 would report them as
 * unmappable).
 */
final class MysqlLatin1 {
    static final String NAME = "x-mysql-latin1";
    static final SingleByteCharset INSTANCE = new SingleByteCharset(NAME, table());

    private MysqlLatin1() {
    }

    private static char[] table() {
        Charset cp1252 = Charset.forName("windows-1252");
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            char c = new String(new byte[] {(byte) b}, cp1252).charAt(0);
            table[b] = c == '\uFFFD' ? (char) b : c;
        }
        return table;
    }
}
