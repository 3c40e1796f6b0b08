package io.porpoise.auth.sha256;

import io.porpoise.auth.Account;
import io.porpoise.auth.AuthExchange;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.Optional;

/** An exchange as the server would present it, with the transport facts a test chooses. */
final class TestExchange implements AuthExchange {
    static final byte[] SCRAMBLE = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
    final Optional<Account> account;
    final boolean secure;
    boolean cleartextAllowed;
    KeyPair keys;
    Object state;

    TestExchange(Account account, boolean secure) {
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
