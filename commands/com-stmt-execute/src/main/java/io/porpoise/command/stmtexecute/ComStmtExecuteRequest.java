package io.porpoise.command.stmtexecute;

import io.porpoise.command.ServerStatement;
import io.porpoise.wire.binary.BinaryParameters;

/**
 * A decoded COM_STMT_EXECUTE. {@code statement} is null when the id is unknown (answered with
 * ER_UNKNOWN_STMT_HANDLER); {@code parameters} is null when the parameter block did not decode
 * (answered with ER_WRONG_ARGUMENTS).
 */
public record ComStmtExecuteRequest(long statementId, int flags, long iterations, ServerStatement statement,
        BinaryParameters parameters) {

    /** CURSOR_TYPE_READ_ONLY: keep the result open for COM_STMT_FETCH. */
    public static final int CURSOR_TYPE_READ_ONLY = 0x01;
    /** Bits of the flags byte MySQL defines (cursor types; 0x08 is PARAMETER_COUNT_AVAILABLE, not advertised). */
    static final int KNOWN_FLAGS = 0x07;

    public boolean wantsCursor() {
        return (flags & CURSOR_TYPE_READ_ONLY) != 0;
    }
}
