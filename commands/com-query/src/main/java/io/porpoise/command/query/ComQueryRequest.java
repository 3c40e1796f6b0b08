package io.porpoise.command.query;

import io.porpoise.charset.InvalidCharacterStringException;
import io.porpoise.command.QueryStatements;
import io.porpoise.command.QueryText;
import java.nio.charset.StandardCharsets;

/**
 * A decoded COM_QUERY: the statement text, decoded with {@code character_set_client}, and the
 * statements it holds (several with multi-statements). Query attributes are not part of it
 * because CLIENT_QUERY_ATTRIBUTES is not advertised.
 *
 * @param statements the text cut at its statement-ending semicolons; null when {@code invalid}
 * @param invalid non-null when the text is not valid in the client charset: the command then
 *     answers ER_INVALID_CHARACTER_STRING and {@code sql} is only the text shown in the process list
 */
public record ComQueryRequest(String sql, QueryStatements statements, InvalidCharacterStringException invalid) {

    /** The request a utf8mb4 client sends for {@code sql}. */
    public ComQueryRequest(String sql) {
        this(sql, utf8(sql), null);
    }

    private static QueryStatements utf8(String sql) {
        try {
            return QueryText.split(sql.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "utf8mb4");
        } catch (InvalidCharacterStringException e) {
            throw new IllegalArgumentException("sql: not encodable as utf8mb4 (expected: text)", e);
        }
    }
}
