package io.porpoise.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reading and writing the PEM files of TLS: certificates ({@code CERTIFICATE}, several in a chain
 * file) and private keys in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or
 * SEC1 ({@code EC PRIVATE KEY}) form, as OpenSSL and MySQL write them. Encrypted keys are refused
 * (the server has nowhere to get a passphrase from).
 */
final class PemFiles {
    private PemFiles() {
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (java.security.cert.Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException(file + ": no certificate (expected: PEM -----BEGIN CERTIFICATE-----)");
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": " + e.getMessage() + " (expected: PEM certificates)", e);
        }
    }

    static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(r)) {
            Object o = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo) {
                return converter.getPrivateKey((PrivateKeyInfo) o);
            }
            if (o instanceof PEMKeyPair) {
                return converter.getKeyPair((PEMKeyPair) o).getPrivate();
            }
            throw new IOException(file + ": " + (o == null ? "no PEM object" : o.getClass().getSimpleName())
                    + " (expected: an unencrypted PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        }
    }

    /** Writes atomically; a secret is readable by its owner only (where the file system has POSIX permissions). */
    static void write(Path p, String type, byte[] der, boolean secret) throws IOException {
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        String text = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                System.getLogger(PemFiles.class.getName()).log(System.Logger.Level.DEBUG, "no POSIX permissions for " + tmp);
            }
        }
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
