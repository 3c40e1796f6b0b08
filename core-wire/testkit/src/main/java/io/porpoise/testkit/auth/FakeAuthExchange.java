package io.porpoise.testkit.auth;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An authentication exchange as the server would present it to a plugin: user {@code u} from
 * localhost, the scramble 01..14 (hex), the matched account (none when null) and the transport
 * facts a test chooses. The plugin's state is kept across steps, as the server keeps it.
 */
public final class FakeAuthExchange implements AuthExchange {
    private static final byte[] SCRAMBLE = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
    private final Optional<Account> account;
    private final boolean secure;
    /** Whether the server accepts clear-text passwords without TLS (off, as by default). */
    public boolean cleartextAllowed;
    /** The server's RSA key pair (none unless the test sets one). */
    public KeyPair keys;
    private Object state;

    /** An exchange for {@code account} (null: no account matched), over TLS when {@code secure}. */
    public FakeAuthExchange(Account account, boolean secure) {
        this.account = Optional.ofNullable(account);
        this.secure = secure;
    }

    @Override public byte[] scramble() { return SCRAMBLE.clone(); }
    @Override public String user() { return "u"; }
    @Override public String clientHost() { return "localhost"; }
    @Override public Optional<Account> account() { return account; }
    @Override public boolean isSecureTransport() { return secure; }
    @Override public boolean cleartextPasswordsWithoutTlsAllowed() { return cleartextAllowed; }
    @Override public KeyPair rsaKeyPair() { return keys; }
    @Override public Object pluginState() { return state; }
    @Override public void pluginState(Object s) { state = s; }
}
