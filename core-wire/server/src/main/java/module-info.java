/**
 * The Porpoise server: Netty bootstrap, connection state machine, sessions and the service
 * registry. Embedders start one with {@link io.porpoise.server.PorpoiseServer#builder()}.
 */
module io.porpoise.server {
    requires transitive io.porpoise.wire;
    requires transitive io.porpoise.command;
    requires transitive io.porpoise.auth;
    requires transitive io.porpoise.backend;
    requires transitive io.porpoise.charset;
    requires io.porpoise.compression;
    requires io.netty.handler;
    requires io.netty.common;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    requires static osgi.annotation;

    exports io.porpoise.server;

    uses io.porpoise.backend.Backend;
    uses io.porpoise.auth.AuthPlugin;
    uses io.porpoise.command.CommandHandler;
    uses io.porpoise.command.QueryInterceptor;
    uses io.porpoise.compression.CompressionAlgorithm;
}
