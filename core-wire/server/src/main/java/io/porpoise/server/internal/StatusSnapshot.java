package io.porpoise.server.internal;

import io.porpoise.command.StatusVariables;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The status variables one session sees, computed on each call from the server's counters
 * and the connection's own. Session scope lists the session values plus the global-only
 * variables, as MySQL's {@code SHOW SESSION STATUS} does.
 */
final class StatusSnapshot implements StatusVariables {
    private final ServerRuntime server;
    private final ConnectionStatus connection;

    StatusSnapshot(ServerRuntime server, ConnectionStatus connection) {
        this.server = server;
        this.connection = connection;
    }

    @Override
    public SortedMap<String, String> global() {
        ServerStatusCounters c = server.statusCounters();
        SortedMap<String, String> m = globalOnly();
        m.put("Bytes_received", Long.toString(c.bytesReceived()));
        m.put("Bytes_sent", Long.toString(c.bytesSent()));
        m.put("Questions", Long.toString(c.questions()));
        m.put("Queries", Long.toString(c.questions()));
        m.put("Ssl_cipher", "");
        m.put("Ssl_version", "");
        return m;
    }

    @Override
    public SortedMap<String, String> session() {
        SortedMap<String, String> m = globalOnly();
        m.put("Bytes_received", Long.toString(connection.bytesReceived()));
        m.put("Bytes_sent", Long.toString(connection.bytesSent()));
        m.put("Questions", Long.toString(connection.questions()));
        m.put("Queries", Long.toString(connection.questions()));
        m.put("Ssl_cipher", connection.tlsCipher());
        m.put("Ssl_version", connection.tlsVersion());
        m.put("Compression", connection.isCompressed() ? "ON" : "OFF");
        m.put("Compression_algorithm", connection.compressionAlgorithm());
        m.put("Compression_level", connection.isCompressed() ? Integer.toString(connection.compressionLevel()) : "0");
        return m;
    }

    private SortedMap<String, String> globalOnly() {
        ServerStatusCounters c = server.statusCounters();
        SortedMap<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        long uptime = c.uptimeSeconds();
        m.put("Aborted_connects", Long.toString(c.abortedConnects()));
        m.put("Connections", Long.toString(c.connections()));
        // connection_control's counter: logins the throttle delayed.
        m.put("Connection_control_delay_generated", Long.toString(server.loginThrottle().delaysGenerated()));
        m.put("Max_used_connections", Integer.toString(c.maxUsedConnections()));
        m.put("Prepared_stmt_count", Integer.toString(server.preparedStatementCount().get()));
        m.put("Ssl_accepts", Long.toString(c.tlsAttempts()));
        m.put("Ssl_finished_accepts", Long.toString(c.tlsAccepts()));
        ServerTls tls = server.tls().orElse(null);
        m.put("Ssl_server_not_before", tls == null ? "" : tls.notBefore());
        m.put("Ssl_server_not_after", tls == null ? "" : tls.notAfter());
        m.put("Current_tls_ca", tls == null ? "" : tls.caFile().map(Object::toString).orElse(""));
        m.put("Current_tls_cert", tls == null ? "" : tls.certificateFile().toString());
        m.put("Current_tls_key", tls == null ? "" : tls.keyFile().toString());
        m.put("Current_tls_version", tls == null ? "" : String.join(",", ServerTls.PROTOCOLS_ASCENDING));
        m.put("Threads_connected", Integer.toString(server.openConnections()));
        m.put("Threads_running", Long.toString(server.runningCommands()));
        m.put("Uptime", Long.toString(uptime));
        m.put("Uptime_since_flush_status", Long.toString(uptime));
        return m;
    }
}
