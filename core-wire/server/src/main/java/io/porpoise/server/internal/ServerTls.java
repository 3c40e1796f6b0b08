package io.porpoise.server.internal;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.porpoise.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;

/**
 * The server's TLS: certificate, key and client-certificate CA, from configuration or generated
 * once in the data directory ({@link GeneratedCertificates}), as one Netty {@link SslContext} on the
 * JDK's TLS (no native library). TLS 1.2 and 1.3 only. With a CA, client certificates are requested
 * but optional (MySQL's behaviour with {@code ssl_ca}): the TLS handshake fails for a certificate
 * the CA does not vouch for, and {@code REQUIRE X509} accounts are refused without one.
 */
final class ServerTls {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** As MySQL lists them in tls_version and Current_tls_version. */
    static final List<String> PROTOCOLS_ASCENDING = List.of("TLSv1.2", "TLSv1.3");
    /** OpenSSL's ASN1_TIME_print format, as MySQL shows Ssl_server_not_before/after. */
    private static final DateTimeFormatter OPENSSL_TIME =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SslContext context;
    private final X509Certificate certificate;
    private final Path certificateFile;
    private final Path keyFile;
    private final Optional<Path> caFile;

    private ServerTls(SslContext context, X509Certificate certificate, Path certificateFile, Path keyFile, Optional<Path> caFile) {
        this.context = context;
        this.certificate = certificate;
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.caFile = caFile;
    }

    /** The configured TLS, generating the certificates first if needed; empty when TLS is disabled. */
    static Optional<ServerTls> load(ServerConfig.Tls config, Path dataDir, String product) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        try {
            Path cert;
            Path key;
            Optional<Path> ca = config.ca();
            if (config.certificate().isPresent()) {
                cert = config.certificate().get();
                key = config.key().orElseThrow();
            } else {
                GeneratedCertificates.createIfAbsent(dataDir, product);
                cert = dataDir.resolve(GeneratedCertificates.SERVER_CERT);
                key = dataDir.resolve(GeneratedCertificates.SERVER_KEY);
                if (ca.isEmpty() && dataDir.resolve(GeneratedCertificates.CA).toFile().exists()) {
                    ca = Optional.of(dataDir.resolve(GeneratedCertificates.CA));
                }
            }
            List<X509Certificate> chain = PemFiles.readCertificates(cert);
            PrivateKey privateKey = PemFiles.readPrivateKey(key);
            checkPair(chain.get(0), privateKey, cert, key);
            SslContextBuilder b = SslContextBuilder.forServer(keyManagers(privateKey, chain))
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS);
            if (ca.isPresent()) {
                b.trustManager(PemFiles.readCertificates(ca.get())).clientAuth(ClientAuth.OPTIONAL);
            }
            return Optional.of(new ServerTls(b.build(), chain.get(0), cert.toAbsolutePath(), key.toAbsolutePath(),
                    ca.map(Path::toAbsolutePath)));
        } catch (SSLException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("TLS: " + e.getMessage(), e);
        }
    }

    /**
     * The key manager serving the certificate chain and its key. Given the key itself, Netty keeps
     * it in a PKCS#12 key store, which protects a key with PBKDF2 (10,000 rounds of HMAC-SHA256 to
     * store it and as many to read it back): the largest part of setting up TLS, about 0.1 s of
     * start-up on the still cold JVM. This store never leaves memory, so its protection guards
     * nothing; JKS's costs a few SHA-1 passes.
     */
    private static KeyManagerFactory keyManagers(PrivateKey key, List<X509Certificate> chain)
            throws GeneralSecurityException, IOException {
        char[] password = "porpoise".toCharArray();
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        store.setKeyEntry("server", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory;
    }

    /** Fails at start, not at the first handshake, when the key does not belong to the certificate. */
    private static void checkPair(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile) throws IOException {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA"
                : key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : key.getAlgorithm();
        try {
            byte[] probe = "porpoise".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] signature = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            if (!v.verify(signature)) {
                throw new IOException("TLS key " + keyFile + ": does not match the certificate " + certFile);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS key " + keyFile + " and certificate " + certFile + ": " + e.getMessage(), e);
        }
    }

    /** A fresh server-side handler for one connection. */
    SslHandler newHandler(ByteBufAllocator alloc) {
        return context.newHandler(alloc);
    }

    Path certificateFile() {
        return certificateFile;
    }

    Path keyFile() {
        return keyFile;
    }

    Optional<Path> caFile() {
        return caFile;
    }

    String notBefore() {
        return OPENSSL_TIME.format(certificate.getNotBefore().toInstant());
    }

    String notAfter() {
        return OPENSSL_TIME.format(certificate.getNotAfter().toInstant());
    }
}
