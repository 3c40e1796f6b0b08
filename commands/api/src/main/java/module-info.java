/** Command SPI: COM_ handlers, their context, query interceptors and system variables. */
module io.porpoise.command {
    requires transitive io.porpoise.wire;
    requires transitive io.porpoise.backend;
    requires transitive io.porpoise.charset;
    requires transitive io.porpoise.auth;
    requires static osgi.annotation;

    exports io.porpoise.command;
    exports io.porpoise.command.sql;
}
