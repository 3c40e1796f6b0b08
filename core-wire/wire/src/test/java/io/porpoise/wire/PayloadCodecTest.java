package io.porpoise.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.wire.packet.ColumnDefinition41;
import io.porpoise.wire.packet.EofPacket;
import io.porpoise.wire.packet.ErrPacket;
import io.porpoise.wire.packet.HandshakeResponse41;
import io.porpoise.wire.packet.HandshakeV10;
import io.porpoise.wire.packet.OkPacket;
import io.porpoise.wire.packet.SslRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    static byte[] encode(Consumer<ByteBuf> writer) {
        ByteBuf b = Unpooled.buffer();
        try {
            writer.accept(b);
            byte[] out = new byte[b.readableBytes()];
            b.readBytes(out);
            return out;
        } finally {
            b.release();
        }
    }

    static PayloadReader reader(String hex) {
        return new PayloadReader(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex)));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 00", "250, fa", "251, fc fb00", "65535, fc ffff", "65536, fd 000001", "16777215, fd ffffff",
        "16777216, fe 0000000100000000", "9223372036854775807, fe ffffffffffffff7f", "-1, fe ffffffffffffffff"})
    void lengthEncodedIntegerBoundaries(long value, String hex) {
        byte[] expected = HexFormat.of().parseHex(hex.replace(" ", ""));
        assertArrayEquals(expected, encode(b -> PayloadWriter.writeLengthEncodedInt(b, value)));
        assertEquals(expected.length, PayloadWriter.lengthEncodedIntSize(value));
        assertEquals(value, reader(hex.replace(" ", "")).readLengthEncodedInt());
    }

    @Test
    void shortOrLyingPayloadsRaiseOneException() {
        assertThrows(MalformedPacketException.class, () -> reader("").readInt1());
        assertThrows(MalformedPacketException.class, () -> reader("01").readInt2());
        assertThrows(MalformedPacketException.class, () -> reader("0102").readInt3());
        assertThrows(MalformedPacketException.class, () -> reader("010203").readInt4());
        assertThrows(MalformedPacketException.class, () -> reader("0102030405060708".substring(2)).readInt8());
        assertThrows(MalformedPacketException.class, () -> reader("fc01").readLengthEncodedInt());
        assertThrows(MalformedPacketException.class, () -> reader("ff").readLengthEncodedInt());
        assertThrows(MalformedPacketException.class, () -> reader("0561").readLengthEncodedBytes());
        assertThrows(MalformedPacketException.class, () -> reader("fe00000000000000ff61").readLengthEncodedBytes());
        assertThrows(MalformedPacketException.class, () -> reader("616263").readNulTerminatedBytes());
        assertThrows(MalformedPacketException.class, () -> reader("00").readFixedBytes(2));
        assertThrows(MalformedPacketException.class, () -> SslRequest.decode(reader("00000000")));
    }

    @Test
    void nulAndEofStrings() {
        PayloadReader r = reader("6162630064656600");
        assertEquals("abc", r.readNulTerminatedString(StandardCharsets.UTF_8));
        assertEquals("def\0", r.readRestOfPacketString(StandardCharsets.UTF_8));
    }

    @Test
    void okPacketBytes() {
        Capabilities caps = Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41);
        OkPacket ok = new OkPacket(1, 300, ServerStatus.AUTOCOMMIT, 2, "");
        assertEquals("0001fc2c0102000200", HexFormat.of().formatHex(encode(b -> ok.encode(b, caps))));
        assertEquals("fe0001fc2c0102000200".substring(0, 2), HexFormat.of().formatHex(encode(b -> ok.encodeAsEof(b, caps))).substring(0, 2));
        assertEquals(ok, OkPacket.decode(reader("0001fc2c0102000200"), caps));
    }

    @Test
    void errAndEofPacketBytes() {
        ErrPacket err = ErrPacket.of(ServerErrors.of("ER_NO_SUCH_TABLE"), "db", "t");
        assertEquals("ff7a04" + "23" + HexFormat.of().formatHex("42S02Table 'db.t' doesn't exist".getBytes(StandardCharsets.US_ASCII)),
                HexFormat.of().formatHex(encode(err::encode)));
        assertEquals(err, ErrPacket.decode(reader(HexFormat.of().formatHex(encode(err::encode)))));
        assertEquals("fe01000200", HexFormat.of().formatHex(encode(new EofPacket(1, ServerStatus.AUTOCOMMIT)::encode)));
    }

    @Test
    void columnDefinitionRoundTrip() {
        ColumnDefinition41 c = new ColumnDefinition41("db", "t", "t", "id", "id", 63, 11, 3, 0x4203, 0);
        byte[] bytes = encode(b -> c.encode(b, StandardCharsets.UTF_8));
        assertEquals("03646566", HexFormat.of().formatHex(bytes).substring(0, 8), "catalog def");
        assertEquals(c, ColumnDefinition41.decode(reader(HexFormat.of().formatHex(bytes)), StandardCharsets.UTF_8));
    }

    @Test
    void handshakeRoundTripsWithTwentyByteScramble() {
        byte[] scramble = "abcdefghijklmnopqrst".getBytes(StandardCharsets.US_ASCII);
        Capabilities caps = Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41, CapabilityFlag.CLIENT_PLUGIN_AUTH,
                CapabilityFlag.CLIENT_SECURE_CONNECTION, CapabilityFlag.CLIENT_DEPRECATE_EOF);
        HandshakeV10 h = new HandshakeV10("8.4.6-test", 42, scramble, caps, 255, ServerStatus.AUTOCOMMIT, "caching_sha2_password");
        byte[] bytes = encode(h::encode);
        assertEquals(10, bytes[0]);
        HandshakeV10 back = HandshakeV10.decode(reader(HexFormat.of().formatHex(bytes)));
        assertArrayEquals(scramble, back.authPluginData());
        assertEquals(caps, back.capabilities());
        assertEquals("caching_sha2_password", back.authPluginName());
        assertEquals(42, back.connectionId());
    }

    @Test
    void handshakeResponseWithAttributesRoundTrips() {
        Capabilities caps = Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41, CapabilityFlag.CLIENT_PLUGIN_AUTH,
                CapabilityFlag.CLIENT_SECURE_CONNECTION, CapabilityFlag.CLIENT_CONNECT_WITH_DB, CapabilityFlag.CLIENT_CONNECT_ATTRS,
                CapabilityFlag.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA);
        HandshakeResponse41 r = new HandshakeResponse41(caps, 1 << 24, 45, "alice", new byte[] {1, 2, 3}, "shop",
                "mysql_native_password", Map.of("_client_name", "test"), 0);
        byte[] bytes = encode(b -> r.encode(b, StandardCharsets.UTF_8));
        PayloadReader in = reader(HexFormat.of().formatHex(bytes));
        SslRequest head = SslRequest.decode(in);
        assertTrue(!head.isSslRequest(bytes.length));
        HandshakeResponse41 back = HandshakeResponse41.decodeBody(head, in, StandardCharsets.UTF_8);
        assertEquals("alice", back.username());
        assertArrayEquals(new byte[] {1, 2, 3}, back.authResponse());
        assertEquals("shop", back.database());
        assertEquals("mysql_native_password", back.authPluginName());
        assertEquals(Map.of("_client_name", "test"), back.connectAttributes());
        assertEquals(45, back.characterSet());
    }

    @Test
    void errorTableIsCompleteAndFormats() {
        assertTrue(ServerErrors.all().size() > 2000);
        assertEquals(1045, ServerErrors.of("ER_ACCESS_DENIED_ERROR").code());
        assertEquals("28000", ServerErrors.of("ER_ACCESS_DENIED_ERROR").sqlState());
        assertEquals("Access denied for user 'bob'@'localhost' (using password: YES)",
                ServerErrors.of("ER_ACCESS_DENIED_ERROR").format("bob", "localhost", "YES"));
        assertEquals("HY000", ServerErrors.byCode(3159).orElseThrow().sqlState());
        assertEquals("Unknown database 'x'", ServerErrors.of("ER_BAD_DB_ERROR").format("x"));
        assertThrows(IllegalArgumentException.class, () -> ServerErrors.of("ER_NOT_A_REAL_ERROR"));
        assertEquals("Unknown prepared statement handler (7) given to mysqld_stmt_execute",
                ServerErrors.of("ER_UNKNOWN_STMT_HANDLER").format(1, "7", "mysqld_stmt_execute"));
    }
}
