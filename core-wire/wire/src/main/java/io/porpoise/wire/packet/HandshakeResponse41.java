package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.Capabilities;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's answer to {@link HandshakeV10}. Only the 4.1 protocol is supported: a client
 * without CLIENT_PROTOCOL_41 is refused by the decoder (no living client lacks it).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_response.html">Protocol::HandshakeResponse41</a>
 */
public record HandshakeResponse41(
        Capabilities capabilities,
        long maxPacketSize,
        int characterSet,
        String username,
        byte[] authResponse,
        String database,
        String authPluginName,
        Map<String, String> connectAttributes,
        int zstdCompressionLevel) {

    /** Length of the fixed header: flags, max packet, charset, 23-byte filler. */
    public static final int FIXED_HEADER_LENGTH = 32;

    /**
     * Decodes the part after the fixed header of a response whose header is already read.
     *
     * @param header the fixed part, already decoded (it arrives alone as an SSLRequest)
     * @param textCharset charset of user, database and attributes (the client's collation's charset)
     */
    public static HandshakeResponse41 decodeBody(SslRequest header, PayloadReader in, Charset textCharset) {
        Capabilities caps = header.capabilities();
        String user = in.hasRemaining() ? in.readNulTerminatedString(textCharset) : "";
        byte[] auth;
        if (caps.has(CapabilityFlag.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            auth = in.readLengthEncodedBytes();
        } else if (caps.has(CapabilityFlag.CLIENT_SECURE_CONNECTION)) {
            auth = in.readFixedBytes(in.readInt1());
        } else {
            auth = in.hasRemaining() ? in.readNulTerminatedBytes() : new byte[0];
        }
        String db = null;
        if (caps.has(CapabilityFlag.CLIENT_CONNECT_WITH_DB) && in.hasRemaining()) {
            db = readLenientNulString(in, textCharset);
        }
        String plugin = "";
        if (caps.has(CapabilityFlag.CLIENT_PLUGIN_AUTH) && in.hasRemaining()) {
            plugin = readLenientNulString(in, StandardCharsets.US_ASCII);
        }
        Map<String, String> attrs = Collections.emptyMap();
        if (caps.has(CapabilityFlag.CLIENT_CONNECT_ATTRS) && in.hasRemaining()) {
            attrs = readAttributes(in, textCharset);
        }
        int zstdLevel = 0;
        if (caps.has(CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM) && in.hasRemaining()) {
            zstdLevel = in.readInt1();
        }
        return new HandshakeResponse41(caps, header.maxPacketSize(), header.characterSet(), user, auth,
                db == null || db.isEmpty() ? null : db, plugin, attrs, zstdLevel);
    }

    /** Some old clients omit the final NUL of the last string in the packet. */
    private static String readLenientNulString(PayloadReader in, Charset cs) {
        int before = in.remaining();
        try {
            return in.readNulTerminatedString(cs);
        } catch (MalformedPacketException e) {
            if (in.remaining() != before) {
                throw e;
            }
            return in.readRestOfPacketString(cs);
        }
    }

    private static Map<String, String> readAttributes(PayloadReader in, Charset cs) {
        long total = in.readLengthEncodedInt();
        if (total > in.remaining()) {
            throw new MalformedPacketException("connect attributes length: " + total + " (expected: <= " + in.remaining() + ")");
        }
        int end = in.remaining() - (int) total;
        Map<String, String> attrs = new LinkedHashMap<>();
        while (in.remaining() > end) {
            String key = in.readLengthEncodedString(cs);
            String value = in.readLengthEncodedString(cs);
            attrs.put(key, value);
        }
        if (in.remaining() != end) {
            throw new MalformedPacketException("connect attributes: overran their declared length " + total);
        }
        return Collections.unmodifiableMap(attrs);
    }

    /** Encodes the packet as a client would (tests, tools). */
    public void encode(ByteBuf out, Charset textCharset) {
        new SslRequest(capabilities, maxPacketSize, characterSet).encode(out);
        PayloadWriter.writeNulTerminatedBytes(out, username.getBytes(textCharset));
        if (capabilities.has(CapabilityFlag.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            PayloadWriter.writeLengthEncodedBytes(out, authResponse);
        } else {
            PayloadWriter.writeInt1(out, authResponse.length);
            out.writeBytes(authResponse);
        }
        if (capabilities.has(CapabilityFlag.CLIENT_CONNECT_WITH_DB)) {
            PayloadWriter.writeNulTerminatedBytes(out, database == null ? new byte[0] : database.getBytes(textCharset));
        }
        if (capabilities.has(CapabilityFlag.CLIENT_PLUGIN_AUTH)) {
            PayloadWriter.writeNulTerminatedBytes(out, authPluginName.getBytes(StandardCharsets.US_ASCII));
        }
        if (capabilities.has(CapabilityFlag.CLIENT_CONNECT_ATTRS)) {
            ByteBuf attrs = out.alloc().buffer();
            try {
                connectAttributes.forEach((k, v) -> {
                    PayloadWriter.writeLengthEncodedBytes(attrs, k.getBytes(textCharset));
                    PayloadWriter.writeLengthEncodedBytes(attrs, v.getBytes(textCharset));
                });
                PayloadWriter.writeLengthEncodedInt(out, attrs.readableBytes());
                out.writeBytes(attrs);
            } finally {
                attrs.release();
            }
        }
        if (capabilities.has(CapabilityFlag.CLIENT_ZSTD_COMPRESSION_ALGORITHM)) {
            PayloadWriter.writeInt1(out, zstdCompressionLevel);
        }
    }
}
