package io.porpoise.command.stmtprepare;

/** A decoded COM_STMT_PREPARE: the statement text, decoded with {@code character_set_client}. */
public record ComStmtPrepareRequest(String sql) {
}
