package io.porpoise.command.query;

/**
 * A decoded COM_QUERY: the statement text, decoded with {@code character_set_client}. Query
 * attributes are not part of it because CLIENT_QUERY_ATTRIBUTES is not advertised.
 */
public record ComQueryRequest(String sql) {
}
