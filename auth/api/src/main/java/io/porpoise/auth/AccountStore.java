package io.porpoise.auth;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where accounts live. Implementations are thread-safe; lookups are cheap (the server calls
 * {@link #find} on the network thread).
 */
@ConsumerType
public interface AccountStore {

    /**
     * The account a login matches, in MySQL's order: the most specific host first, then the
     * most specific user.
     *
     * @param clientHost {@code localhost} for loopback clients, else the client's address
     */
    Optional<Account> find(String user, String clientHost);

    List<Account> all();

    /** Adds or replaces the account with the same user and host. */
    void save(Account account);

    /** Removes an account; false when there was none. */
    boolean remove(String user, String host);
}
