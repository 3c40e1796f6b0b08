package io.porpoise.server.internal;

import io.netty.handler.ssl.SslHandler;
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
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The server's TLS: certificate, key and client-certificate CA, from configuration or generated
 * once in the data directory ({@link GeneratedCertificates}), as one JDK {@link SSLContext} (no
 * native library) whose engines run in Netty {@link SslHandler}s. TLS 1.2 and 1.3 only. With a CA,
 * client certificates are requested but optional (MySQL's behaviour with {@code ssl_ca}): the TLS
 * handshake fails for a certificate the CA does not vouch for, and {@code REQUIRE X509} accounts
 * are refused without one.
 *
 * <p>The engines are configured as Netty's {@code SslContextBuilder.forServer(...)} with the JDK
 * provider would (its cipher suites, in its order; {@code ServerTlsTest} compares the two), but
 * without Netty's context: loading that class alone initialises the JDK's default SSL context (the
 * JDK trust store, which a server not asking for client certificates never reads) and tries a
 * throw-away PKCS#12 key store (PBKDF2), most of the cost of TLS at start-up.
 */
final class ServerTls {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /**
     * Netty's default cipher suites for JDK engines (io.netty.handler.ssl.SslUtils, Netty 4.2), in
     * its order of preference, which the JDK server side follows; those the JDK has disabled (by
     * {@code jdk.tls.disabledAlgorithms}, like TLS_RSA_* on JDK 25) are left out, as Netty does.
     */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA",
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
    /** As MySQL lists them in tls_version and Current_tls_version. */
    static final List<String> PROTOCOLS_ASCENDING = List.of("TLSv1.2", "TLSv1.3");
    /**
     * Without a CA no client certificate is requested, so nothing is ever verified: no trust
     * managers (the JDK then uses one that trusts nothing) rather than the JDK's trust store.
     */
    private static final TrustManager[] NO_CA = new TrustManager[0];

    /** OpenSSL's ASN1_TIME_print format, as MySQL shows Ssl_server_not_before/after. */
    private static final DateTimeFormatter OPENSSL_TIME =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SSLContext context;
    private final String[] cipherSuites;
    private final X509Certificate certificate;
    private final Path certificateFile;
    private final Path keyFile;
    private final Optional<Path> caFile;

    private ServerTls(SSLContext context, X509Certificate certificate, Path certificateFile, Path keyFile, Optional<Path> caFile) {
        this.context = context;
        Set<String> enabled = Set.of(context.createSSLEngine().getEnabledCipherSuites());
        this.cipherSuites = CIPHER_SUITES.stream().filter(enabled::contains).toArray(String[]::new);
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
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(privateKey, chain), ca.isPresent() ? trustManagers(PemFiles.readCertificates(ca.get())) : NO_CA, null);
            return Optional.of(new ServerTls(context, chain.get(0), cert.toAbsolutePath(), key.toAbsolutePath(), ca.map(Path::toAbsolutePath)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("TLS: " + e.getMessage(), e);
        }
    }

    /**
     * The key manager serving the certificate chain and its key, from a key store that never
     * leaves memory, so its key protection guards nothing: JKS, whose protection costs a few SHA-1
     * passes, not the default PKCS#12, whose PBKDF2 (10,000 rounds of HMAC-SHA256 to store the key
     * and as many to read it back) took about 0.1 s of start-up on the still cold JVM.
     */
    private static KeyManager[] keyManagers(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException, IOException {
        char[] password = "porpoise".toCharArray();
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        store.setKeyEntry("server", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /** Trust managers verifying client certificates against the CA's certificates. */
    private static TrustManager[] trustManagers(List<X509Certificate> ca) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        for (int i = 0; i < ca.size(); i++) {
            store.setCertificateEntry("ca" + i, ca.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** Fails at start, not at the first handshake, when the key does not belong to the certificate. */
    private static void checkPair(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile) throws IOException {
        if (key instanceof RSAPrivateCrtKey && cert.getPublicKey() instanceof RSAPublicKey) {
            // An RSA key carries its public half: comparing it costs nothing, where signing and
            // verifying a probe (below) took some 40 ms of start-up on the still cold JVM.
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            RSAPublicKey pub = (RSAPublicKey) cert.getPublicKey();
            if (!rsa.getModulus().equals(pub.getModulus()) || !rsa.getPublicExponent().equals(pub.getPublicExponent())) {
                throw new IOException("TLS key " + keyFile + ": does not match the certificate " + certFile);
            }
            return;
        }
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
    SslHandler newHandler() {
        return new SslHandler(newEngine());
    }

    /** A server-side engine: TLS 1.3 and 1.2, the cipher suites above, client certificates requested with a CA. */
    SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(PROTOCOLS.toArray(new String[0]));
        engine.setEnabledCipherSuites(cipherSuites);
        if (caFile.isPresent()) {
            engine.setWantClientAuth(true);
        }
        return engine;
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
