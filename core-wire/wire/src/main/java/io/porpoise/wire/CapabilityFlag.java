package io.porpoise.wire;

/**
 * Capability flags, with the bit each one occupies.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/group__group__cs__capabilities__flags.html">Capabilities flags</a>
 */
public enum CapabilityFlag {
    CLIENT_LONG_PASSWORD(0),
    CLIENT_FOUND_ROWS(1),
    CLIENT_LONG_FLAG(2),
    CLIENT_CONNECT_WITH_DB(3),
    CLIENT_NO_SCHEMA(4),
    CLIENT_COMPRESS(5),
    CLIENT_ODBC(6),
    CLIENT_LOCAL_FILES(7),
    CLIENT_IGNORE_SPACE(8),
    CLIENT_PROTOCOL_41(9),
    CLIENT_INTERACTIVE(10),
    CLIENT_SSL(11),
    CLIENT_IGNORE_SIGPIPE(12),
    CLIENT_TRANSACTIONS(13),
    CLIENT_RESERVED(14),
    CLIENT_SECURE_CONNECTION(15),
    CLIENT_MULTI_STATEMENTS(16),
    CLIENT_MULTI_RESULTS(17),
    CLIENT_PS_MULTI_RESULTS(18),
    CLIENT_PLUGIN_AUTH(19),
    CLIENT_CONNECT_ATTRS(20),
    CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA(21),
    CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS(22),
    CLIENT_SESSION_TRACK(23),
    CLIENT_DEPRECATE_EOF(24),
    CLIENT_OPTIONAL_RESULTSET_METADATA(25),
    CLIENT_ZSTD_COMPRESSION_ALGORITHM(26),
    CLIENT_QUERY_ATTRIBUTES(27),
    MULTI_FACTOR_AUTHENTICATION(28),
    CLIENT_CAPABILITY_EXTENSION(29),
    CLIENT_SSL_VERIFY_SERVER_CERT(30),
    CLIENT_REMEMBER_OPTIONS(31);

    private final long mask;

    CapabilityFlag(int bit) {
        this.mask = 1L << bit;
    }

    public long mask() {
        return mask;
    }
}
