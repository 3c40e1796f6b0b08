package io.porpoise.auth;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where accounts and their grants live. Implementations are thread-safe; lookups are cheap (the
 * server calls {@link #find} on the network thread and {@link #privileges} for every statement).
 * Only hashed credentials are stored, never a clear password.
 */
@ConsumerType
public interface AccountStore {

    /**
     * The account a login matches, in MySQL's order ({@link AccountOrder}): the most specific
     * host first, then the named user before the anonymous one.
     */
    Optional<Account> find(String user, ClientHost client);

    /** The account with exactly this user and host (the host compared case-insensitively). */
    default Optional<Account> get(String user, String host) {
        return all().stream().filter(a -> a.user().equals(user) && a.host().equalsIgnoreCase(host)).findFirst();
    }

    List<Account> all();

    /** Adds or replaces the account with the same user and host (its grants stay). */
    void save(Account account);

    /** Removes an account and its grants; false when there was none. */
    boolean remove(String user, String host);

    /** The account's privileges ({@link Privileges#NONE} for an unknown account). */
    Privileges privileges(String user, String host);

    /** Replaces the account's grants (empty grants are dropped). */
    void savePrivileges(String user, String host, Privileges privileges);
}
