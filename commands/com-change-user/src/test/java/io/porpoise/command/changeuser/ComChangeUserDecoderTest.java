package io.porpoise.command.changeuser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.command.ChangeUserRequest;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** COM_CHANGE_USER payloads (after the 0x11 byte) decoded from bytes. */
class ComChangeUserDecoderTest {
    private static final Capabilities MODERN = Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41, CapabilityFlag.CLIENT_SECURE_CONNECTION,
            CapabilityFlag.CLIENT_PLUGIN_AUTH, CapabilityFlag.CLIENT_CONNECT_ATTRS);

    private static ChangeUserRequest decode(String hex, Capabilities caps) {
        ByteBuf buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
        try {
            return ComChangeUserDecoder.decode(new PayloadReader(buf), caps, StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    @Test
    void fullPacketAsConnectorJSendsIt() {
        // "bob", 20 auth bytes, "shop", collation 255, "mysql_native_password", attributes {k_1=value}
        ChangeUserRequest r = decode("626f6200140102030405060708090a0b0c0d0e0f101112131473686f7000ff00"
                + "6d7973716c5f6e61746976655f70617373776f7264000a036b5f310576616c7565", MODERN);
        assertEquals("bob", r.user());
        assertArrayEquals(HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314"), r.authResponse());
        assertEquals("shop", r.database());
        assertEquals(255, r.characterSet());
        assertEquals("mysql_native_password", r.authPluginName());
        assertEquals(Map.of("k_1", "value"), r.connectAttributes());
        assertFalse(r.toString().contains("0102"), "the auth response never appears in logs");
    }

    @Test
    void oldClientWithoutTheOptionalTail() {
        // "root", an empty auth response, no database, nothing more.
        ChangeUserRequest r = decode("726f6f74000000", MODERN);
        assertEquals("root", r.user());
        assertEquals(0, r.authResponse().length);
        assertNull(r.database());
        assertEquals(0, r.characterSet());
        assertEquals("", r.authPluginName());
    }

    @Test
    void nulTerminatedAuthWithoutSecureConnection() {
        ChangeUserRequest r = decode("6100616263000021" + "00", Capabilities.of(CapabilityFlag.CLIENT_PROTOCOL_41));
        assertEquals("a", r.user());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), r.authResponse());
        assertEquals(0x21, r.characterSet());
    }

    @Test
    void truncatedOrOverlongIsMalformed() {
        assertThrows(MalformedPacketException.class, () -> decode("626f6200140102", MODERN), "auth shorter than its length");
        assertThrows(MalformedPacketException.class, () -> decode("626f62", MODERN), "user without NUL");
        assertThrows(MalformedPacketException.class, () -> decode("626f62000000ff00" + "7800" + "09036b5f31", MODERN),
                "attributes longer than the packet");
    }

    @Test
    void handlerHandsTheRequestToTheServerAndAnswersNothingItself() {
        ChangeUserRequest request = new ChangeUserRequest("bob", new byte[0], null, 0, "", Map.of());
        java.util.List<ChangeUserRequest> handed = new java.util.ArrayList<>();
        io.porpoise.command.CommandContext context = (io.porpoise.command.CommandContext) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.porpoise.command.CommandContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("changeUser")) {
                        handed.add((ChangeUserRequest) args[0]);
                        return null;
                    }
                    throw new AssertionError("the handler must not call " + method.getName());
                });
        new ComChangeUserHandler().execute(request, context);
        assertEquals(java.util.List.of(request), handed);
        assertEquals(0x11, new ComChangeUserHandler().command());
    }
}
