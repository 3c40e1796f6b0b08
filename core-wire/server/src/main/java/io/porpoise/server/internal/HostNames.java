package io.porpoise.server.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** How a client's address is named for account matching: loopback is {@code localhost}. */
final class HostNames {
    private HostNames() {
    }

    static String of(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetAddress a = ((InetSocketAddress) address).getAddress();
            if (a == null) {
                return ((InetSocketAddress) address).getHostString();
            }
            if (a.isLoopbackAddress()) {
                return "localhost";
            }
            return a.getHostAddress();
        }
        return "localhost";
    }
}
