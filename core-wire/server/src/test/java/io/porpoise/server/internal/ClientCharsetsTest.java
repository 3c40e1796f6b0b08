package io.porpoise.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.porpoise.wire.packet.ErrPacket;
import org.junit.jupiter.api.Test;

class ClientCharsetsTest {

    @Test
    void knownParsableAndUnknownIdsAreAccepted() {
        assertNull(ClientCharsets.refusal(255));
        assertNull(ClientCharsets.refusal(28));
        assertNull(ClientCharsets.refusal(63), "binary is a client charset");
        assertNull(ClientCharsets.refusal(3), "dec8 converts");
        assertNull(ClientCharsets.refusal(92), "geostd8 converts");
        assertNull(ClientCharsets.refusal(0), "an unknown id means the server default, as in MySQL");
        assertNull(ClientCharsets.refusal(500));
    }

    @Test
    void unparsableCharsetsAreRefused() {
        assertEquals(new ErrPacket(1231, "42000", "Variable 'character_set_client' can't be set to the value of 'ucs2'"), ClientCharsets.refusal(35));
        assertEquals(new ErrPacket(1231, "42000", "Variable 'character_set_client' can't be set to the value of 'utf32'"), ClientCharsets.refusal(60));
    }
}
