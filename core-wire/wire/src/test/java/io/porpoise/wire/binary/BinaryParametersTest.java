package io.porpoise.wire.binary;

import static io.porpoise.wire.binary.BinaryTypes.*;
import static io.porpoise.wire.binary.Wire.assertMalformed;
import static io.porpoise.wire.binary.Wire.hex;
import static io.porpoise.wire.binary.Wire.read;
import static io.porpoise.wire.binary.Wire.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinaryParametersTest {
    static final ParameterTypes BIGINT_U_STRING_INT = ParameterTypes.of(
            new int[] {MYSQL_TYPE_LONGLONG, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_LONG}, new boolean[] {true, false, false});
    /** NULL bitmap 04 (third NULL), new-params-bound 01, types, 2^64-1, "héllo". */
    static final String FIRST = "04" + "01" + "0880fd000300" + "ffffffffffffffff" + "0668c3a96c6c6f";

    @Test
    void decodesAndEncodesWithTypes() {
        BinaryParameters p = readAll(FIRST, r -> BinaryParameters.decode(r, 3, null, UTF_8));
        assertEquals(BIGINT_U_STRING_INT, p.types());
        assertEquals(Arrays.asList(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), "h\u00e9llo", null), p.values());
        assertTrue(p.isNull(2));
        assertFalse(p.isNull(0));
        assertEquals(FIRST, hex(out -> BinaryParameters.encode(out, BIGINT_U_STRING_INT, true, p.values().toArray(), UTF_8)));
        assertThrows(UnsupportedOperationException.class, () -> p.values().set(0, 1L));
    }

    @Test
    void flagZeroReusesThePreviousTypes() {
        ParameterTypes previous = readAll(FIRST, r -> BinaryParameters.decode(r, 3, null, UTF_8)).types();
        String second = "00" + "00" + "0100000000000000" + "0161" + "2a000000";
        BinaryParameters p = readAll(second, r -> BinaryParameters.decode(r, 3, previous, UTF_8));
        assertSame(previous, p.types());
        assertEquals(List.of(1L, "a", 42L), p.values());
        assertEquals(second, hex(out -> BinaryParameters.encode(out, previous, false, new Object[] {1L, "a", 42}, UTF_8)));
    }

    @Test
    void flagZeroWithoutUsableTypesIsMalformed() {
        assertMalformed("00" + "00" + "2a000000", r -> BinaryParameters.decode(r, 1, null, UTF_8));
        ParameterTypes two = ParameterTypes.of(new int[] {MYSQL_TYPE_LONG, MYSQL_TYPE_LONG}, new boolean[2]);
        assertMalformed("00" + "00" + "2a000000", r -> BinaryParameters.decode(r, 1, two, UTF_8));
        assertMalformed("00" + "02" + "0300" + "2a000000", r -> BinaryParameters.decode(r, 1, null, UTF_8));
    }

    @Test
    void longDataParametersHaveNoValueInThePacket() {
        ParameterTypes types = ParameterTypes.of(new int[] {MYSQL_TYPE_LONG, MYSQL_TYPE_BLOB, MYSQL_TYPE_VAR_STRING}, new boolean[3]);
        boolean[] longData = {false, true, false};
        String packet = "00" + "01" + "0300fc00fd00" + "07000000" + "0178";
        for (String bitmap : new String[] {"00", "02"}) {
            // The long data wins over a NULL bit, as in the server.
            BinaryParameters p = readAll(bitmap + packet.substring(2), r -> BinaryParameters.decode(r, 3, null, longData, UTF_8));
            assertEquals(Arrays.asList(7L, null, "x"), p.values());
            assertTrue(p.isLongData(1));
            assertFalse(p.isNull(1));
            assertFalse(p.isLongData(0));
        }
        assertEquals(packet, hex(out -> BinaryParameters.encode(out, types, true, new Object[] {7, "ignored", "x"}, longData, UTF_8)));
        BinaryParameters p = readAll("00" + "00" + "0178", r -> BinaryParameters.decode(r, 3, types, new boolean[] {true, true, false}, UTF_8));
        assertEquals(Arrays.asList(null, null, "x"), p.values());
    }

    @Test
    void unsignedFlagSelectsTheUnsignedValue() {
        String values = "ff" + "ffff" + "ffffffff";
        BinaryParameters unsigned = readAll("00" + "01" + "018002800380" + values, r -> BinaryParameters.decode(r, 3, null, UTF_8));
        assertEquals(List.of(255L, 65535L, 4294967295L), unsigned.values());
        // Flag bits other than 0x80 (MariaDB's 0x40 bulk indicator) are ignored.
        BinaryParameters signed = readAll("00" + "01" + "014002000300" + values, r -> BinaryParameters.decode(r, 3, null, UTF_8));
        assertEquals(List.of(-1L, -1L, -1L), signed.values());
    }

    @ParameterizedTest(name = "{0} parameters")
    @CsvSource({"1, 01, 01", "7, 7f, 40", "8, ff, 80", "9, ff01, 0001", "15, ff7f, 0040", "16, ffff, 0080"})
    void nullBitmapHasOffsetZero(int n, String allNull, String lastNull) {
        int[] tiny = new int[n];
        Arrays.fill(tiny, MYSQL_TYPE_TINY);
        ParameterTypes types = ParameterTypes.of(tiny, new boolean[n]);
        assertEquals(allNull.length() / 2, NullBitmap.length(n, NullBitmap.PARAMETER_OFFSET));
        String typeBytes = "0100".repeat(n);

        String nulls = allNull + "01" + typeBytes;
        assertEquals(nulls, hex(out -> BinaryParameters.encode(out, types, true, new Object[n], UTF_8)));
        BinaryParameters p = readAll(nulls, r -> BinaryParameters.decode(r, n, null, UTF_8));
        for (int i = 0; i < n; i++) {
            assertTrue(p.isNull(i));
        }

        Object[] values = new Object[n];
        Arrays.fill(values, 0, n - 1, 42L);
        String last = lastNull + "01" + typeBytes + "2a".repeat(n - 1);
        assertEquals(last, hex(out -> BinaryParameters.encode(out, types, true, values, UTF_8)));
        assertEquals(Arrays.asList(values), readAll(last, r -> BinaryParameters.decode(r, n, null, UTF_8)).values());
    }

    @Test
    void noParametersReadNothing() {
        read("ff", r -> {
            assertEquals(0, BinaryParameters.decode(r, 0, null, UTF_8).count());
            assertEquals(1, r.remaining());
            return null;
        });
        assertEquals("", hex(out -> BinaryParameters.encode(out, ParameterTypes.EMPTY, true, new Object[0], UTF_8)));
    }

    @Test
    void malformedSectionsAreRejectedNeverIndexErrors() {
        for (int cut = 0; cut < FIRST.length(); cut += 2) {
            assertMalformed(FIRST.substring(0, cut), r -> BinaryParameters.decode(r, 3, null, UTF_8));
        }
        assertMalformed("00" + "01" + "1400" + "00", r -> BinaryParameters.decode(r, 1, null, UTF_8));
        assertMalformed("00" + "01" + "0e00" + "04e8070102", r -> BinaryParameters.decode(r, 1, null, UTF_8));
        assertMalformed("00" + "01" + "0a00" + "04e8070d01", r -> BinaryParameters.decode(r, 1, null, UTF_8));
        assertMalformed("00" + "01" + "f600" + "0378797a", r -> BinaryParameters.decode(r, 1, null, UTF_8));
        assertThrows(IllegalArgumentException.class, () -> read(FIRST, r -> BinaryParameters.decode(r, 3, null, new boolean[2], UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> ParameterTypes.of(new int[] {0x13}, new boolean[1]));
        assertThrows(IllegalArgumentException.class,
                () -> hex(out -> BinaryParameters.encode(out, BIGINT_U_STRING_INT, true, new Object[2], UTF_8)));
    }
}
