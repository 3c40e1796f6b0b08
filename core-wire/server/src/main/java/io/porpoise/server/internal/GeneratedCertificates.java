package io.porpoise.server.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates a server generates on its first start when none are configured, with MySQL's
 * file names ({@code auto_generate_certs}): a self-signed CA ({@code ca.pem}, {@code ca-key.pem}),
 * a server certificate signed by it ({@code server-cert.pem}, {@code server-key.pem}) and a client
 * certificate ({@code client-cert.pem}, {@code client-key.pem}) for {@code REQUIRE X509} accounts.
 * RSA 2048, SHA-256, ten years. Unlike MySQL's, the server certificate names {@code localhost},
 * {@code 127.0.0.1}, {@code ::1} and the host name, so clients that check the host name accept it
 * on those names. Generated only when none of the files exists; never regenerated.
 */
final class GeneratedCertificates {
    static final String CA = "ca.pem";
    static final String CA_KEY = "ca-key.pem";
    static final String SERVER_CERT = "server-cert.pem";
    static final String SERVER_KEY = "server-key.pem";
    static final String CLIENT_CERT = "client-cert.pem";
    static final String CLIENT_KEY = "client-key.pem";
    private static final List<String> ALL = List.of(CA, CA_KEY, SERVER_CERT, SERVER_KEY, CLIENT_CERT, CLIENT_KEY);
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final System.Logger LOG = System.getLogger(GeneratedCertificates.class.getName());

    private GeneratedCertificates() {
    }

    /**
     * Generates the six files unless the server's certificate and key exist already. A partial set
     * (some files, but not the server's pair) is an error: regenerating would silently replace a CA
     * that clients trust.
     */
    static void createIfAbsent(Path dataDir, String product) throws IOException {
        if (Files.exists(dataDir.resolve(SERVER_CERT)) && Files.exists(dataDir.resolve(SERVER_KEY))) {
            return;
        }
        List<String> present = new ArrayList<>();
        for (String f : ALL) {
            if (Files.exists(dataDir.resolve(f))) {
                present.add(f);
            }
        }
        if (!present.isEmpty()) {
            throw new IOException("TLS files in " + dataDir + ": " + present + " (expected: all of " + ALL
                    + " or none, or configured certificate and key)");
        }
        try {
            generate(dataDir, product.replaceAll("[^A-Za-z0-9.]+", "_"));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("generating TLS certificates in " + dataDir + ": " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "generated a CA, server and client certificate in " + dataDir);
    }

    private static void generate(Path dir, String product) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair caKeys = rsa.generateKeyPair();
        KeyPair serverKeys = rsa.generateKeyPair();
        KeyPair clientKeys = rsa.generateKeyPair();
        X500Name caName = new X500Name("CN=Porpoise_" + product + "_Auto_Generated_CA_Certificate");
        Instant now = Instant.now();
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();

        JcaX509v3CertificateBuilder ca = builder(caName, caName, caKeys, now);
        ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate caCert = sign(ca, caKeys);

        JcaX509v3CertificateBuilder server = builder(caName, new X500Name("CN=Porpoise_" + product
                + "_Auto_Generated_Server_Certificate"), serverKeys, now);
        leaf(server, ext, caCert, KeyPurposeId.id_kp_serverAuth);
        server.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(serverNames()));
        X509Certificate serverCert = sign(server, caKeys);

        JcaX509v3CertificateBuilder client = builder(caName, new X500Name("CN=Porpoise_" + product
                + "_Auto_Generated_Client_Certificate"), clientKeys, now);
        leaf(client, ext, caCert, KeyPurposeId.id_kp_clientAuth);
        X509Certificate clientCert = sign(client, caKeys);

        // Keys first, CA last: a crash in between leaves a partial set, which the next start reports.
        PemFiles.write(dir.resolve(CA_KEY), "PRIVATE KEY", caKeys.getPrivate().getEncoded(), true);
        PemFiles.write(dir.resolve(SERVER_KEY), "PRIVATE KEY", serverKeys.getPrivate().getEncoded(), true);
        PemFiles.write(dir.resolve(CLIENT_KEY), "PRIVATE KEY", clientKeys.getPrivate().getEncoded(), true);
        PemFiles.write(dir.resolve(CLIENT_CERT), "CERTIFICATE", clientCert.getEncoded(), false);
        PemFiles.write(dir.resolve(CA), "CERTIFICATE", caCert.getEncoded(), false);
        PemFiles.write(dir.resolve(SERVER_CERT), "CERTIFICATE", serverCert.getEncoded(), false);
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Instant now)
            throws GeneralSecurityException, CertIOException {
        BigInteger serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE);
        // An hour of slack for clients whose clocks are behind.
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        b.addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        return b;
    }

    private static void leaf(JcaX509v3CertificateBuilder b, JcaX509ExtensionUtils ext, X509Certificate ca, KeyPurposeId purpose)
            throws CertIOException, GeneralSecurityException {
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair issuerKeys)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build(issuerKeys.getPrivate())));
    }

    private static GeneralName[] serverNames() {
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")));
        try {
            String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            if (!host.equals("localhost") && host.matches("[a-z0-9.-]+") && !host.matches("[0-9.]+")) {
                names.add(new GeneralName(GeneralName.dNSName, host));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "host name unknown, not in the server certificate: " + e.getMessage());
        }
        return names.toArray(new GeneralName[0]);
    }
}
