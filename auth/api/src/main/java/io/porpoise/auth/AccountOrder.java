package io.porpoise.auth;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * MySQL's order for matching a login against accounts (its {@code ACL_compare}): accounts whose
 * host is an address with a netmask first (longer masks first), then by the specificity of the
 * host ({@link HostPattern#specificity()}: literal names and addresses, then patterns with a late
 * wildcard, then {@code %}, then the empty host), and for equal hosts a named user before the
 * anonymous user {@code ''}. The first account whose host matches and whose user is the client's
 * or anonymous wins, so {@code ''@'localhost'} beats {@code 'bob'@'%'} for bob on localhost, as
 * in MySQL.
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/connection-access.html">Access Control, Stage 1: Connection Verification</a>
 */
public final class AccountOrder {
    /** Most specific first. */
    public static final Comparator<Account> MOST_SPECIFIC_FIRST = Comparator
            .comparing((Account a) -> !HostPattern.of(a.host()).isMasked())
            .thenComparing((Account a) -> -HostPattern.of(a.host()).mask())
            .thenComparing((Account a) -> -HostPattern.of(a.host()).specificity())
            .thenComparing((Account a) -> a.user().isEmpty())
            // Equally specific hosts: MySQL leaves the order open; ours is by name, so it is at least stable.
            .thenComparing(Account::host, String.CASE_INSENSITIVE_ORDER);

    private AccountOrder() {
    }

    /** The account a login by {@code user} from {@code client} matches. */
    public static Optional<Account> match(Collection<Account> accounts, String user, ClientHost client) {
        return accounts.stream()
                .filter(a -> a.user().isEmpty() || a.user().equals(user))
                .filter(a -> HostPattern.of(a.host()).matches(client))
                .min(MOST_SPECIFIC_FIRST);
    }
}
