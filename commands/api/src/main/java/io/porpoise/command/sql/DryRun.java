package io.porpoise.command.sql;

import io.porpoise.backend.BackendException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.SessionContext;

/**
 * The shared shape of the interceptors: one parser that either answers a statement or, in a
 * dry run, only says whether it would (for COM_STMT_PREPARE).
 */
public final class DryRun {
    /** Parses {@code sql}; unless {@code dryRun}, answers it through {@code context}. */
    public interface Statement {
        boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException;
    }

    private DryRun() {
    }

    /** Whether {@code statement} would answer {@code sql}; an error it would raise counts as an answer. */
    public static boolean accepts(Statement statement, String sql, SessionContext session) {
        try {
            return statement.run(sql, session, null, true);
        } catch (BackendException e) {
            return true;
        }
    }
}
