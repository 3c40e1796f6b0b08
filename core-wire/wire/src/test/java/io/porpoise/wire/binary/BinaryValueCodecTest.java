package io.porpoise.wire.binary;

import static io.porpoise.wire.binary.BinaryTypes.*;
import static io.porpoise.wire.binary.Wire.assertMalformed;
import static io.porpoise.wire.binary.Wire.assertValue;
import static io.porpoise.wire.binary.Wire.hex;
import static io.porpoise.wire.binary.Wire.read;
import static io.porpoise.wire.binary.Wire.readAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryValueCodecTest {
    static final BigInteger TWO_64_MINUS_1 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    static final LocalDateTime DT = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000);
    static final Duration MINUS_1D_020304_000005 = Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusNanos(5_000).negated();

    static Arguments kat(int type, boolean unsigned, int decimals, Object written, String hex, Object read) {
        return Arguments.of(BinaryTypes.name(type) + (unsigned ? " UNSIGNED " : " ") + hex, type, unsigned, decimals, written, hex, read);
    }

    /** Type, unsigned, decimals, the value written, its exact bytes, the value read back. */
    static Stream<Arguments> knownAnswers() {
        return Stream.of(
                kat(MYSQL_TYPE_TINY, false, 0, (byte) -1, "ff", -1L),
                kat(MYSQL_TYPE_TINY, false, 0, 127, "7f", 127L),
                kat(MYSQL_TYPE_TINY, true, 0, 255, "ff", 255L),
                kat(MYSQL_TYPE_TINY, false, 0, true, "01", 1L),
                kat(MYSQL_TYPE_SHORT, false, 0, (short) -2, "feff", -2L),
                kat(MYSQL_TYPE_SHORT, true, 0, 65535, "ffff", 65535L),
                kat(MYSQL_TYPE_YEAR, true, 0, 2024, "e807", 2024L),
                kat(MYSQL_TYPE_LONG, false, 0, 1, "01000000", 1L),
                kat(MYSQL_TYPE_LONG, false, 0, Integer.MIN_VALUE, "00000080", (long) Integer.MIN_VALUE),
                kat(MYSQL_TYPE_LONG, true, 0, 4294967295L, "ffffffff", 4294967295L),
                kat(MYSQL_TYPE_INT24, false, 0, -8388608, "000080ff", -8388608L),
                kat(MYSQL_TYPE_LONGLONG, false, 0, 1L, "0100000000000000", 1L),
                kat(MYSQL_TYPE_LONGLONG, false, 0, Long.MIN_VALUE, "0000000000000080", Long.MIN_VALUE),
                kat(MYSQL_TYPE_LONGLONG, false, 0, BigInteger.valueOf(-2), "feffffffffffffff", -2L),
                kat(MYSQL_TYPE_LONGLONG, true, 0, Long.MAX_VALUE, "ffffffffffffff7f", Long.MAX_VALUE),
                kat(MYSQL_TYPE_LONGLONG, true, 0, TWO_64_MINUS_1, "ffffffffffffffff", TWO_64_MINUS_1),
                kat(MYSQL_TYPE_LONGLONG, true, 0, -1L, "ffffffffffffffff", TWO_64_MINUS_1),
                kat(MYSQL_TYPE_FLOAT, false, 31, 10.2f, "33332341", 10.2f),
                kat(MYSQL_TYPE_DOUBLE, false, 31, 10.2, "6666666666662440", 10.2),
                kat(MYSQL_TYPE_NEWDECIMAL, false, 2, new BigDecimal("-15.5"), "062d31352e3530", new BigDecimal("-15.50")),
                kat(MYSQL_TYPE_DECIMAL, false, 31, new BigDecimal("1E+3"), "0431303030", new BigDecimal("1000")),
                kat(MYSQL_TYPE_DATE, false, 0, LocalDate.of(2024, 1, 2), "04e8070102", LocalDate.of(2024, 1, 2)),
                kat(MYSQL_TYPE_DATE, false, 0, "0000-00-00", "00", "0000-00-00"),
                kat(MYSQL_TYPE_DATETIME, false, 6, DT, "0be807010203040540e20100", DT),
                kat(MYSQL_TYPE_DATETIME, false, 0, DT.withNano(0), "07e8070102030405", DT.withNano(0)),
                kat(MYSQL_TYPE_TIMESTAMP, false, 6, LocalDate.of(2024, 1, 2), "04e8070102", LocalDateTime.of(2024, 1, 2, 0, 0)),
                kat(MYSQL_TYPE_DATETIME, false, 0, "0000-00-00 00:00:00", "00", "0000-00-00 00:00:00"),
                kat(MYSQL_TYPE_DATETIME, false, 6, "2024-00-31 10:00:00.5", "0b e807 00 1f 0a 00 00 20a10700",
                        "2024-00-31 10:00:00.500000"),
                kat(MYSQL_TYPE_TIME, false, 6, MINUS_1D_020304_000005, "0c 01 01000000 02 03 04 05000000", MINUS_1D_020304_000005),
                kat(MYSQL_TYPE_TIME, false, 6, Duration.ZERO, "00", Duration.ZERO),
                kat(MYSQL_TYPE_TIME, false, 6, Duration.ofMillis(-1_500), "0c 01 00000000 00 00 01 20a10700", Duration.ofMillis(-1_500)),
                kat(MYSQL_TYPE_TIME, false, 0, Duration.ofHours(838).plusMinutes(59).plusSeconds(59), "08 00 22000000 16 3b 3b",
                        Duration.ofHours(838).plusMinutes(59).plusSeconds(59)),
                kat(MYSQL_TYPE_TIME, false, 0, LocalTime.of(12, 34, 56), "08 00 00000000 0c 22 38", Duration.ofSeconds(45_296)),
                kat(MYSQL_TYPE_VAR_STRING, false, 31, "foo", "03666f6f", "foo"),
                kat(MYSQL_TYPE_STRING, false, 31, "\uD83D\uDE00", "04f09f9880", "\uD83D\uDE00"),
                kat(MYSQL_TYPE_VARCHAR, false, 31, "", "00", ""),
                kat(MYSQL_TYPE_JSON, false, 31, "{}", "027b7d", "{}"),
                kat(MYSQL_TYPE_ENUM, false, 31, "a", "0161", "a"),
                kat(MYSQL_TYPE_SET, false, 31, "a,b", "03612c62", "a,b"),
                kat(MYSQL_TYPE_VAR_STRING, false, 31, 123L, "03313233", "123"),
                kat(MYSQL_TYPE_VAR_STRING, false, 31, false, "0130", "0"),
                kat(MYSQL_TYPE_VAR_STRING, false, 31, new BigDecimal("1E+2"), "03313030", "100"),
                kat(MYSQL_TYPE_BLOB, false, 31, new byte[] {0, 1, (byte) 0xff}, "030001ff", new byte[] {0, 1, (byte) 0xff}),
                kat(MYSQL_TYPE_TINY_BLOB, false, 31, new byte[0], "00", new byte[0]),
                kat(MYSQL_TYPE_MEDIUM_BLOB, false, 31, "\u00e9", "02c3a9", new byte[] {(byte) 0xc3, (byte) 0xa9}),
                kat(MYSQL_TYPE_LONG_BLOB, false, 31, new byte[] {0x7f}, "017f", new byte[] {0x7f}),
                kat(MYSQL_TYPE_GEOMETRY, false, 31, new byte[] {1, 2}, "020102", new byte[] {1, 2}),
                kat(MYSQL_TYPE_BIT, false, 31, new byte[] {1}, "0101", new byte[] {1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownAnswers")
    void knownAnswer(String name, int type, boolean unsigned, int decimals, Object written, String hex, Object expected) {
        String bytes = hex.replace(" ", "");
        assertEquals(bytes, hex(out -> BinaryValueWriter.write(out, type, unsigned, decimals, written, UTF_8)));
        assertValue(expected, readAll(bytes, r -> BinaryValueReader.read(r, type, unsigned, UTF_8)));
    }

    @Test
    void fractionalSecondsFollowColumnDecimalsLikeTheTextProtocol() {
        assertEquals("0be8070102030405" + "78e00100", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_DATETIME, false, 3, DT, UTF_8)));
        assertEquals("07e8070102030405", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_DATETIME, false, 0, DT, UTF_8)));
        assertEquals("0800000000000203" + "04", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_TIME, false, 0,
                Duration.ofSeconds(7_384, 999_999_999), UTF_8)));
        // Sub-microsecond nanoseconds are cut, never rounded up into the next second.
        assertEquals("0c" + "00" + "00000000" + "17" + "3b" + "3b" + "3f420f00", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_TIME, false, 31,
                LocalTime.MAX, UTF_8)));
        assertEquals("00", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_TIME, false, 6, Duration.ofNanos(-999), UTF_8)));
    }

    @Test
    void decimalsAreScaledHalfUpToTheColumn() {
        assertEquals("04312e3031", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_NEWDECIMAL, false, 2, new BigDecimal("1.005"), UTF_8)));
        assertEquals("04352e3030", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_NEWDECIMAL, false, 2, 5L, UTF_8)));
        assertEquals("03302e35", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_NEWDECIMAL, false, 31, 0.5, UTF_8)));
        assertEquals("0131", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_NEWDECIMAL, false, 0, new BigDecimal("0.5"), UTF_8)));
    }

    @Test
    void stringsUseTheGivenCharsetAndLengthEncodedPrefixes() {
        Charset cp1252 = Charset.forName("windows-1252");
        assertEquals("01e9", hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_VAR_STRING, false, 31, "\u00e9", cp1252)));
        assertEquals("\u00e9", readAll("01e9", r -> BinaryValueReader.read(r, MYSQL_TYPE_VAR_STRING, false, cp1252)));
        String s251 = "a".repeat(251);
        assertTrue(hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_STRING, false, 31, s251, UTF_8)).startsWith("fcfb0061"));
        String emoji = "\uD83D\uDE00".repeat(35_000);
        String encoded = hex(out -> BinaryValueWriter.write(out, MYSQL_TYPE_STRING, false, 31, emoji, UTF_8));
        assertEquals("fde02202f09f9880", encoded.substring(0, 16));
        assertEquals(emoji, readAll(encoded, r -> BinaryValueReader.read(r, MYSQL_TYPE_STRING, false, UTF_8)));
    }

    @Test
    void nullTypeReadsNothing() {
        read("2a", r -> {
            assertNull(BinaryValueReader.read(r, MYSQL_TYPE_NULL, false, UTF_8));
            assertEquals(1, r.remaining());
            return null;
        });
    }

    @Test
    void writerRejectsValuesThatDoNotFit() {
        assertRejected(MYSQL_TYPE_TINY, false, 128);
        assertRejected(MYSQL_TYPE_TINY, false, -129);
        assertRejected(MYSQL_TYPE_TINY, true, -1);
        assertRejected(MYSQL_TYPE_TINY, true, 256);
        assertRejected(MYSQL_TYPE_SHORT, false, 32768);
        assertRejected(MYSQL_TYPE_YEAR, true, 65536L);
        assertRejected(MYSQL_TYPE_LONG, true, 4294967296L);
        assertRejected(MYSQL_TYPE_INT24, false, (long) Integer.MAX_VALUE + 1);
        assertRejected(MYSQL_TYPE_LONGLONG, false, BigInteger.ONE.shiftLeft(63));
        assertRejected(MYSQL_TYPE_LONGLONG, true, BigInteger.ONE.shiftLeft(64));
        assertRejected(MYSQL_TYPE_LONGLONG, true, BigInteger.valueOf(-1));
        assertRejected(MYSQL_TYPE_LONGLONG, true, -1);
        assertRejected(MYSQL_TYPE_LONG, false, "1");
        assertRejected(MYSQL_TYPE_LONG, false, 1.0);
        assertRejected(MYSQL_TYPE_DOUBLE, false, "1.0");
        assertRejected(MYSQL_TYPE_NEWDECIMAL, false, Double.NaN);
        assertRejected(MYSQL_TYPE_NEWDECIMAL, false, "1.0");
        assertRejected(MYSQL_TYPE_DATE, false, LocalDate.of(10_000, 1, 1));
        assertRejected(MYSQL_TYPE_DATE, false, LocalDate.of(-1, 1, 1));
        assertRejected(MYSQL_TYPE_DATE, false, "2024-13-01");
        assertRejected(MYSQL_TYPE_DATETIME, false, "2024-01-01T10:00:00");
        assertRejected(MYSQL_TYPE_DATETIME, false, Duration.ZERO);
        assertRejected(MYSQL_TYPE_TIME, false, LocalDate.of(2024, 1, 1));
        assertRejected(MYSQL_TYPE_TIME, false, Duration.ofDays(1L << 32));
        assertRejected(MYSQL_TYPE_TIME, false, Duration.ofSeconds(Long.MIN_VALUE));
        assertRejected(MYSQL_TYPE_NULL, false, 1);
        assertRejected(MYSQL_TYPE_NEWDATE, false, LocalDate.of(2024, 1, 1));
        assertRejected(MYSQL_TYPE_TIME2, false, Duration.ZERO);
        assertRejected(0x14, false, 1);
    }

    private static void assertRejected(int type, boolean unsigned, Object value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hex(out -> BinaryValueWriter.write(out, type, unsigned, 6, value, UTF_8)), BinaryTypes.name(type) + " " + value);
        assertTrue(e.getMessage().contains("(expected: "), e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "1, ''", "2, 01", "3, 010203", "9, 010203", "8, 01020304050607", "4, 000000", "5, 00",
        "246, 03312e", "246, 03616263", "246, 00", "0, fe0000000000000001", "246, ff",
        "10, 05e807010200", "10, 04e80701", "10, 04e8070d01", "10, 04e8070120", "10, ''",
        "12, 07e8070102180000", "12, 0be807010203040540420f00", "12, 0710270101000000", "12, 03e80701", "7, 0be8070102030405",
        "11, 09000000000000000000", "11, 080000000000003c00", "11, 0c000000000000000040420f00", "11, 08000000", "11, 01",
        "253, 056162", "252, fcff", "254, fd0000", "15, fb", "245, 01",
        "20, 00", "14, 04e8070102", "17, 00", "18, 00", "19, 00", "244, 00", "100, 00"})
    void readerRejectsMalformedValues(int type, String hex) {
        assertMalformed(hex, r -> BinaryValueReader.read(r, type, false, UTF_8));
    }
}
