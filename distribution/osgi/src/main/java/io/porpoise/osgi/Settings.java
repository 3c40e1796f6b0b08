package io.porpoise.osgi;

import io.porpoise.server.ServerConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The server's settings from ConfigAdmin ({@code conf/io.porpoise.server.cfg}), with the
 * command line's overrides (framework properties {@code porpoise.<key>} set by the launcher)
 * winning over the file, and built-in defaults when neither says anything. Every key is listed
 * in the README.
 */
final class Settings {
    static final String PORT = "port";
    static final String BIND_ADDRESS = "bind_address";
    static final String DATADIR = "datadir";
    static final String MAX_CONNECTIONS = "max_connections";
    static final String MAX_ALLOWED_PACKET = "max_allowed_packet";
    static final String DEFAULT_AUTH_PLUGIN = "default_authentication_plugin";
    static final String AUTH_PLUGINS = "auth_plugins";
    static final String DEFAULT_BACKEND = "default_backend";
    static final String TLS = "tls";
    static final String SSL_CERT = "ssl_cert";
    static final String SSL_KEY = "ssl_key";
    static final String SSL_CA = "ssl_ca";
    static final String REQUIRE_SECURE_TRANSPORT = "require_secure_transport";
    static final String CLEARTEXT_WITHOUT_TLS = "allow_cleartext_passwords_without_tls";

    private Settings() {
    }

    /**
     * @param config ConfigAdmin's properties (empty without a configuration)
     * @param overrides framework properties: {@code porpoise.<key>} from the command line, and
     *     {@code porpoise.home} (the install directory) for the default data directory
     */
    static ServerConfig from(Map<String, ?> config, Function<String, String> overrides) {
        Function<String, String> value = key -> {
            String o = overrides.apply("porpoise." + key);
            if (o != null && !o.isBlank()) {
                return o.trim();
            }
            Object v = config.get(key);
            return v == null || v.toString().isBlank() ? null : v.toString().trim();
        };
        ServerConfig.Builder b = ServerConfig.builder();
        String port = value.apply(PORT);
        if (port != null) {
            b.port(parseInt(PORT, port));
        }
        String bind = value.apply(BIND_ADDRESS);
        if (bind != null) {
            b.bindAddress(bind);
        }
        String home = overrides.apply("porpoise.home");
        String datadir = value.apply(DATADIR);
        if (datadir != null) {
            Path p = Path.of(datadir);
            b.dataDirectory(p.isAbsolute() || home == null ? p : Path.of(home).resolve(p));
        } else if (home != null) {
            b.dataDirectory(Path.of(home, "data"));
        }
        String max = value.apply(MAX_CONNECTIONS);
        if (max != null) {
            b.maxConnections(parseInt(MAX_CONNECTIONS, max));
        }
        String packet = value.apply(MAX_ALLOWED_PACKET);
        if (packet != null) {
            b.maxAllowedPacket(parseSize(MAX_ALLOWED_PACKET, packet));
        }
        String plugin = value.apply(DEFAULT_AUTH_PLUGIN);
        if (plugin != null) {
            b.defaultAuthPlugin(plugin);
        }
        String plugins = value.apply(AUTH_PLUGINS);
        if (plugins != null) {
            b.enabledAuthPlugins(Arrays.stream(plugins.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet()));
        } else {
            b.enabledAuthPlugins(Set.of());
        }
        b.defaultBackend(value.apply(DEFAULT_BACKEND));
        String cert = value.apply(SSL_CERT);
        String key = value.apply(SSL_KEY);
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException(SSL_CERT + " and " + SSL_KEY + ": only one given (expected: both or neither)");
        }
        String ca = value.apply(SSL_CA);
        b.tls(new ServerConfig.Tls(parseBoolean(TLS, value.apply(TLS), true), Optional.ofNullable(cert).map(c -> path(c, home)),
                Optional.ofNullable(key).map(k -> path(k, home)), Optional.ofNullable(ca).map(c -> path(c, home))));
        b.requireSecureTransport(parseBoolean(REQUIRE_SECURE_TRANSPORT, value.apply(REQUIRE_SECURE_TRANSPORT), false));
        b.cleartextPasswordsWithoutTls(parseBoolean(CLEARTEXT_WITHOUT_TLS, value.apply(CLEARTEXT_WITHOUT_TLS), false));
        return b.build();
    }

    private static Path path(String p, String home) {
        Path path = Path.of(p);
        return path.isAbsolute() || home == null ? path : Path.of(home).resolve(path);
    }

    private static boolean parseBoolean(String key, String v, boolean fallback) {
        if (v == null) {
            return fallback;
        }
        switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "on": case "1": case "yes":
                return true;
            case "false": case "off": case "0": case "no":
                return false;
            default:
                throw new IllegalArgumentException(key + ": " + v + " (expected: true or false)");
        }
    }

    private static int parseInt(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": " + v + " (expected: a whole number)");
        }
    }

    /** A byte count with MySQL's optional K/M/G suffix (max_allowed_packet=64M). */
    static long parseSize(String key, String v) {
        String s = v.toUpperCase(java.util.Locale.ROOT);
        long unit = 1;
        char last = s.charAt(s.length() - 1);
        if (last == 'K' || last == 'M' || last == 'G') {
            unit = last == 'K' ? 1024L : last == 'M' ? 1024L * 1024 : 1024L * 1024 * 1024;
            s = s.substring(0, s.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(s.trim()), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + ": " + v + " (expected: bytes, optionally with K, M or G)");
        }
    }
}
