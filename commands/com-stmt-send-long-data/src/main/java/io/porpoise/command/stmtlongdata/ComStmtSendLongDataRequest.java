package io.porpoise.command.stmtlongdata;

/** A decoded COM_STMT_SEND_LONG_DATA: one chunk of one parameter's value. */
public record ComStmtSendLongDataRequest(long statementId, int parameter, byte[] data) {
}
