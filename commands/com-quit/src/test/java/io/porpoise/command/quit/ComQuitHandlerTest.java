package io.porpoise.command.quit;

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

class ComQuitHandlerTest {
    private final ComQuitHandler handler = new ComQuitHandler();

    @Test
    void registersUnderItsCommandByte() {
        assertEquals(0x01, handler.command());
        assertEquals("COM_QUIT", handler.name());
    }

    @Test
    void decodesAnEmptyPayload() {
        assertEquals(0, decodeAndCountUnread(""));
    }

    /** Trailing bytes must not turn a goodbye into an error packet the client no longer reads. */
    @Test
    void ignoresTrailingBytes() {
        assertEquals(2, decodeAndCountUnread("ff 00"));
    }

    /**
     * The client is gone after COM_QUIT: no OK or ERR may be written (it would hit a closed
     * socket), and the server closes the connection. noResponse comes first so the server does
     * not fill in ER_UNKNOWN_ERROR for a command that ended without an answer.
     */
    @Test
    void answersNothingAndClosesTheConnection() {
        RecordingContext context = new RecordingContext();
        handler.execute(null, context);
        assertEquals(List.of("noResponse", "closeConnection"), context.events);
    }

    /** Decodes with no session at all (quit needs none) and returns how many bytes were left unread. */
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

    /** Records the answers; quitting must not touch the session, the backend or raw packets. */
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
            events.add("ok");
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
