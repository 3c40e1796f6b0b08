package io.porpoise.command.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.CommandContext;
import io.porpoise.command.PacketWriter;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.ServerError;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComPingHandlerTest {
    private final ComPingHandler handler = new ComPingHandler();

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x0E, handler.command());
        assertEquals("COM_PING", handler.name());
    }

    /** The payload is empty; the decoder needs no session and reads nothing. */
    @Test
    void decodesAnEmptyPayload() {
        assertEquals(0, decodeAndCountUnread(""));
    }

    /** Bytes after the command byte are ignored, as MySQL does, rather than answered with an error. */
    @Test
    void ignoresTrailingBytes() {
        assertEquals(3, decodeAndCountUnread("01 02 03"));
    }

    /** A ping is answered with a plain OK (no affected rows) and nothing else: no close, no second answer. */
    @Test
    void answersOk() {
        RecordingContext context = new RecordingContext();
        handler.execute(null, context);
        assertEquals(List.of("ok " + UpdateResult.EMPTY), context.events);
    }

    /** Decodes with no session at all (ping needs none) and returns how many bytes were left unread. */
    private int decodeAndCountUnread(String hex) {
        ByteBuf buf = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", "")));
        try {
            PayloadReader payload = new PayloadReader(buf);
            assertNull(handler.decode(payload, null));
            return payload.remaining();
        } finally {
            buf.release();
        }
    }

    /** Records the answers; a ping must not touch the session, the backend or raw packets. */
    private static final class RecordingContext implements CommandContext {
        final List<String> events = new ArrayList<>();

        @Override
        public SessionContext session() {
            throw new UnsupportedOperationException("session");
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
        public PacketWriter packets() {
            throw new UnsupportedOperationException("packets");
        }

        @Override
        public void ok(UpdateResult result) {
            events.add("ok " + result);
        }

        @Override
        public void error(ServerError error, Object... args) {
            events.add("error " + error.code());
        }

        @Override
        public void error(BackendException error) {
            events.add("error " + error.errorCode());
        }

        @Override
        public void noResponse() {
            events.add("noResponse");
        }

        @Override
        public void closeConnection() {
            events.add("closeConnection");
        }

        @Override
        public List<QueryInterceptor> queryInterceptors() {
            throw new UnsupportedOperationException("queryInterceptors");
        }
    }
}
