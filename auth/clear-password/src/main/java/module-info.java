/** The mysql_clear_password auth plugin. */
module io.porpoise.auth.clearpassword {
    requires io.porpoise.auth;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.auth.AuthPlugin with io.porpoise.auth.clearpassword.ClearPasswordPlugin;
}
