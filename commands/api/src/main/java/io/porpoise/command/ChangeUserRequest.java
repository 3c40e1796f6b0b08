package io.porpoise.command;

import java.util.Map;
import java.util.Objects;

/**
 * A decoded COM_CHANGE_USER, handed to the server with {@link CommandContext#changeUser}.
 *
 * @param user the user to authenticate as
 * @param authResponse the client's first auth response, computed with the initial handshake's scramble
 * @param database the database to use, or null
 * @param characterSet the client's collation id, or 0 when the packet has none (the session's stays)
 * @param authPluginName the client plugin that computed {@code authResponse}, or empty
 * @param connectAttributes connection attributes, empty when none were sent
 */
public record ChangeUserRequest(String user, byte[] authResponse, String database, int characterSet, String authPluginName,
        Map<String, String> connectAttributes) {
    public ChangeUserRequest {
        Objects.requireNonNull(user, "user");
        authResponse = authResponse.clone();
        authPluginName = authPluginName == null ? "" : authPluginName;
        connectAttributes = Map.copyOf(connectAttributes);
    }

    @Override
    public byte[] authResponse() {
        return authResponse.clone();
    }

    @Override
    public String toString() {
        // Never the auth response: it is derived from the password.
        return "ChangeUserRequest[user=" + user + ", database=" + database + ", characterSet=" + characterSet
                + ", authPluginName=" + authPluginName + "]";
    }
}
