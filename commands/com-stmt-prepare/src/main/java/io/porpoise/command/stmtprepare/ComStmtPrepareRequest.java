package io.porpoise.command.stmtprepare;

import io.porpoise.charset.InvalidCharacterStringException;

/**
 * A decoded COM_STMT_PREPARE: the statement text, decoded with {@code character_set_client}.
 *
 * @param invalid non-null when the text is not valid in the client charset (answered with
 *     ER_INVALID_CHARACTER_STRING; {@code sql} is then only for the process list)
 */
public record ComStmtPrepareRequest(String sql, InvalidCharacterStringException invalid) {

    public ComStmtPrepareRequest(String sql) {
        this(sql, null);
    }
}
