package io.porpoise.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;

/**
 * {@code bin/porpoise}: boots Apache Felix with the bundles of {@code bundles/} by start level
 * (1: OSGi services — SCR, ConfigAdmin, FileInstall; 2: libraries and plugins; 3: the server
 * component), and FileInstall watching {@code deploy/} (bundles) and {@code conf/} (*.cfg for
 * ConfigAdmin). Every bundle must resolve: one that does not is reported and the launcher
 * exits with status 1. Stops cleanly on SIGINT/SIGTERM.
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    static final int LEVEL_SERVICES = 1;
    static final int LEVEL_PLUGINS = 2;
    static final int LEVEL_SERVER = 3;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.fromCommandLine(args);
        if (options == null) {
            return;
        }
        Path home = Path.of(System.getProperty("porpoise.home", ".")).toAbsolutePath().normalize();
        Logs.configure(home);
        Map<String, String> properties = properties(home, options);
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(properties);
        framework.init();
        CacheOrigin.record(Path.of(properties.get(Constants.FRAMEWORK_STORAGE)), home.resolve("bundles"));
        installBundles(framework.getBundleContext(), home.resolve("bundles"), options.console());
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            try {
                framework.stop();
                framework.waitForStop(15_000);
            } catch (BundleException | InterruptedException e) {
                LOG.log(Level.WARNING, "stopping the framework", e);
            }
            ClassDataArchive.confirm();
        }, "porpoise-shutdown"));
        framework.start();
        List<String> unresolved = unresolved(framework.getBundleContext());
        if (!unresolved.isEmpty()) {
            unresolved.forEach(u -> {
                System.err.println("porpoise: bundle did not resolve: " + u);
                LOG.severe("bundle did not resolve: " + u);
            });
            framework.stop();
            framework.waitForStop(15_000);
            System.exit(1);
        }
        FrameworkEvent end = framework.waitForStop(0);
        if (!stopping.get() && (Boolean.getBoolean("porpoise.failed") || end.getType() == FrameworkEvent.ERROR)) {
            System.exit(1);
        }
    }

    /** Framework properties: storage, start level, FileInstall, and the command line's overrides. */
    static Map<String, String> properties(Path home, Options options) {
        Path data = options.dataDir() != null ? Path.of(options.dataDir()).toAbsolutePath() : home.resolve("data");
        Map<String, String> p = new HashMap<>();
        Path cache = data.resolve("felix-cache");
        p.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        // The cache is kept between starts (installing ~55 bundles anew costs a second); the
        // launcher brings it in line with bundles/ itself (installBundles), unless it was filled
        // from another install's bundles/ (CacheOrigin).
        if (CacheOrigin.changed(cache, home.resolve("bundles"))) {
            p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        }
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(LEVEL_SERVER + 1));
        // Netty and H2 look for JDK internals reflectively; let them see what the JDK exports.
        p.put(Constants.FRAMEWORK_BOOTDELEGATION, "sun.*,com.sun.*,jdk.internal.*");
        p.put("felix.log.level", "1");
        p.put("felix.fileinstall.dir", home.resolve("deploy") + "," + home.resolve("conf"));
        p.put("felix.fileinstall.filter", ".*\\.(jar|cfg|config)");
        p.put("felix.fileinstall.poll", "500");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.start.level", Integer.toString(LEVEL_PLUGINS));
        p.put("felix.fileinstall.log.level", "2");
        p.put("gosh.args", options.console() ? "" : "--nointeractive");
        p.put("porpoise.home", home.toString());
        options.settings().forEach((k, v) -> p.put("porpoise." + k, v));
        return p;
    }

    /**
     * Makes the installed bundles match {@code bundles/} (and {@code bundles/console/} with
     * {@code --console}): new jars are installed, jars changed since they were installed are
     * updated, bundles whose jar is gone are uninstalled. Bundles from elsewhere (FileInstall's
     * {@code deploy/}) are left to their installer.
     */
    private static void installBundles(BundleContext context, Path dir, boolean console) throws IOException, BundleException {
        List<Path> jars = jars(dir);
        if (console) {
            jars.addAll(jars(dir.resolve("console")));
        }
        Map<String, Bundle> installed = new HashMap<>();
        String managed = dir.toUri().toString();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != 0 && b.getLocation().startsWith(managed)) {
                installed.put(b.getLocation(), b);
            }
        }
        List<Bundle> wanted = new ArrayList<>();
        for (Path jar : jars) {
            String location = jar.toUri().toString();
            Bundle b = installed.remove(location);
            if (b == null) {
                b = context.installBundle(location);
            } else if (Files.getLastModifiedTime(jar).toMillis() > b.getLastModified()) {
                b.update();
            }
            b.adapt(BundleStartLevel.class).setStartLevel(levelOf(b));
            wanted.add(b);
        }
        for (Bundle gone : installed.values()) {
            gone.uninstall();
        }
        for (Bundle b : wanted) {
            if ((b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                b.start();
            }
        }
    }

    static int levelOf(Bundle b) {
        String name = b.getSymbolicName();
        if (name == null) {
            return LEVEL_PLUGINS;
        }
        if (name.equals("io.porpoise.osgi")) {
            return LEVEL_SERVER;
        }
        return name.startsWith("org.apache.felix.") || name.startsWith("org.osgi.") ? LEVEL_SERVICES : LEVEL_PLUGINS;
    }

    private static List<Path> jars(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            s.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    /** Bundles that are not resolved once the framework is up, with the resolver's reason. */
    private static List<String> unresolved(BundleContext context) {
        List<String> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (b.getState() == Bundle.INSTALLED) {
                String reason = "";
                if (!fragment) {
                    try {
                        b.start();
                        continue;
                    } catch (BundleException e) {
                        reason = ": " + e.getMessage();
                    }
                }
                out.add(b.getSymbolicName() + " " + b.getVersion() + reason);
            }
        }
        return out;
    }
}
