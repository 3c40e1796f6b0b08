package io.porpoise.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options of bin/porpoise. Unset values ({@code null}) leave the setting to
 * {@code conf/io.porpoise.server.cfg} (Felix) or the built-in default (embedded).
 *
 * @param sslCert server certificate (chain), PEM; with {@code sslKey}, else generated certificates
 * @param sslCa CA (PEM) verifying client certificates
 */
record Options(Integer port, String bind, String dataDir, boolean console, boolean help, String sslCert, String sslKey,
        String sslCa, boolean skipSsl, boolean requireSecureTransport, boolean cleartextWithoutTls) {
    static final String USAGE = "usage: porpoise [--port N] [--bind ADDRESS] [--data-dir DIR] [--console]\n"
            + "                [--ssl-cert FILE --ssl-key FILE] [--ssl-ca FILE] [--skip-ssl] [--require-secure-transport]\n"
            + "                [--allow-cleartext-passwords-without-tls]\n"
            + "  --port N          TCP port (default: conf/io.porpoise.server.cfg, else 3306)\n"
            + "  --bind ADDRESS    address to listen on (default: the .cfg, else 127.0.0.1)\n"
            + "  --data-dir DIR    accounts, keys and H2 data (default: the .cfg, else <install>/data)\n"
            + "  --console         also start the Gogo shell on this terminal\n"
            + "  TLS uses the PEM certificate and key given, else ca.pem, server-cert.pem and server-key.pem\n"
            + "  generated once in the data directory. --ssl-ca verifies client certificates (REQUIRE X509).";

    /**
     * The options of a {@code main}: a usage error is printed and exits with status 2;
     * {@code --help} prints the usage and gives null (nothing to run).
     */
    static Options fromCommandLine(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("porpoise: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return null;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return null;
        }
        return options;
    }

    static Options parse(String[] args) {
        Integer port = null;
        String bind = null;
        String dataDir = null;
        boolean console = false;
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
                case "--console":
                    console = true;
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
        return new Options(port, bind, dataDir, console, help, sslCert, sslKey, sslCa, skipSsl, requireSecure, cleartext);
    }

    /**
     * The options given, as server settings keys (those of {@code conf/io.porpoise.server.cfg});
     * the Felix launcher passes them as framework properties {@code porpoise.<key>}.
     */
    Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        if (port != null) {
            m.put("port", port.toString());
        }
        if (bind != null) {
            m.put("bind_address", bind);
        }
        if (dataDir != null) {
            m.put("datadir", java.nio.file.Path.of(dataDir).toAbsolutePath().toString());
        }
        if (sslCert != null) {
            m.put("ssl_cert", java.nio.file.Path.of(sslCert).toAbsolutePath().toString());
            m.put("ssl_key", java.nio.file.Path.of(sslKey).toAbsolutePath().toString());
        }
        if (sslCa != null) {
            m.put("ssl_ca", java.nio.file.Path.of(sslCa).toAbsolutePath().toString());
        }
        if (skipSsl) {
            m.put("tls", "false");
        }
        if (requireSecureTransport) {
            m.put("require_secure_transport", "true");
        }
        if (cleartextWithoutTls) {
            m.put("allow_cleartext_passwords_without_tls", "true");
        }
        return m;
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
