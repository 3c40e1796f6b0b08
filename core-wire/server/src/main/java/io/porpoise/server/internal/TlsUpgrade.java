package io.porpoise.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.ssl.CipherSuiteConverter;
import io.netty.handler.ssl.SslHandler;
import io.porpoise.wire.frame.PacketFrameDecoder;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Starts TLS on a connection after its SSLRequest: the {@link SslHandler} goes right after the
 * byte counter (which keeps counting raw socket bytes, as MySQL does) and before the packet
 * decoder, and whatever the client sent after the SSLRequest in the same read (the start of its
 * TLS handshake) is moved from the decoder into it. The handshake response then arrives inside
 * TLS with the next sequence id.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase.html">Connection phase: SSL exchange</a>
 */
final class TlsUpgrade {
    static final String HANDLER_NAME = "tls";

    private TlsUpgrade() {
    }

    static SslHandler start(Channel channel, String after, PacketFrameDecoder decoder, ServerTls tls, ConnectionStatus status,
            ServerStatusCounters counters) {
        counters.tlsAttempt();
        SslHandler ssl = tls.newHandler();
        channel.pipeline().addAfter(after, HANDLER_NAME, ssl);
        ssl.handshakeFuture().addListener(f -> {
            if (f.isSuccess()) {
                SSLSession s = ssl.engine().getSession();
                status.tls(s.getProtocol(), cipherName(s.getCipherSuite()));
                counters.tlsAccepted();
            }
        });
        ByteBuf early = decoder.takeBufferedBytes();
        if (early.isReadable()) {
            channel.pipeline().context(after).fireChannelRead(early).fireChannelReadComplete();
        } else {
            early.release();
        }
        return ssl;
    }

    /** Whether the client presented a certificate (which the handshake then verified against the CA). */
    static boolean hasClientCertificate(SslHandler ssl) {
        try {
            return ssl.engine().getSession().getPeerCertificates().length > 0;
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    /** The cipher suite as MySQL (OpenSSL) names it, e.g. ECDHE-RSA-AES128-GCM-SHA256; TLS 1.3 names are the same. */
    static String cipherName(String javaName) {
        String openSsl = CipherSuiteConverter.toOpenSsl(javaName, false);
        return openSsl != null ? openSsl : javaName;
    }
}
