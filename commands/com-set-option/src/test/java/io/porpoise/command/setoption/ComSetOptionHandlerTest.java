package io.porpoise.command.setoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.CommandContext;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerStatus;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComSetOptionHandlerTest {
    private final ComSetOptionHandler handler = new ComSetOptionHandler();
    private final List<String> events = new ArrayList<>();

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x1B, handler.command());
        assertEquals("COM_SET_OPTION", handler.name());
    }

    /** The option is int&lt;2&gt;, little-endian. */
    @Test
    void decodesTheOption() {
        assertEquals(new ComSetOptionRequest(0), decode("00 00"));
        assertEquals(new ComSetOptionRequest(1), decode("01 00"));
        assertEquals(new ComSetOptionRequest(0x0102), decode("02 01"));
    }

    @Test
    void aShortPayloadIsMalformed() {
        assertThrows(MalformedPacketException.class, () -> decode("00"));
        assertThrows(MalformedPacketException.class, () -> decode(""));
    }

    /** MYSQL_OPTION_MULTI_STATEMENTS_ON / _OFF switch the session and are answered with EOF (0xFE-OK with DEPRECATE_EOF). */
    @Test
    void switchesMultiStatementsAndAnswersEof() {
        handler.execute(decode("00 00"), new Context());
        handler.execute(decode("01 00"), new Context());
        assertEquals(List.of("multiStatements true", "endOfRows " + ServerStatus.AUTOCOMMIT + " 0",
                "multiStatements false", "endOfRows " + ServerStatus.AUTOCOMMIT + " 0"), events);
    }

    /** Any other option is MySQL's ER_UNKNOWN_COM_ERROR, and the session is left alone. */
    @Test
    void unknownOptionIsAnError() {
        handler.execute(decode("02 00"), new Context());
        assertEquals(List.of("error 1047 08S01 Unknown command"), events);
    }

    private ComSetOptionRequest decode(String hex) {
        ByteBuf buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", "")));
        try {
            return handler.decode(new PayloadReader(buf), null);
        } finally {
            buf.release();
        }
    }

    /** Records the session switch and the answer; anything else the handler touches fails the test. */
    private final class Context implements CommandContext {
        @Override
        public SessionContext session() {
            return (SessionContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SessionContext.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "multiStatements" -> {
                            events.add("multiStatements " + args[0]);
                            yield null;
                        }
                        case "status" -> ServerStatus.AUTOCOMMIT;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        @Override
        public PacketWriter packets() {
            return (PacketWriter) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PacketWriter.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("endOfRows")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        events.add("endOfRows " + args[0] + " " + args[1]);
                        return null;
                    });
        }

        @Override
        public ResultSink resultSink() {
            throw new UnsupportedOperationException("resultSink");
        }

        @Override
        public ResultSink binaryResultSink() {
            throw new UnsupportedOperationException("binaryResultSink");
        }

        @Override
        public void ok(UpdateResult result) {
            events.add("ok");
        }

        @Override
        public void error(ServerError error, Object... args) {
            events.add("error " + error.code() + " " + error.sqlState() + " " + error.format(args));
        }

        @Override
        public void error(BackendException error) {
            events.add("error " + error.errorCode());
        }

        @Override
        public void noResponse() {
            throw new UnsupportedOperationException("noResponse");
        }

        @Override
        public void closeConnection() {
            throw new UnsupportedOperationException("closeConnection");
        }

        @Override
        public List<QueryInterceptor> queryInterceptors() {
            throw new UnsupportedOperationException("queryInterceptors");
        }
    }
}
