package io.porpoise.server.internal;

import static io.porpoise.wire.CapabilityFlag.*;

import io.porpoise.wire.Capabilities;

/**
 * What the server advertises. CLIENT_SSL is added when TLS is enabled ({@link #advertised});
 * CLIENT_COMPRESS and CLIENT_ZSTD_COMPRESSION_ALGORITHM per connection for the compression
 * plugins present and permitted ({@code CompressionNegotiation}). Left out on purpose:
 * CLIENT_PS_MULTI_RESULTS (only CALL of a stored procedure gives a prepared statement several
 * results, and stored procedures are not supported), CLIENT_SESSION_TRACK and
 * CLIENT_QUERY_ATTRIBUTES (their OK/COM_QUERY layouts are not produced or parsed), CLIENT_LOCAL_FILES
 * (LOAD DATA LOCAL is refused), CLIENT_OPTIONAL_RESULTSET_METADATA. A client only uses what
 * both sides advertise, so none of these formats ever reaches the server.
 */
final class ServerCapabilities {
    static final Capabilities SERVER = Capabilities.of(
            CLIENT_LONG_PASSWORD, CLIENT_FOUND_ROWS, CLIENT_LONG_FLAG, CLIENT_CONNECT_WITH_DB, CLIENT_NO_SCHEMA,
            CLIENT_ODBC, CLIENT_IGNORE_SPACE, CLIENT_PROTOCOL_41, CLIENT_INTERACTIVE, CLIENT_IGNORE_SIGPIPE,
            CLIENT_TRANSACTIONS, CLIENT_RESERVED, CLIENT_SECURE_CONNECTION, CLIENT_MULTI_STATEMENTS, CLIENT_MULTI_RESULTS, CLIENT_PLUGIN_AUTH,
            CLIENT_CONNECT_ATTRS, CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA, CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS,
            CLIENT_DEPRECATE_EOF);

    private ServerCapabilities() {
    }

    /** The handshake's capabilities: {@link #SERVER}, plus CLIENT_SSL when TLS is offered. */
    static Capabilities advertised(boolean tls) {
        return tls ? SERVER.with(CLIENT_SSL) : SERVER;
    }
}
