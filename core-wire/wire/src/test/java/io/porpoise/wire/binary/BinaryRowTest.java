package io.porpoise.wire.binary;

import static io.porpoise.wire.binary.BinaryTypes.*;
import static io.porpoise.wire.binary.Wire.assertMalformed;
import static io.porpoise.wire.binary.Wire.assertValue;
import static io.porpoise.wire.binary.Wire.hex;
import static io.porpoise.wire.binary.Wire.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinaryRowTest {

    static BinaryRow tinyColumns(int n) {
        int[] types = new int[n];
        Arrays.fill(types, MYSQL_TYPE_TINY);
        return BinaryRow.of(types, new boolean[n], new int[n], UTF_8);
    }

    @Test
    void specExampleRow() {
        // page_protocol_binary_resultset: one VAR_STRING column "foobar" -> 00 00 06 66 6f 6f 62 61 72
        BinaryRow row = BinaryRow.of(new int[] {MYSQL_TYPE_VAR_STRING}, new boolean[1], new int[] {31}, UTF_8);
        assertEquals("0000" + "06666f6f626172", hex(out -> row.encode(out, new Object[] {"foobar"})));
        assertArrayEquals(new Object[] {"foobar"}, readAll("0000" + "06666f6f626172", row::decode));
    }

    @Test
    void mixedRowWithNulls() {
        BinaryRow row = BinaryRow.of(new int[] {MYSQL_TYPE_LONGLONG, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_DATETIME, MYSQL_TYPE_NULL,
                MYSQL_TYPE_DOUBLE}, new boolean[5], new int[] {0, 31, 0, 0, 31}, UTF_8);
        Object[] values = {1L, null, LocalDateTime.of(2024, 1, 2, 3, 4, 5), null, 0.5};
        // NULLs at columns 1 and 3 are bits 3 and 5 (offset 2): 0x28.
        String expected = "00" + "28" + "0100000000000000" + "07e8070102030405" + "000000000000e03f";
        assertEquals(expected, hex(out -> row.encode(out, values)));
        assertArrayEquals(values, readAll(expected, row::decode));
    }

    @ParameterizedTest(name = "{0} columns")
    @CsvSource({
        "1, 04, 04", "7, fc01, 0001", "8, fc03, 0002", "9, fc07, 0004", "15, fcff01, 000001", "16, fcff03, 000002"})
    void nullBitmapHasOffsetTwo(int n, String allNull, String lastNull) {
        BinaryRow row = tinyColumns(n);
        assertEquals(allNull.length() / 2, NullBitmap.length(n, NullBitmap.RESULT_ROW_OFFSET));
        Object[] nulls = new Object[n];
        assertEquals("00" + allNull, hex(out -> row.encode(out, nulls)));
        assertArrayEquals(nulls, readAll("00" + allNull, row::decode));

        Object[] values = new Object[n];
        Arrays.fill(values, 0, n - 1, 42L);
        String expected = "00" + lastNull + "2a".repeat(n - 1);
        assertEquals(expected, hex(out -> row.encode(out, values)));
        assertArrayEquals(values, readAll(expected, row::decode));
    }

    @Test
    void perColumnCharsets() {
        BinaryRow row = BinaryRow.of(new int[] {MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_BLOB}, new boolean[2], new int[2],
                new Charset[] {Charset.forName("windows-1252"), UTF_8});
        Object[] values = {"\u00e9", "\u00e9"};
        assertEquals("0000" + "01e9" + "02c3a9", hex(out -> row.encode(out, values)));
        Object[] back = readAll("0000" + "01e9" + "02c3a9", row::decode);
        assertEquals("\u00e9", back[0]);
        assertValue(new byte[] {(byte) 0xc3, (byte) 0xa9}, back[1]);
    }

    @Test
    void decodeRejectsMalformedRows() {
        BinaryRow row = BinaryRow.of(new int[] {MYSQL_TYPE_LONG, MYSQL_TYPE_VAR_STRING}, new boolean[2], new int[2], UTF_8);
        String valid = "00" + "00" + "2a000000" + "03616263";
        assertArrayEquals(new Object[] {42L, "abc"}, readAll(valid, row::decode));
        for (int cut = 0; cut < valid.length(); cut += 2) {
            assertMalformed(valid.substring(0, cut), row::decode);
        }
        assertMalformed("01" + valid.substring(2), row::decode);
        assertMalformed(valid + "00", row::decode);
    }

    @Test
    void rejectsMisuse() {
        BinaryRow row = tinyColumns(2);
        assertThrows(IllegalArgumentException.class, () -> hex(out -> row.encode(out, new Object[3])));
        assertThrows(IllegalArgumentException.class, () -> hex(out -> row.encode(out, new Object[] {1, 300})));
        assertThrows(IllegalArgumentException.class, () -> BinaryRow.of(new int[] {0x14}, new boolean[1], new int[1], UTF_8));
        assertThrows(IllegalArgumentException.class, () -> BinaryRow.of(new int[] {1}, new boolean[2], new int[1], UTF_8));
        assertThrows(IllegalArgumentException.class, () -> BinaryRow.of(new int[] {1}, new boolean[1], new int[1], new Charset[1]));
    }
}
