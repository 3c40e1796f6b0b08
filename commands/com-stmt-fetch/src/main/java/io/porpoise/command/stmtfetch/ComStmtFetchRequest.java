package io.porpoise.command.stmtfetch;

/** A decoded COM_STMT_FETCH: which statement's cursor and how many rows at most. */
public record ComStmtFetchRequest(long statementId, long rows) {
}
