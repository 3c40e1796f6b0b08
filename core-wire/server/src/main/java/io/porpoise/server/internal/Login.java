package io.porpoise.server.internal;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import io.porpoise.auth.AuthPlugin;
import io.porpoise.auth.AuthStep;
import io.porpoise.auth.ClientHost;
import io.porpoise.auth.Scramble;
import io.porpoise.auth.TlsRequirement;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.ServerErrors;
import io.porpoise.wire.packet.ErrPacket;
import io.porpoise.wire.packet.HandshakeResponse41;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;

/**
 * One connection's authentication: picks the account's plugin, switches the client to it when
 * it answered with another one, and drives the plugin's steps. Runs on the event loop (plugins
 * are non-blocking step machines and the account lookup is in memory).
 *
 * <p>An unknown user runs the default plugin to its rejection, so the client cannot tell an
 * unknown user from a wrong password.
 */
final class Login implements AuthExchange {
    /** What the connection does next. */
    sealed interface Next permits Send, Switch, Succeed, Fail {
    }

    /** Send AuthMoreData. */
    record Send(byte[] data) implements Next {
    }

    /** Send AuthSwitchRequest. */
    record Switch(String plugin, byte[] data) implements Next {
    }

    /** Send the optional AuthMoreData, then finish the login. */
    record Succeed(byte[] moreData) implements Next {
    }

    /** Send the ERR and close. */
    record Fail(ErrPacket error, String logReason) implements Next {
    }

    private final LoginContext context;
    private final ClientHost client;
    private final String clientHost;
    private byte[] scramble;
    private HandshakeResponse41 response;
    private Optional<Account> account = Optional.empty();
    private AuthPlugin plugin;
    private Object pluginState;
    private boolean secure;
    private boolean clientCertificate;

    Login(LoginContext context, ClientHost client, byte[] scramble) {
        this.context = context;
        this.client = client;
        this.clientHost = client.name();
        this.scramble = scramble;
    }

    Next start(HandshakeResponse41 r) {
        this.response = r;
        this.account = context.accounts().find(r.username(), client);
        Map<String, AuthPlugin> plugins = context.authPlugins();
        // An unknown user gets a plugin as a real account would have, so an auth switch does not tell.
        String target = account.map(Account::plugin).orElseGet(() -> context.pluginForUnknownUser(r.username()));
        plugin = plugins.get(target);
        if (plugin == null) {
            if (account.isPresent() || plugins.isEmpty()) {
                return new Fail(ErrPacket.of(ServerErrors.of("ER_PLUGIN_IS_NOT_LOADED"), target), "plugin not loaded: " + target);
            }
            plugin = plugins.values().iterator().next();
        }
        String offered = r.authPluginName().isEmpty() ? "mysql_native_password" : r.authPluginName();
        if (offered.equals(plugin.name())) {
            return step(r.authResponse());
        }
        if (!r.capabilities().has(CapabilityFlag.CLIENT_PLUGIN_AUTH) && passwordless()) {
            // A client that cannot switch plugins (Node's mysql) answered with its only method; for an
            // account without a password every method's answer is the empty one, so no switch is needed
            // and any other answer is a wrong password.
            return isEmpty(r.authResponse()) ? succeed(null) : deny("password given for an account without one");
        }
        return switchTo(plugin.name());
    }

    private boolean passwordless() {
        return account.isPresent() && account.get().authenticationString().isEmpty();
    }

    private static boolean isEmpty(byte[] response) {
        return response.length == 0 || response.length == 1 && response[0] == 0;
    }

    Next onClientData(byte[] data) {
        return step(data);
    }

    private Next step(byte[] data) {
        if (plugin.requiresSecureTransport() && !isSecureTransport()) {
            return deny("plugin " + plugin.name() + " requires a secure transport");
        }
        AuthStep s = plugin.step(this, data);
        if (s instanceof AuthStep.Accept) {
            if (account.isEmpty()) {
                return deny("plugin accepted an unknown user");
            }
            return succeed(((AuthStep.Accept) s).moreData());
        }
        if (s instanceof AuthStep.MoreData) {
            return new Send(((AuthStep.MoreData) s).data());
        }
        if (s instanceof AuthStep.SwitchTo) {
            return switchTo(((AuthStep.SwitchTo) s).pluginName());
        }
        return deny(((AuthStep.Reject) s).reason());
    }

    /**
     * After the password, as MySQL orders it: the account's REQUIRE clause (refused like a wrong
     * password), then require_secure_transport (ER_SECURE_TRANSPORT_REQUIRED).
     */
    private Next succeed(byte[] moreData) {
        TlsRequirement required = account.orElseThrow().tlsRequirement();
        if (required != TlsRequirement.NONE && !secure) {
            return deny("account requires " + required + ", connection is not TLS");
        }
        if (required == TlsRequirement.X509 && !clientCertificate) {
            return deny("account requires X509, no client certificate");
        }
        if (!secure && context.requireSecureTransport()) {
            return new Fail(ErrPacket.of(ServerErrors.of("ER_SECURE_TRANSPORT_REQUIRED")), "require_secure_transport is ON");
        }
        return new Succeed(moreData);
    }

    /** The connection completed its TLS handshake before the handshake response. */
    void secureTransport(boolean clientCertificateVerified) {
        secure = true;
        clientCertificate = clientCertificateVerified;
    }

    private Next switchTo(String name) {
        AuthPlugin next = context.authPlugins().get(name);
        if (next == null) {
            return new Fail(ErrPacket.of(ServerErrors.of("ER_PLUGIN_IS_NOT_LOADED"), name), "plugin not loaded: " + name);
        }
        if (!response.capabilities().has(CapabilityFlag.CLIENT_PLUGIN_AUTH)) {
            return new Fail(ErrPacket.of(ServerErrors.of("ER_NOT_SUPPORTED_AUTH_MODE")), "client cannot switch to " + name);
        }
        plugin = next;
        pluginState = null;
        scramble = Scramble.generate(context.random());
        return new Switch(name, next.initialData(this));
    }

    private Next deny(String reason) {
        byte[] first = response.authResponse();
        // Connector/J sends a lone NUL for an empty password.
        boolean usedPassword = first.length > 1 || first.length == 1 && first[0] != 0;
        return new Fail(ErrPacket.of(ServerErrors.of("ER_ACCESS_DENIED_ERROR"), response.username(), clientHost,
                usedPassword ? "YES" : "NO"), reason);
    }

    ClientHost client() {
        return client;
    }

    HandshakeResponse41 response() {
        return response;
    }

    Account matchedAccount() {
        return account.orElseThrow();
    }

    @Override
    public byte[] scramble() {
        return scramble.clone();
    }

    @Override
    public String user() {
        return response.username();
    }

    @Override
    public String clientHost() {
        return clientHost;
    }

    @Override
    public Optional<Account> account() {
        return account;
    }

    @Override
    public boolean isSecureTransport() {
        return secure;
    }

    @Override
    public boolean cleartextPasswordsWithoutTlsAllowed() {
        return context.cleartextPasswordsWithoutTlsAllowed();
    }

    @Override
    public KeyPair rsaKeyPair() {
        return context.rsaKeys();
    }

    @Override
    public Object pluginState() {
        return pluginState;
    }

    @Override
    public void pluginState(Object state) {
        this.pluginState = state;
    }
}
