/** The mysql_native_password auth plugin. */
module io.porpoise.auth.nativepassword {
    requires io.porpoise.auth;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.auth.AuthPlugin with io.porpoise.auth.nativepassword.NativePasswordPlugin;
}
