package io.porpoise.backend;

import java.util.Map;

/**
 * Who a session is for.
 *
 * @param connectionId the server-wide unique connection id (what {@code CONNECTION_ID()} returns)
 * @param user the authenticated user name
 * @param host the client's host as matched ({@code localhost} for loopback)
 * @param schema the database the client asked for at connect time, or null
 * @param connectAttributes the client's connection attributes (driver name, version, ...)
 */
public record SessionInfo(long connectionId, String user, String host, String schema, Map<String, String> connectAttributes) {
    public SessionInfo {
        connectAttributes = Map.copyOf(connectAttributes);
    }
}
