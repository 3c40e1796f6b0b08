package io.porpoise.backend.h2;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * The backend's side of one prepared statement ({@code Prepared.handle()}). A statement H2 runs
 * itself holds a JDBC PreparedStatement ({@link #jdbc}); one the session answers (SHOW, DDL,
 * transaction control) or one H2 cannot prepare is <em>deferred</em>: it keeps its text and runs
 * through {@code query()} at each execution, parameters substituted as literals.
 */
final class H2Prepared {
    /** The registry that created it: a handle from another session is refused. */
    final PreparedStatements owner;
    /** The statement as the client sent it. */
    final String sql;
    /** Its significant tokens (without trailing ';'), for error mapping. */
    final List<Token> sig;
    /** All its tokens; kept for a deferred statement with parameters (substitution), else null. */
    final List<Token> tokens;
    final int parameterCount;
    /** H2 form only (null when deferred): the statement after the HAVING rewrite, before DmlRewriter. */
    final List<Token> h2Tokens;
    /**
     * The client parameter each H2 parameter takes, in H2's order: HAVING may repeat a select
     * item's expression, so one client parameter can appear more than once.
     */
    final int[] h2ToClient;
    /** The JDBC type to bind NULL with, per H2 parameter ({@code Types.NULL} when H2 could not tell). */
    final int[] nullTypes;
    /** INSERT or REPLACE: generated keys are read. */
    final boolean insert;
    /** MySQL's names for the result columns (nullable). */
    final ColumnNames names;
    /** The text uses DATABASE(), SCHEMA() or LAST_INSERT_ID(), which DmlRewriter replaces by the session's values. */
    final boolean contextual;

    /** Per client parameter, the column its value is stored into (null entries elsewhere); null when deferred. */
    AssignmentTargets.Target[] targets;

    /** The JDBC statement, null when deferred or closed. Used from the session's thread (closing excepted). */
    volatile PreparedStatement jdbc;
    /** The H2 SQL {@link #jdbc} was prepared from. */
    String h2sql;

    private H2Prepared(PreparedStatements owner, String sql, List<Token> sig, List<Token> tokens, int parameterCount, List<Token> h2Tokens,
            int[] h2ToClient, int[] nullTypes, boolean insert, ColumnNames names) {
        this.owner = owner;
        this.sql = sql;
        this.sig = sig;
        this.tokens = tokens;
        this.parameterCount = parameterCount;
        this.h2Tokens = h2Tokens;
        this.h2ToClient = h2ToClient;
        this.nullTypes = nullTypes;
        this.insert = insert;
        this.names = names;
        this.contextual = h2Tokens != null && usesSessionFunctions(sig);
    }

    /**
     * A statement run through {@code query()} at each execution. With parameters, result columns
     * keep the names of the text as written ({@code COALESCE(?, ?)}), not of the substituted one.
     */
    static H2Prepared deferred(PreparedStatements owner, String sql, List<Token> sig, List<Token> tokens, int parameterCount) {
        return parameterCount == 0 ? new H2Prepared(owner, sql, sig, null, 0, null, null, null, false, null)
                : new H2Prepared(owner, sql, sig, tokens, parameterCount, null, null, null, false, ColumnNames.of(tokens));
    }

    /** A statement H2 prepared as {@code jdbc} from {@code h2sql}. */
    static H2Prepared ofH2(PreparedStatements owner, String sql, List<Token> sig, int parameterCount, List<Token> h2Tokens, int[] h2ToClient,
            int[] nullTypes, boolean insert, ColumnNames names, PreparedStatement jdbc, String h2sql, AssignmentTargets.Target[] targets) {
        H2Prepared p = new H2Prepared(owner, sql, sig, null, parameterCount, h2Tokens, h2ToClient, nullTypes, insert, names);
        p.targets = targets;
        p.jdbc = jdbc;
        p.h2sql = h2sql;
        return p;
    }

    boolean isDeferred() {
        return h2Tokens == null;
    }

    private static boolean usesSessionFunctions(List<Token> sig) {
        for (int i = 0; i + 1 < sig.size(); i++) {
            Token t = sig.get(i);
            if ((t.is("DATABASE") || t.is("SCHEMA") || t.is("LAST_INSERT_ID")) && sig.get(i + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }
}
