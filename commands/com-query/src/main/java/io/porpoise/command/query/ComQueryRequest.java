package io.porpoise.command.query;

import io.porpoise.charset.InvalidCharacterStringException;

/**
 * A decoded COM_QUERY: the statement text, decoded with {@code character_set_client}. Query
 * attributes are not part of it because CLIENT_QUERY_ATTRIBUTES is not advertised.
 *
 * @param invalid non-null when the text is not valid in the client charset: the command then
 *     answers ER_INVALID_CHARACTER_STRING and {@code sql} is only the text shown in the process list
 */
public record ComQueryRequest(String sql, InvalidCharacterStringException invalid) {

    public ComQueryRequest(String sql) {
        this(sql, null);
    }
}
