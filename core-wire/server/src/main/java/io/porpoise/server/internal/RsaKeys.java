package io.porpoise.server.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The server's RSA key pair for password exchange without TLS, generated once (it takes a
 * second or two) and kept in the data directory as {@code private_key.pem} (PKCS#8) and
 * {@code public_key.pem} (SubjectPublicKeyInfo), the names MySQL uses. Never regenerated.
 */
final class RsaKeys {
    private static final String PRIVATE = "private_key.pem";
    private static final String PUBLIC = "public_key.pem";

    private RsaKeys() {
    }

    static KeyPair loadOrCreate(Path dataDir) {
        Path priv = dataDir.resolve(PRIVATE);
        Path pub = dataDir.resolve(PUBLIC);
        try {
            KeyFactory kf = KeyFactory.getInstance("RSA");
            if (Files.exists(priv) && Files.exists(pub)) {
                return new KeyPair(kf.generatePublic(new X509EncodedKeySpec(readPem(pub))),
                        kf.generatePrivate(new PKCS8EncodedKeySpec(readPem(priv))));
            }
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            writePem(priv, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
            writePem(pub, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key pair in " + dataDir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PEM text of a public key, as AuthMoreData carries it. */
    static String publicPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    private static byte[] readPem(Path p) throws IOException {
        String text = Files.readString(p, StandardCharsets.US_ASCII);
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writePem(Path p, String type, byte[] der, boolean secret) throws IOException {
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.writeString(tmp, pem(type, der), StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the data directory's own permissions protect the key.
                System.getLogger(RsaKeys.class.getName()).log(System.Logger.Level.DEBUG, "no POSIX permissions for " + tmp);
            }
        }
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
