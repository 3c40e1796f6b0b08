package io.porpoise.server.internal;

import io.porpoise.auth.Account;
import io.porpoise.auth.AccountOrder;
import io.porpoise.auth.AccountStore;
import io.porpoise.auth.ClientHost;
import io.porpoise.auth.Grant;
import io.porpoise.auth.Privilege;
import io.porpoise.auth.Privileges;
import io.porpoise.auth.TlsRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts and grants under the data directory, hashes only. {@code accounts.tsv}: one line per
 * account, user, host, plugin and authentication string, and a fifth field {@code SSL} or
 * {@code X509} for accounts with that REQUIRE clause (absent for REQUIRE NONE, so older files read
 * unchanged). {@code grants.tsv}: one line per grant,
 * user, host, database (empty for {@code *.*}), table (empty for {@code db.*}), the privileges
 * (comma-separated SQL names) and {@code Y}/{@code N} for the grant option. Tabs, newlines and
 * backslashes in values are backslash-escaped. Both files are rewritten atomically on each change
 * and read once at start.
 *
 * <p>A data directory from before grants existed (an {@code accounts.tsv} without
 * {@code grants.tsv}) is migrated by granting every existing account ALL PRIVILEGES ON *.* WITH
 * GRANT OPTION: that is what they could do before, so nobody loses access.
 */
final class FileAccountStore implements AccountStore {
    private static final System.Logger LOG = System.getLogger(FileAccountStore.class.getName());
    static final String FILE = "accounts.tsv";
    private static final String ACCOUNTS = FILE;
    private static final String GRANTS = "grants.tsv";

    private final Path dir;
    private final List<Account> accounts = new ArrayList<>();
    private final Map<String, Privileges> privileges = new LinkedHashMap<>();

    private FileAccountStore(Path dir) {
        this.dir = dir;
    }

    /** Opens the store; creates it with {@code initial} accounts, each with ALL ON *.* WITH GRANT OPTION, when there is none. */
    static FileAccountStore open(Path dataDir, List<Account> initial) {
        FileAccountStore store = new FileAccountStore(dataDir);
        try {
            Path accountsFile = dataDir.resolve(ACCOUNTS);
            if (Files.exists(accountsFile)) {
                store.readAccounts(accountsFile);
                Path grantsFile = dataDir.resolve(GRANTS);
                if (Files.exists(grantsFile)) {
                    store.readGrants(grantsFile);
                } else {
                    LOG.log(Level.INFO, "no " + GRANTS + " yet: granting the existing accounts ALL PRIVILEGES ON *.* WITH GRANT OPTION");
                    store.accounts.forEach(store::grantAll);
                    store.persistGrants();
                }
            } else {
                for (Account a : initial) {
                    store.accounts.add(a);
                    store.grantAll(a);
                }
                store.persistAccounts();
                store.persistGrants();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    private void grantAll(Account a) {
        privileges.put(key(a.user(), a.host()), new Privileges(List.of(Grant.global(Privilege.all(Privilege.Level.GLOBAL), true))));
    }

    private void readAccounts(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = fields(line);
            if (f.length != 4 && f.length != 5) {
                throw new IllegalStateException(file + " line: " + line + " (expected: user, host, plugin, hash[, SSL|X509])");
            }
            accounts.add(new Account(f[0], f[1], f[2], f[3], f.length == 5 ? tlsRequirement(f[4], file) : null));
        }
    }

    private static TlsRequirement tlsRequirement(String field, Path file) {
        try {
            return TlsRequirement.valueOf(field);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " REQUIRE field: " + field + " (expected: NONE, SSL or X509)", e);
        }
    }

    private void readGrants(Path file) throws IOException {
        Map<String, List<Grant>> byAccount = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = fields(line);
            if (f.length != 6) {
                throw new IllegalStateException(file + " line: " + line + " (expected: user, host, database, table, privileges, Y|N)");
            }
            Set<Privilege> set = EnumSet.noneOf(Privilege.class);
            for (String name : f[4].split(",")) {
                if (!name.isEmpty()) {
                    set.add(Privilege.bySql(name).orElseThrow(() -> new IllegalStateException(
                            file + " privilege: " + name + " (expected: a MySQL static privilege)")));
                }
            }
            byAccount.computeIfAbsent(key(f[0], f[1]), k -> new ArrayList<>())
                    .add(new Grant(f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3], set, f[5].equals("Y")));
        }
        byAccount.forEach((k, g) -> privileges.put(k, new Privileges(g)));
    }

    @Override
    public synchronized Optional<Account> find(String user, ClientHost client) {
        return AccountOrder.match(accounts, user, client);
    }

    @Override
    public synchronized Optional<Account> get(String user, String host) {
        return accounts.stream().filter(a -> a.user().equals(user) && a.host().equalsIgnoreCase(host)).findFirst();
    }

    @Override
    public synchronized List<Account> all() {
        return List.copyOf(accounts);
    }

    @Override
    public synchronized void save(Account account) {
        accounts.removeIf(a -> a.user().equals(account.user()) && a.host().equalsIgnoreCase(account.host()));
        accounts.add(account);
        persistAccounts();
    }

    @Override
    public synchronized boolean remove(String user, String host) {
        boolean removed = accounts.removeIf(a -> a.user().equals(user) && a.host().equalsIgnoreCase(host));
        if (removed) {
            persistAccounts();
        }
        if (privileges.remove(key(user, host)) != null) {
            persistGrants();
        }
        return removed;
    }

    @Override
    public synchronized Privileges privileges(String user, String host) {
        return privileges.getOrDefault(key(user, host), Privileges.NONE);
    }

    @Override
    public synchronized void savePrivileges(String user, String host, Privileges p) {
        List<Grant> kept = p.grants().stream().filter(g -> !g.privileges().isEmpty() || g.grantOption()).toList();
        if (kept.isEmpty()) {
            privileges.remove(key(user, host));
        } else {
            privileges.put(key(user, host), new Privileges(kept));
        }
        persistGrants();
    }

    private static String key(String user, String host) {
        return user + '\0' + host.toLowerCase(Locale.ROOT);
    }

    private void persistAccounts() {
        StringBuilder sb = new StringBuilder();
        for (Account a : accounts) {
            if (a.tlsRequirement() == TlsRequirement.NONE) {
                line(sb, a.user(), a.host(), a.plugin(), a.authenticationString());
            } else {
                line(sb, a.user(), a.host(), a.plugin(), a.authenticationString(), a.tlsRequirement().name());
            }
        }
        write(ACCOUNTS, sb);
    }

    private void persistGrants() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Privileges> e : privileges.entrySet()) {
            String[] account = e.getKey().split("\0", -1);
            String host = accounts.stream().filter(a -> a.user().equals(account[0]) && a.host().equalsIgnoreCase(account[1]))
                    .map(Account::host).findFirst().orElse(account[1]);
            for (Grant g : e.getValue().grants()) {
                StringBuilder names = new StringBuilder();
                for (Privilege p : g.privileges()) {
                    names.append(names.length() == 0 ? "" : ",").append(p.sql());
                }
                line(sb, account[0], host, g.database() == null ? "" : g.database(), g.table() == null ? "" : g.table(),
                        names.toString(), g.grantOption() ? "Y" : "N");
            }
        }
        write(GRANTS, sb);
    }

    private void write(String name, CharSequence content) {
        try {
            Path file = dir.resolve(name);
            Path tmp = file.resolveSibling(name + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder sb, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            for (char c : values[i].toCharArray()) {
                switch (c) {
                    case '\\': sb.append("\\\\"); break;
                    case '\t': sb.append("\\t"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    default: sb.append(c);
                }
            }
        }
        sb.append('\n');
    }

    private static String[] fields(String line) {
        String[] raw = line.split("\t", -1);
        for (int i = 0; i < raw.length; i++) {
            String f = raw[i];
            if (f.indexOf('\\') < 0) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < f.length(); k++) {
                char c = f.charAt(k);
                if (c == '\\' && k + 1 < f.length()) {
                    char e = f.charAt(++k);
                    sb.append(e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
                } else {
                    sb.append(c);
                }
            }
            raw[i] = sb.toString();
        }
        return raw;
    }
}
