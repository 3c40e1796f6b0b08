/** The sha256_password auth plugin. */
module io.porpoise.auth.sha256 {
    requires io.porpoise.auth;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.auth.AuthPlugin with io.porpoise.auth.sha256.Sha256PasswordPlugin;
}
