package io.porpoise.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostPatternTest {
    private static final ClientHost LOOPBACK = new ClientHost("localhost", "127.0.0.1");
    private static final ClientHost LAN = ClientHost.of("192.168.1.42");

    @Test
    void literalNamesAndAddresses() {
        assertTrue(HostPattern.of("localhost").matches(LOOPBACK));
        assertTrue(HostPattern.of("LOCALHOST").matches(LOOPBACK), "host names compare case-insensitively");
        assertTrue(HostPattern.of("127.0.0.1").matches(LOOPBACK), "the address of a loopback client matches too");
        assertFalse(HostPattern.of("127.0.0.2").matches(LOOPBACK));
        assertTrue(HostPattern.of("192.168.1.42").matches(LAN));
        assertFalse(HostPattern.of("localhost").matches(LAN));
    }

    @Test
    void wildcards() {
        assertTrue(HostPattern.of("%").matches(LAN));
        assertTrue(HostPattern.of("").matches(LAN), "the empty host is any host");
        assertTrue(HostPattern.of("192.168.1.%").matches(LAN));
        assertTrue(HostPattern.of("192.168.1.4_").matches(LAN));
        assertFalse(HostPattern.of("192.168.1.4_").matches(ClientHost.of("192.168.1.4")));
        assertTrue(HostPattern.of("local%").matches(LOOPBACK));
        assertFalse(HostPattern.of("10.%").matches(LAN));
    }

    @Test
    void netmasksAndCidr() {
        assertTrue(HostPattern.of("192.168.1.0/255.255.255.0").matches(LAN));
        assertTrue(HostPattern.of("192.168.1.0/24").matches(LAN));
        assertTrue(HostPattern.of("192.168.0.0/16").matches(LAN));
        assertFalse(HostPattern.of("192.168.2.0/24").matches(LAN));
        assertFalse(HostPattern.of("192.168.1.1/255.255.255.0").matches(LAN), "address bits outside the mask never match (MySQL)");
        assertTrue(HostPattern.of("127.0.0.0/8").matches(LOOPBACK), "masks look at the address, not the name");
        assertFalse(HostPattern.of("192.168.1.0/24").matches(ClientHost.of("::1")), "an IPv6 client never matches an IPv4 mask");
        assertTrue(HostPattern.of("192.168.1.0/24").isMasked());
        assertFalse(HostPattern.of("192.168.1.0/33").isMasked(), "not a mask: compared as text");
    }

    @Test
    void specificityFollowsMySqlGetSort() {
        assertEquals(128, HostPattern.of("localhost").specificity());
        assertEquals(128, HostPattern.of("192.168.1.42").specificity());
        assertEquals(12, HostPattern.of("192.168.1.%").specificity());
        assertEquals(2, HostPattern.of("%.example.com").specificity());
        assertEquals(1, HostPattern.of("%").specificity());
        assertEquals(0, HostPattern.of("").specificity());
    }
}
