package io.porpoise.command;

import io.porpoise.backend.BackendException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A server-level statement handler consulted by COM_QUERY before the backend: system
 * variables, {@code SET}, {@code USE}, {@code SHOW VARIABLES} and so on. Interceptors are
 * ordinary plugins, visible and replaceable; they run in descending {@link #RANKING_PROPERTY}
 * order and the first that answers wins.
 */
@ConsumerType
public interface QueryInterceptor {
    /** Service property: higher runs first (default 0). */
    String RANKING_PROPERTY = "service.ranking";

    /** A name for logs and for replacing this interceptor. */
    String name();

    /** Ranking among interceptors; higher runs first. */
    default int ranking() {
        return 0;
    }

    /**
     * Answers {@code sql} through {@code context} and returns true, or returns false without
     * touching the context to let the next interceptor (and finally the backend) have it.
     */
    boolean intercept(String sql, CommandContext context) throws BackendException;

    /**
     * Whether {@link #intercept} would answer {@code sql}, decided without side effects.
     * COM_STMT_PREPARE asks it so that server-level statements prepared by a client (PDO and
     * others prepare everything) run through the interceptors rather than the backend.
     */
    default boolean accepts(String sql, SessionContext session) {
        return false;
    }
}
