package io.porpoise.auth;

/**
 * What an account requires of the connection, MySQL's {@code CREATE USER ... REQUIRE} clause
 * ({@code mysql.user.ssl_type}). Checked after the password, as MySQL does; a login that does
 * not meet it is denied with ER_ACCESS_DENIED_ERROR. {@code REQUIRE ISSUER/SUBJECT/CIPHER} are
 * not supported.
 */
public enum TlsRequirement {
    /** {@code REQUIRE NONE}: any transport. */
    NONE,
    /** {@code REQUIRE SSL}: the connection must use TLS. */
    SSL,
    /**
     * {@code REQUIRE X509}: TLS, and the client presented a certificate that the server verified
     * against its CA ({@code ssl_ca}).
     */
    X509
}
