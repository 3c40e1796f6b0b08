/** The caching_sha2_password auth plugin. */
module io.porpoise.auth.cachingsha2 {
    requires io.porpoise.auth;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.auth.AuthPlugin with io.porpoise.auth.cachingsha2.CachingSha2PasswordPlugin;
}
