package io.porpoise.server.internal;

import io.porpoise.command.AccountManager;
import io.porpoise.command.SystemVariables;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Delays logins from a host after repeated failures, like MySQL's connection-control plugin and
 * with its system variables: after {@code connection_control_failed_connections_threshold}
 * consecutive failures from a host, every further attempt from it (failed or not) is answered
 * only after a delay, and a success resets the count. The first delayed attempt waits
 * {@code connection_control_min_connection_delay} ms and each further failure doubles the delay
 * (MySQL adds a second per failure; the exponential growth is this project's choice), up to
 * {@code connection_control_max_connection_delay}. A threshold of 0 disables counting; setting the
 * threshold resets the counts, as in MySQL.
 *
 * <p>Counted per client host (not per user@host as in MySQL), so guessing many user names from
 * one host is slowed down as much as guessing one user's password. The delay is applied the
 * same way to an unknown user and to a wrong password. Thread-safe.
 */
final class LoginThrottle {
    static final String THRESHOLD = "connection_control_failed_connections_threshold";
    static final String MIN_DELAY = "connection_control_min_connection_delay";
    static final String MAX_DELAY = "connection_control_max_connection_delay";

    private final SystemVariables variables;
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private final AtomicLong delaysGenerated = new AtomicLong();

    LoginThrottle(SystemVariables variables) {
        this.variables = variables;
        variables.addListener((name, value) -> {
            if (name.equals(THRESHOLD)) {
                failures.clear();
            }
        });
    }

    /**
     * Records the outcome of a login attempt from {@code host} and returns how long to hold its
     * answer, in milliseconds (0 for none), based on the failures before this attempt.
     */
    long attemptFinished(String host, boolean failed) {
        long threshold = number(THRESHOLD, 3);
        if (threshold <= 0) {
            return 0;
        }
        Long before = failed ? Long.valueOf(failures.merge(host, 1L, Long::sum) - 1) : failures.remove(host);
        if (before == null || before < threshold) {
            return 0;
        }
        delaysGenerated.incrementAndGet();
        long min = Math.max(0, number(MIN_DELAY, 1000));
        long max = Math.max(min, number(MAX_DELAY, Integer.MAX_VALUE));
        long steps = before - threshold;
        long delay = min;
        for (long i = 0; i < steps && delay < max; i++) {
            delay = delay == 0 ? 0 : delay * 2;
        }
        return Math.min(delay, max);
    }

    List<AccountManager.FailedLogins> failedLogins() {
        return failures.entrySet().stream()
                .map(e -> new AccountManager.FailedLogins("'%'@'" + e.getKey() + "'", e.getValue()))
                .sorted(Comparator.comparing(AccountManager.FailedLogins::userHost))
                .collect(Collectors.toUnmodifiableList());
    }

    long delaysGenerated() {
        return delaysGenerated.get();
    }

    private long number(String name, long fallback) {
        Object v = variables.global(name);
        return v instanceof Long ? (Long) v : fallback;
    }
}
