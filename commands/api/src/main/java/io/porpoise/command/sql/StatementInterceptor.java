package io.porpoise.command.sql;

import io.porpoise.backend.BackendException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;

/**
 * The shape of a statement interceptor: one parser, {@link #run}, that either answers a
 * statement or, in a dry run (COM_STMT_PREPARE asking whether the server would answer it),
 * only says whether it would. Subclasses give their name and ranking and write {@code run}.
 */
public abstract class StatementInterceptor implements QueryInterceptor {
    private final String name;
    private final int ranking;

    protected StatementInterceptor(String name, int ranking) {
        this.name = name;
        this.ranking = ranking;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int ranking() {
        return ranking;
    }

    @Override
    public final boolean intercept(String sql, CommandContext context) throws BackendException {
        return run(sql, context.session(), context, false);
    }

    /** Whether {@link #run} would answer {@code sql}; an error it would raise counts as an answer. */
    @Override
    public final boolean accepts(String sql, SessionContext session) {
        try {
            return run(sql, session, null, true);
        } catch (BackendException e) {
            return true;
        }
    }

    /**
     * Parses {@code sql}: false when it is not this interceptor's statement; otherwise, unless
     * {@code dryRun}, answers it through {@code context} (null in a dry run) and returns true.
     */
    protected abstract boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun)
            throws BackendException;
}
