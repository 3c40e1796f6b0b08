package io.porpoise.command;

import io.porpoise.auth.Account;
import io.porpoise.auth.Privileges;
import io.porpoise.backend.BackendException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's accounts, grants and login throttling, as account-management statements
 * ({@code CREATE USER}, {@code GRANT}, ...) and access checks use them. Implemented by the server,
 * reached through {@link SessionContext#accounts()}; thread-safe. Changes are persisted before
 * the method returns. Statements check the caller's privileges themselves: these methods do not.
 */
@ProviderType
public interface AccountManager {

    /** One host's consecutive failed logins (INFORMATION_SCHEMA.CONNECTION_CONTROL_FAILED_LOGIN_ATTEMPTS). */
    record FailedLogins(String userHost, long failedAttempts) {
    }

    /** The account with exactly this user and host (host compared case-insensitively). */
    Optional<Account> account(String user, String host);

    List<Account> accounts();

    /** The account's privileges as of now. */
    Privileges privileges(String user, String host);

    /** Names of the auth plugins installed now. */
    Set<String> authPlugins();

    /** The plugin of accounts created without {@code IDENTIFIED WITH}. */
    String defaultAuthPlugin();

    /**
     * The {@code authentication_string} {@code plugin} stores for {@code password}.
     *
     * @throws BackendException ER_PLUGIN_IS_NOT_LOADED when the plugin is not installed
     */
    String hashPassword(String plugin, String password) throws BackendException;

    /**
     * Checks a stored form given with {@code IDENTIFIED WITH plugin AS 'hash'}.
     *
     * @throws BackendException ER_PLUGIN_IS_NOT_LOADED or ER_PASSWORD_FORMAT
     */
    void checkAuthenticationString(String plugin, String authenticationString) throws BackendException;

    /** Creates the account with these privileges; false (and nothing changed) when it exists. */
    boolean create(Account account, Privileges privileges);

    /**
     * Replaces an account's plugin, credentials and transport requirement ({@code REQUIRE}); false
     * when there is no such account. Auth
     * plugins are told, so cached credentials (caching_sha2_password) are forgotten.
     */
    boolean alter(Account account);

    /** Drops an account and its grants; false when there is none. */
    boolean drop(String user, String host);

    /** Renames an account, keeping credentials and grants; false when the source is missing or the target exists. */
    boolean rename(String user, String host, String newUser, String newHost);

    /** Replaces an account's grants. */
    void savePrivileges(String user, String host, Privileges privileges);

    /** Hosts with failed logins counted by the login throttle. */
    List<FailedLogins> failedLoginAttempts();

    /** How many logins the throttle delayed (MySQL's Connection_control_delay_generated). */
    long delaysGenerated();
}
