package io.porpoise.command.accounts;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.backend.BackendException;
import io.porpoise.command.AccountManager;

/**
 * An {@code IDENTIFIED ...} clause: {@code IDENTIFIED BY 'password'},
 * {@code IDENTIFIED WITH plugin [BY 'password' | AS 'hash']}. The clear password lives only
 * here, between parsing and hashing; it is never stored or logged.
 *
 * @param plugin the plugin named, or null for the account's current (or the default) one
 * @param password the clear password, or null
 * @param hash the stored form given with AS, or null
 */
record Credentials(String plugin, String password, String hash) {

    /** Parses after {@code IDENTIFIED}. */
    static Credentials parse(String sql, Tokens t) throws BackendException {
        if (t.acceptWord("BY")) {
            if (t.peek().isWord("RANDOM")) {
                throw Errors.of("ER_NOT_SUPPORTED_YET", "IDENTIFIED BY RANDOM PASSWORD");
            }
            return new Credentials(null, string(sql, t), null);
        }
        if (!t.acceptWord("WITH")) {
            throw Errors.syntax(sql, t.peek());
        }
        Token p = t.next();
        if (!p.isName() && p.kind() != Token.Kind.STRING || p.isWord("BY") || p.isWord("AS")) {
            throw Errors.syntax(sql, p);
        }
        if (t.acceptWord("BY")) {
            if (t.peek().isWord("RANDOM")) {
                throw Errors.of("ER_NOT_SUPPORTED_YET", "IDENTIFIED BY RANDOM PASSWORD");
            }
            return new Credentials(p.text(), string(sql, t), null);
        }
        if (t.acceptWord("AS")) {
            return new Credentials(p.text(), null, string(sql, t));
        }
        return new Credentials(p.text(), null, null);
    }

    private static String string(String sql, Tokens t) throws BackendException {
        Token s = t.next();
        if (s.kind() != Token.Kind.STRING) {
            throw Errors.syntax(sql, s);
        }
        return s.text();
    }

    /** The plugin to store: the one named, else {@code current}. */
    String pluginOr(String current) {
        return plugin != null ? plugin : current;
    }

    /**
     * The authentication string for {@code plugin}: the hash of the password, the given hash
     * (checked), or empty (an account without a password).
     */
    String authenticationString(AccountManager accounts, String plugin) throws BackendException {
        if (hash != null) {
            accounts.checkAuthenticationString(plugin, hash);
            return hash;
        }
        return accounts.hashPassword(plugin, password == null ? "" : password);
    }

    @Override
    public String toString() {
        return "Credentials[plugin=" + plugin + "]";
    }
}
