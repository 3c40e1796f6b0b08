/** The command-line launcher behind bin/porpoise. */
module io.porpoise.launcher {
    requires io.porpoise.server;
    requires java.logging;
}
