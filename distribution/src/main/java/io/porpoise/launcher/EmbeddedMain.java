package io.porpoise.launcher;

import io.porpoise.server.PorpoiseServer;
import io.porpoise.server.ServiceLoaderRegistry;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The server without OSGi: every jar of {@code bundles/} on the module path, plugins found by
 * {@link java.util.ServiceLoader} through their {@code provides}. The same jars the Felix
 * distribution runs; {@code DistributionIT} starts it this way too. Stops on SIGINT/SIGTERM.
 */
public final class EmbeddedMain {
    private EmbeddedMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.fromCommandLine(args);
        if (options == null) {
            return;
        }
        Path dataDir = Path.of(options.dataDir() != null ? options.dataDir() : "data");
        PorpoiseServer.Builder builder = PorpoiseServer.builder()
                .port(options.port() != null ? options.port() : 3306)
                .bindAddress(options.bind() != null ? options.bind() : "127.0.0.1")
                .dataDirectory(dataDir)
                .registry(ServiceLoaderRegistry.forModuleOf(EmbeddedMain.class))
                .tls(!options.skipSsl())
                .requireSecureTransport(options.requireSecureTransport())
                .cleartextPasswordsWithoutTls(options.cleartextWithoutTls());
        if (options.sslCert() != null) {
            builder.tlsCertificate(Path.of(options.sslCert()), Path.of(options.sslKey()));
        }
        if (options.sslCa() != null) {
            builder.tlsCa(Path.of(options.sslCa()));
        }
        String rootPassword = System.getenv("PORPOISE_ROOT_PASSWORD");
        if (rootPassword != null) {
            builder.initialRootPassword(rootPassword);
        }
        PorpoiseServer server = builder.start();
        System.out.println("Porpoise " + server.serverVersion() + " ready for connections on " + server.localAddress()
                + " (data directory " + dataDir.toAbsolutePath() + ")");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "porpoise-shutdown"));
        stopped.await();
    }
}
