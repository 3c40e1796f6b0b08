package io.porpoise.server.internal;

import io.porpoise.auth.Account;
import io.porpoise.auth.AccountStore;
import io.porpoise.auth.TlsRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts in {@code accounts.tsv} under the data directory: one line per account, user, host,
 * plugin and authentication string (hashes only), tab-separated, and a fifth field {@code SSL} or
 * {@code X509} for accounts with that REQUIRE clause (absent for REQUIRE NONE, so older files read
 * unchanged and files without such accounts stay readable by older servers). Rewritten atomically on
 * each change; read once at start.
 *
 * <p>Matching follows MySQL: hosts without wildcards before patterns, longer literal parts
 * first, then named users before the anonymous one.
 */
final class FileAccountStore implements AccountStore {
    static final String FILE = "accounts.tsv";
    private static final Comparator<Account> SPECIFICITY = Comparator
            .comparing((Account a) -> hasWildcard(a.host()))
            .thenComparing((Account a) -> -literalLength(a.host()))
            .thenComparing((Account a) -> a.user().isEmpty());

    private final Path file;
    private final List<Account> accounts = new ArrayList<>();

    private FileAccountStore(Path file) {
        this.file = file;
    }

    /** Opens the store; creates it with {@code initial} accounts when the file does not exist. */
    static FileAccountStore open(Path dataDir, List<Account> initial) {
        FileAccountStore store = new FileAccountStore(dataDir.resolve(FILE));
        try {
            if (Files.exists(store.file)) {
                for (String line : Files.readAllLines(store.file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    if (f.length != 4 && f.length != 5) {
                        throw new IllegalStateException(store.file + " line: " + line
                                + " (expected: user, host, plugin, hash[, SSL|X509])");
                    }
                    store.accounts.add(new Account(f[0], f[1], f[2], f[3], f.length == 5 ? tlsRequirement(f[4], store.file) : null));
                }
            } else {
                store.accounts.addAll(initial);
                store.persist();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    static boolean exists(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE));
    }

    @Override
    public synchronized Optional<Account> find(String user, String clientHost) {
        return accounts.stream()
                .filter(a -> a.user().isEmpty() || a.user().equals(user))
                .filter(a -> hostMatches(a.host(), clientHost))
                .sorted(SPECIFICITY)
                .findFirst();
    }

    @Override
    public synchronized List<Account> all() {
        return List.copyOf(accounts);
    }

    @Override
    public synchronized void save(Account account) {
        accounts.removeIf(a -> a.user().equals(account.user()) && a.host().equalsIgnoreCase(account.host()));
        accounts.add(account);
        persist();
    }

    @Override
    public synchronized boolean remove(String user, String host) {
        boolean removed = accounts.removeIf(a -> a.user().equals(user) && a.host().equalsIgnoreCase(host));
        if (removed) {
            persist();
        }
        return removed;
    }

    private void persist() {
        StringBuilder sb = new StringBuilder();
        for (Account a : accounts) {
            sb.append(a.user()).append('\t').append(a.host()).append('\t').append(a.plugin()).append('\t')
                    .append(a.authenticationString());
            if (a.tlsRequirement() != TlsRequirement.NONE) {
                sb.append('\t').append(a.tlsRequirement().name());
            }
            sb.append('\n');
        }
        try {
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TlsRequirement tlsRequirement(String field, Path file) {
        try {
            return TlsRequirement.valueOf(field);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " REQUIRE field: " + field + " (expected: NONE, SSL or X509)", e);
        }
    }

    static boolean hostMatches(String pattern, String host) {
        return like(pattern.toLowerCase(Locale.ROOT), 0, host.toLowerCase(Locale.ROOT), 0);
    }

    /** SQL LIKE with % and _ (no escapes: host names have none). */
    private static boolean like(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                for (int k = si; k <= s.length(); k++) {
                    if (like(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '_' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    private static boolean hasWildcard(String host) {
        return host.indexOf('%') >= 0 || host.indexOf('_') >= 0;
    }

    private static int literalLength(String host) {
        return host.replace("%", "").replace("_", "").length();
    }
}
