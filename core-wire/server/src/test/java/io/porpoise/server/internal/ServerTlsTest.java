package io.porpoise.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.porpoise.server.ServerConfig;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ServerTls builds its JDK SSL context itself (Netty's costs start-up time); its engines must be
 * configured as those of the Netty context the server used before: same cipher suites in the same
 * order, same protocols, server mode, client certificates requested (not required) with a CA.
 * If Netty changes its defaults, this says so. A key that does not belong to the certificate is
 * refused when TLS is loaded, not at the first handshake.
 */
final class ServerTlsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void certificates() throws Exception {
        GeneratedCertificates.createIfAbsent(dir, "ServerTlsTest");
    }

    @Test
    void withTheGeneratedCaEnginesAreThoseOfNettysJdkServerContext() throws Exception {
        ServerTls tls = ServerTls.load(new ServerConfig.Tls(true, Optional.empty(), Optional.empty(), Optional.empty()), dir, "test")
                .orElseThrow();
        SslContext netty = SslContextBuilder.forServer(file(GeneratedCertificates.SERVER_CERT), file(GeneratedCertificates.SERVER_KEY))
                .sslProvider(SslProvider.JDK).protocols(ServerTls.PROTOCOLS)
                .trustManager(file(GeneratedCertificates.CA)).clientAuth(ClientAuth.OPTIONAL).build();
        SSLEngine ours = tls.newEngine();
        assertSameConfiguration(netty.newEngine(ByteBufAllocator.DEFAULT), ours);
        assertTrue(ours.getWantClientAuth());
    }

    @Test
    void withoutACaNoClientCertificateIsRequested() throws Exception {
        Path cert = dir.resolve(GeneratedCertificates.SERVER_CERT);
        Path key = dir.resolve(GeneratedCertificates.SERVER_KEY);
        ServerTls tls = ServerTls.load(new ServerConfig.Tls(true, Optional.of(cert), Optional.of(key), Optional.empty()), dir, "test")
                .orElseThrow();
        SslContext netty = SslContextBuilder.forServer(cert.toFile(), key.toFile()).sslProvider(SslProvider.JDK)
                .protocols(ServerTls.PROTOCOLS).build();
        SSLEngine ours = tls.newEngine();
        assertSameConfiguration(netty.newEngine(ByteBufAllocator.DEFAULT), ours);
        assertFalse(ours.getWantClientAuth());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedAtLoad(@TempDir Path other) throws Exception {
        GeneratedCertificates.createIfAbsent(other, "other");
        Path cert = dir.resolve(GeneratedCertificates.SERVER_CERT);
        Path key = other.resolve(GeneratedCertificates.SERVER_KEY);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ServerTls.load(
                new ServerConfig.Tls(true, Optional.of(cert), Optional.of(key), Optional.empty()), dir, "test"));
        assertEquals("TLS: TLS key " + key + ": does not match the certificate " + cert, e.getMessage());
    }

    private static void assertSameConfiguration(SSLEngine netty, SSLEngine ours) {
        assertEquals(List.of(netty.getEnabledCipherSuites()), List.of(ours.getEnabledCipherSuites()), "cipher suites, in order");
        assertEquals(List.of(netty.getEnabledProtocols()), List.of(ours.getEnabledProtocols()), "protocols");
        assertEquals(netty.getUseClientMode(), ours.getUseClientMode(), "client mode");
        assertEquals(netty.getWantClientAuth(), ours.getWantClientAuth(), "client certificate requested");
        assertEquals(netty.getNeedClientAuth(), ours.getNeedClientAuth(), "client certificate required");
        assertEquals(netty.getSSLParameters().getUseCipherSuitesOrder(), ours.getSSLParameters().getUseCipherSuitesOrder(),
                "server's cipher suite order");
    }

    private static java.io.File file(String name) {
        return dir.resolve(name).toFile();
    }
}
