package io.porpoise.command.accounts;

import io.porpoise.command.sql.Token;
import io.porpoise.backend.BackendException;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerErrors;

/** MySQL errors as BackendExceptions, for the interceptors to throw. */
final class Errors {
    private Errors() {
    }

    static BackendException of(String symbol, Object... args) {
        ServerError e = ServerErrors.of(symbol);
        return new BackendException(e.code(), e.sqlState(), e.format(args));
    }

    /** ER_PARSE_ERROR near the text from {@code at}, as MySQL words it. */
    static BackendException syntax(String sql, Token at) {
        String near = at.kind() == Token.Kind.END ? "" : sql.substring(at.start());
        return of("ER_PARSE_ERROR", ServerErrors.of("ER_SYNTAX_ERROR").format(), near, 1);
    }

    /** ER_SPECIFIC_ACCESS_DENIED_ERROR naming the privilege needed. */
    static BackendException needs(String privileges) {
        return of("ER_SPECIFIC_ACCESS_DENIED_ERROR", privileges);
    }

    /** ER_DBACCESS_DENIED_ERROR for the session's account. */
    static BackendException database(SessionContext s, String db) {
        return of("ER_DBACCESS_DENIED_ERROR", s.accountUser(), s.accountHost(), db);
    }

    /** ER_TABLEACCESS_DENIED_ERROR: MySQL names the account's user and the client's host. */
    static BackendException table(SessionContext s, String command, String table) {
        return of("ER_TABLEACCESS_DENIED_ERROR", command, s.accountUser(), s.host(), table);
    }
}
