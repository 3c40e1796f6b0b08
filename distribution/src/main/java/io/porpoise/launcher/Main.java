package io.porpoise.launcher;

import io.porpoise.server.PorpoiseServer;
import io.porpoise.server.ServiceLoaderRegistry;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/porpoise}: starts the server in the foreground with the plugins and the backend
 * found on the module path, and stops it cleanly on SIGINT/SIGTERM.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("porpoise: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        PorpoiseServer.Builder builder = PorpoiseServer.builder()
                .port(options.port())
                .bindAddress(options.bind())
                .dataDirectory(Path.of(options.dataDir()))
                .registry(ServiceLoaderRegistry.forModuleOf(Main.class))
                .tls(!options.skipSsl())
                .requireSecureTransport(options.requireSecureTransport())
                .cleartextPasswordsWithoutTls(options.cleartextWithoutTls());
        if (options.sslCert().isPresent()) {
            builder.tlsCertificate(Path.of(options.sslCert().get()), Path.of(options.sslKey().orElseThrow()));
        }
        options.sslCa().ifPresent(ca -> builder.tlsCa(Path.of(ca)));
        String rootPassword = System.getenv("PORPOISE_ROOT_PASSWORD");
        if (rootPassword != null) {
            builder.initialRootPassword(rootPassword);
        }
        PorpoiseServer server = builder.start();
        System.out.println("Porpoise " + server.serverVersion() + " ready for connections on " + server.localAddress()
                + " (data directory " + Path.of(options.dataDir()).toAbsolutePath() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "porpoise-shutdown"));
        stopped.await();
    }
}
