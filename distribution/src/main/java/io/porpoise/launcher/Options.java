package io.porpoise.launcher;

import java.util.Optional;

/**
 * Command-line options of bin/porpoise.
 *
 * @param sslCert server certificate (chain), PEM; with {@code sslKey}, else generated certificates
 * @param sslCa CA (PEM) verifying client certificates
 */
record Options(int port, String bind, String dataDir, boolean help, Optional<String> sslCert, Optional<String> sslKey,
        Optional<String> sslCa, boolean skipSsl, boolean requireSecureTransport, boolean cleartextWithoutTls) {
    static final String USAGE = "usage: porpoise [--port N (3306)] [--bind ADDRESS (127.0.0.1)] [--data-dir DIR (<install>/data)]\n"
            + "                [--ssl-cert FILE --ssl-key FILE] [--ssl-ca FILE] [--skip-ssl] [--require-secure-transport]\n"
            + "                [--allow-cleartext-passwords-without-tls]\n"
            + "  TLS uses the PEM certificate and key given, else ca.pem, server-cert.pem and server-key.pem\n"
            + "  generated once in the data directory. --ssl-ca verifies client certificates (REQUIRE X509).";

    static Options parse(String[] args) {
        int port = 3306;
        String bind = "127.0.0.1";
        String dataDir = null;
        String defaultDataDir = "data";
        boolean help = false;
        String sslCert = null;
        String sslKey = null;
        String sslCa = null;
        boolean skipSsl = false;
        boolean requireSecure = false;
        boolean cleartext = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port":
                    port = parsePort(value(args, ++i, a));
                    break;
                case "--bind":
                    bind = value(args, ++i, a);
                    break;
                case "--data-dir":
                    dataDir = value(args, ++i, a);
                    break;
                case "--default-data-dir":
                    defaultDataDir = value(args, ++i, a);
                    break;
                case "--ssl-cert":
                    sslCert = value(args, ++i, a);
                    break;
                case "--ssl-key":
                    sslKey = value(args, ++i, a);
                    break;
                case "--ssl-ca":
                    sslCa = value(args, ++i, a);
                    break;
                case "--skip-ssl":
                    skipSsl = true;
                    break;
                case "--require-secure-transport":
                    requireSecure = true;
                    break;
                case "--allow-cleartext-passwords-without-tls":
                    cleartext = true;
                    break;
                case "--help":
                case "-h":
                    help = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option: " + a);
            }
        }
        if ((sslCert == null) != (sslKey == null)) {
            throw new IllegalArgumentException("--ssl-cert and --ssl-key: " + (sslCert == null ? "--ssl-key" : "--ssl-cert")
                    + " given alone (expected: both or neither)");
        }
        if (skipSsl && (sslCert != null || sslCa != null)) {
            throw new IllegalArgumentException("--skip-ssl: given with --ssl-cert/--ssl-ca (expected: one or the other)");
        }
        if (skipSsl && requireSecure) {
            throw new IllegalArgumentException("--require-secure-transport: given with --skip-ssl (expected: TLS enabled)");
        }
        return new Options(port, bind, dataDir == null ? defaultDataDir : dataDir, help, Optional.ofNullable(sslCert),
                Optional.ofNullable(sslKey), Optional.ofNullable(sslCa), skipSsl, requireSecure, cleartext);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + ": missing value");
        }
        return args[i];
    }

    private static int parsePort(String s) {
        try {
            int p = Integer.parseInt(s);
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("--port: " + s + " (expected: 0..65535)");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port: " + s + " (expected: a number)");
        }
    }
}
