package io.porpoise.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountOrderTest {
    private static final ClientHost LOOPBACK = new ClientHost("localhost", "127.0.0.1");

    private static Account a(String user, String host) {
        return new Account(user, host, "mysql_native_password", "");
    }

    private static String match(List<Account> accounts, String user, ClientHost client) {
        return AccountOrder.match(accounts, user, client).map(x -> x.user() + "@" + x.host()).orElse("none");
    }

    @Test
    void mostSpecificHostFirstThenNamedUser() {
        List<Account> accounts = List.of(a("bob", "%"), a("bob", "127.0.0.%"), a("bob", "localhost"), a("", "%"));
        assertEquals("bob@localhost", match(accounts, "bob", LOOPBACK));
        assertEquals("bob@127.0.0.%", match(accounts.subList(0, 2), "bob", LOOPBACK));
        assertEquals("bob@%", match(accounts, "bob", ClientHost.of("10.0.0.1")));
        assertEquals("@%", match(accounts, "eve", ClientHost.of("10.0.0.1")), "the anonymous user takes any name");
    }

    @Test
    void anonymousOnAMoreSpecificHostBeatsANamedUserOnAny() {
        // The classic MySQL surprise: the host is compared first.
        List<Account> accounts = List.of(a("bob", "%"), a("", "localhost"));
        assertEquals("@localhost", match(accounts, "bob", LOOPBACK));
        assertEquals("bob@%", match(accounts, "bob", ClientHost.of("10.0.0.1")));
    }

    @Test
    void namedUserBeforeAnonymousOnTheSameHost() {
        assertEquals("bob@localhost", match(List.of(a("", "localhost"), a("bob", "localhost")), "bob", LOOPBACK));
    }

    @Test
    void netmasksFirstLongerMasksFirst() {
        List<Account> accounts = List.of(a("bob", "localhost"), a("bob", "127.0.0.0/8"), a("bob", "127.0.0.0/255.255.0.0"));
        assertEquals("bob@127.0.0.0/255.255.0.0", match(accounts, "bob", LOOPBACK));
    }

    @Test
    void noMatch() {
        assertTrue(AccountOrder.match(List.of(a("bob", "10.%")), "bob", LOOPBACK).isEmpty());
        assertTrue(AccountOrder.match(List.of(a("bob", "%")), "Bob", LOOPBACK).isEmpty(), "user names are case-sensitive");
    }
}
