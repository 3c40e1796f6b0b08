package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.PayloadWriter;
import java.nio.charset.StandardCharsets;

/**
 * Asks the client to continue authentication with another plugin. Clients without
 * CLIENT_PLUGIN_AUTH cannot be switched (the server answers ER_NOT_SUPPORTED_AUTH_MODE instead).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_switch_request.html">Protocol::AuthSwitchRequest</a>
 */
public record AuthSwitchRequest(String pluginName, byte[] pluginData) {
    public static final int HEADER = 0xFE;

    /** Writes header, plugin name and data; scramble-based plugins pass their 20 bytes plus a NUL. */
    public void encode(ByteBuf out) {
        PayloadWriter.writeInt1(out, HEADER);
        PayloadWriter.writeNulTerminatedBytes(out, pluginName.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(pluginData);
    }
}
