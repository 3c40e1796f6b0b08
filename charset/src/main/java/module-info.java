/** MySQL collations (id, charset, name) and the Java charsets that convert them. */
module io.porpoise.charset {
    requires static osgi.annotation;

    exports io.porpoise.charset;
}
