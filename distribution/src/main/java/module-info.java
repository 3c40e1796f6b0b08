/**
 * The launcher behind bin/porpoise: {@link io.porpoise.launcher.Main} boots Apache Felix
 * (class path: this jar and the Felix framework); {@link io.porpoise.launcher.EmbeddedMain}
 * runs the same plugin jars on the module path without OSGi.
 */
module io.porpoise.launcher {
    requires io.porpoise.server;
    requires java.logging;
    requires static org.apache.felix.framework;
}
