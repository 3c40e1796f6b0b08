/** MariaDB's client_ed25519 auth plugin. */
module io.porpoise.auth.ed25519 {
    requires io.porpoise.auth;
    requires org.bouncycastle.provider;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.auth.AuthPlugin with io.porpoise.auth.ed25519.Ed25519PasswordPlugin;
}
