package io.porpoise.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Java key stores built from the PEM files a server generated in its data directory, as a client would set them up. */
final class TlsFiles {
    static final String PASSWORD = "changeit";

    private TlsFiles() {
    }

    /** A PKCS#12 trust store holding the data directory's ca.pem. */
    static Path trustStore(Path dataDir) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("porpoise-ca", certificate(dataDir.resolve("ca.pem")));
        return store(ks, dataDir.resolveSibling(dataDir.getFileName() + "-truststore.p12"));
    }

    /** A PKCS#12 key store with client-cert.pem and client-key.pem. */
    static Path clientKeyStore(Path dataDir) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        String pem = Files.readString(dataDir.resolve("client-key.pem"), StandardCharsets.US_ASCII);
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        ks.setKeyEntry("client", key, PASSWORD.toCharArray(),
                new Certificate[] {certificate(dataDir.resolve("client-cert.pem")), certificate(dataDir.resolve("ca.pem"))});
        return store(ks, dataDir.resolveSibling(dataDir.getFileName() + "-client.p12"));
    }

    private static Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static Path store(KeyStore ks, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        file.toFile().deleteOnExit();
        return file;
    }

    /** Connector/J options trusting the generated CA. */
    static String connectorJTrust(Path trustStore) {
        return "&trustCertificateKeyStoreUrl=" + trustStore.toUri() + "&trustCertificateKeyStoreType=PKCS12"
                + "&trustCertificateKeyStorePassword=" + PASSWORD;
    }

    /** Connector/J options presenting the generated client certificate. */
    static String connectorJClientCertificate(Path keyStore) {
        return "&clientCertificateKeyStoreUrl=" + keyStore.toUri() + "&clientCertificateKeyStoreType=PKCS12"
                + "&clientCertificateKeyStorePassword=" + PASSWORD;
    }
}
