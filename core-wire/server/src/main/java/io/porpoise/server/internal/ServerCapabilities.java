package io.porpoise.server.internal;

import static io.porpoise.wire.CapabilityFlag.*;

import io.porpoise.wire.Capabilities;

/**
 * What the server advertises. Absent on purpose, until implemented: CLIENT_SSL (TLS),
 * CLIENT_COMPRESS and CLIENT_ZSTD_COMPRESSION_ALGORITHM (compression), CLIENT_MULTI_STATEMENTS,
 * CLIENT_PS_MULTI_RESULTS, CLIENT_SESSION_TRACK, CLIENT_QUERY_ATTRIBUTES (their packet formats
 * are not implemented), CLIENT_LOCAL_FILES (LOAD DATA LOCAL is refused), and
 * CLIENT_OPTIONAL_RESULTSET_METADATA.
 */
final class ServerCapabilities {
    static final Capabilities SERVER = Capabilities.of(
            CLIENT_LONG_PASSWORD, CLIENT_FOUND_ROWS, CLIENT_LONG_FLAG, CLIENT_CONNECT_WITH_DB, CLIENT_NO_SCHEMA,
            CLIENT_ODBC, CLIENT_IGNORE_SPACE, CLIENT_PROTOCOL_41, CLIENT_INTERACTIVE, CLIENT_IGNORE_SIGPIPE,
            CLIENT_TRANSACTIONS, CLIENT_RESERVED, CLIENT_SECURE_CONNECTION, CLIENT_MULTI_RESULTS, CLIENT_PLUGIN_AUTH,
            CLIENT_CONNECT_ATTRS, CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA, CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS,
            CLIENT_DEPRECATE_EOF);

    private ServerCapabilities() {
    }
}
