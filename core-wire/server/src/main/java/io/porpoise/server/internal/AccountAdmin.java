package io.porpoise.server.internal;

import io.porpoise.auth.Account;
import io.porpoise.auth.AccountStore;
import io.porpoise.auth.AuthPlugin;
import io.porpoise.auth.Privileges;
import io.porpoise.backend.BackendException;
import io.porpoise.command.AccountManager;
import io.porpoise.wire.ServerError;
import io.porpoise.wire.ServerErrors;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's {@link AccountManager}: the account store, the auth plugins (for hashing and for
 * telling them when credentials change) and the login throttle. Changes to one account are
 * serialised, so a check-then-change in here (create if absent, rename if free) is atomic.
 */
final class AccountAdmin implements AccountManager {
    private final AccountStore store;
    private final Supplier<Map<String, AuthPlugin>> plugins;
    private final Supplier<String> defaultPlugin;
    private final LoginThrottle throttle;
    private final byte[] decoySecret = new byte[32];

    AccountAdmin(AccountStore store, Supplier<Map<String, AuthPlugin>> plugins, Supplier<String> defaultPlugin, LoginThrottle throttle,
            SecureRandom random) {
        this.store = store;
        this.plugins = plugins;
        this.defaultPlugin = defaultPlugin;
        this.throttle = throttle;
        random.nextBytes(decoySecret);
    }

    @Override
    public Optional<Account> account(String user, String host) {
        return store.get(user, host);
    }

    @Override
    public List<Account> accounts() {
        return store.all();
    }

    @Override
    public Privileges privileges(String user, String host) {
        return store.privileges(user, host);
    }

    @Override
    public Set<String> authPlugins() {
        return Set.copyOf(plugins.get().keySet());
    }

    @Override
    public String defaultAuthPlugin() {
        return defaultPlugin.get();
    }

    @Override
    public String hashPassword(String plugin, String password) throws BackendException {
        return plugin(plugin).hashPassword(password);
    }

    @Override
    public void checkAuthenticationString(String plugin, String authenticationString) throws BackendException {
        if (!plugin(plugin).isValidAuthenticationString(authenticationString)) {
            throw error("ER_PASSWORD_FORMAT");
        }
    }

    private AuthPlugin plugin(String name) throws BackendException {
        AuthPlugin p = plugins.get().get(name);
        if (p == null) {
            throw error("ER_PLUGIN_IS_NOT_LOADED", name);
        }
        return p;
    }

    @Override
    public synchronized boolean create(Account account, Privileges privileges) {
        if (store.get(account.user(), account.host()).isPresent()) {
            return false;
        }
        store.save(account);
        store.savePrivileges(account.user(), account.host(), privileges);
        // A new account may replace the plugin an unknown user of that name saw: nothing cached to forget.
        return true;
    }

    @Override
    public synchronized boolean alter(Account account) {
        Optional<Account> old = store.get(account.user(), account.host());
        if (old.isEmpty()) {
            return false;
        }
        Account updated = new Account(old.get().user(), old.get().host(), account.plugin(), account.authenticationString(),
                account.tlsRequirement());
        store.save(updated);
        credentialsChanged(old.get());
        return true;
    }

    @Override
    public synchronized boolean drop(String user, String host) {
        Optional<Account> old = store.get(user, host);
        if (old.isEmpty()) {
            return false;
        }
        store.remove(old.get().user(), old.get().host());
        credentialsChanged(old.get());
        return true;
    }

    @Override
    public synchronized boolean rename(String user, String host, String newUser, String newHost) {
        Optional<Account> old = store.get(user, host);
        if (old.isEmpty() || store.get(newUser, newHost).isPresent()) {
            return false;
        }
        Privileges p = store.privileges(old.get().user(), old.get().host());
        store.remove(old.get().user(), old.get().host());
        store.save(new Account(newUser, newHost, old.get().plugin(), old.get().authenticationString(), old.get().tlsRequirement()));
        store.savePrivileges(newUser, newHost, p);
        credentialsChanged(old.get());
        return true;
    }

    @Override
    public synchronized void savePrivileges(String user, String host, Privileges privileges) {
        Optional<Account> a = store.get(user, host);
        store.savePrivileges(user, a.map(Account::host).orElse(host), privileges);
    }

    @Override
    public List<FailedLogins> failedLoginAttempts() {
        return throttle.failedLogins();
    }

    @Override
    public long delaysGenerated() {
        return throttle.delaysGenerated();
    }

    private void credentialsChanged(Account old) {
        for (AuthPlugin p : plugins.get().values()) {
            p.credentialsChanged(old);
        }
    }

    /**
     * The plugin an unknown user is taken through: the plugin of an existing account picked by a
     * keyed hash of the user name, so the same unknown name always gets the same plugin and the
     * mix of plugins unknown users see is the mix real accounts have (MySQL picks a decoy plugin
     * the same way). An auth switch therefore does not tell whether a user exists.
     */
    String pluginForUnknownUser(String user) {
        List<Account> all = store.all().stream()
                .sorted(Comparator.comparing(Account::user).thenComparing(Account::host))
                .toList();
        if (all.isEmpty()) {
            return defaultPlugin.get();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(decoySecret, "HmacSHA256"));
            byte[] h = mac.doFinal(user.getBytes(StandardCharsets.UTF_8));
            int index = (int) (((h[0] & 0xFFL) << 24 | (h[1] & 0xFF) << 16 | (h[2] & 0xFF) << 8 | (h[3] & 0xFF)) % all.size());
            String plugin = all.get(index).plugin();
            return plugins.get().containsKey(plugin) ? plugin : defaultPlugin.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256: " + e.getMessage(), e);
        }
    }

    static BackendException error(String symbol, Object... args) {
        ServerError e = ServerErrors.of(symbol);
        return new BackendException(e.code(), e.sqlState(), e.format(args));
    }
}
