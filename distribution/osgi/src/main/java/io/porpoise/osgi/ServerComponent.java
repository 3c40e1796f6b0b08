package io.porpoise.osgi;

import io.porpoise.server.PorpoiseServer;
import io.porpoise.server.ServerConfig;
import java.lang.System.Logger.Level;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * The server inside Felix: started when this bundle starts (after the plugin bundles, by
 * start level), configured from ConfigAdmin, reconfigured live on {@code @Modified}, and
 * finding every plugin through {@link OsgiRegistry}. If the server cannot start (port taken,
 * unreadable data directory) the framework is stopped, so {@code bin/porpoise} exits with an
 * error rather than running without a server.
 */
@Component(service = {}, immediate = true, configurationPid = ServerComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ServerComponent {
    /** The ConfigAdmin PID: {@code conf/io.porpoise.server.cfg}. */
    public static final String PID = "io.porpoise.server";
    private static final System.Logger LOG = System.getLogger(ServerComponent.class.getName());

    private BundleContext context;
    private OsgiRegistry registry;
    private PorpoiseServer server;

    @Activate
    void activate(BundleContext bundleContext, Map<String, Object> properties) {
        context = bundleContext;
        registry = new OsgiRegistry(bundleContext);
        try {
            ServerConfig config = Settings.from(properties, bundleContext::getProperty);
            PorpoiseServer.Builder b = PorpoiseServer.builder().config(config).registry(registry);
            String rootPassword = System.getenv("PORPOISE_ROOT_PASSWORD");
            if (rootPassword != null) {
                b.initialRootPassword(rootPassword);
            }
            server = b.start();
            String ready = "Porpoise " + server.serverVersion() + " ready for connections on " + server.localAddress()
                    + " (data directory " + config.dataDirectory().toAbsolutePath() + ")";
            LOG.log(Level.INFO, ready);
            // Also on bin/porpoise's stdout whatever the logging configuration: scripts, the client
            // matrix and the distribution tests wait for this line.
            System.out.println(ready);
            // The launcher keeps the class-data-sharing archive of a run that got this far.
            System.setProperty("porpoise.ready", "true");
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the server could not start: " + e.getMessage(), e);
            System.err.println("porpoise: the server could not start: " + e.getMessage());
            registry.close();
            stopFramework(bundleContext);
        }
    }

    @Modified
    void modified(Map<String, Object> properties) {
        if (server == null) {
            return;
        }
        try {
            server.reconfigure(Settings.from(properties, context::getProperty));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "configuration " + PID + " not applied: " + e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (registry != null) {
            registry.close();
        }
    }

    /** Stops the framework from another thread (a bundle must not stop the framework from its activation). */
    private static void stopFramework(BundleContext context) {
        Thread t = new Thread(() -> {
            try {
                System.setProperty("porpoise.failed", "true");
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.log(Level.ERROR, "could not stop the framework", e);
            }
        }, "porpoise-stop");
        t.start();
    }
}
