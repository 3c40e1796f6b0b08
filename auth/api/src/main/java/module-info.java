/** Authentication SPI: plugins, accounts and account stores. */
module io.porpoise.auth {
    requires static osgi.annotation;

    exports io.porpoise.auth;
}
