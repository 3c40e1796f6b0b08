package io.porpoise.command.accounts;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.backend.BackendException;
import io.porpoise.command.SessionContext;

/**
 * An account name as statements write it: {@code user}, {@code 'user'@'host'},
 * {@code `user`@localhost}, {@code CURRENT_USER} or {@code CURRENT_USER()}. A missing host is
 * {@code %}.
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/account-names.html">Specifying Account Names</a>
 */
record AccountName(String user, String host) {
    static final int MAX_USER = 32;
    static final int MAX_HOST = 255;

    /** Reads one account name; throws ER_PARSE_ERROR when there is none. */
    static AccountName parse(String sql, Tokens t, SessionContext session) throws BackendException {
        Token first = t.next();
        if (first.isWord("CURRENT_USER")) {
            if (t.acceptSymbol("(") && !t.acceptSymbol(")")) {
                throw Errors.syntax(sql, t.peek());
            }
            return new AccountName(session.accountUser(), session.accountHost());
        }
        if (!first.isName() && first.kind() != Token.Kind.STRING) {
            throw Errors.syntax(sql, first);
        }
        String host = "%";
        if (t.peek().kind() == Token.Kind.USER_VARIABLE) {
            Token h = t.next();
            if (h.end() - h.start() <= 1) {
                throw Errors.syntax(sql, h);
            }
            host = h.text();
        }
        AccountName name = new AccountName(first.text(), host);
        if (name.user.length() > MAX_USER) {
            throw Errors.of("ER_WRONG_STRING_LENGTH", name.user, "user name", MAX_USER);
        }
        if (name.host.length() > MAX_HOST) {
            throw Errors.of("ER_WRONG_STRING_LENGTH", name.host, "host name", MAX_HOST);
        }
        return name;
    }

    /** {@code 'user'@'host'}, as error messages write accounts. */
    String quoted() {
        return "'" + user + "'@'" + host + "'";
    }

    /** {@code `user`@`host`}, as SHOW GRANTS and SHOW CREATE USER write accounts. */
    String backquoted() {
        return "`" + user.replace("`", "``") + "`@`" + host.replace("`", "``") + "`";
    }

    boolean is(String u, String h) {
        return user.equals(u) && host.equalsIgnoreCase(h);
    }
}
