package io.porpoise.server.internal;

import io.porpoise.auth.ClientHost;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * How a client's address is named for account matching. Loopback is {@code localhost} with its
 * address (127.0.0.1, ::1), as MySQL resolves it without DNS; other clients are named by their
 * address (no reverse DNS on the network thread, like MySQL's {@code skip_name_resolve}).
 */
final class HostNames {
    private HostNames() {
    }

    static ClientHost of(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetAddress a = ((InetSocketAddress) address).getAddress();
            if (a == null) {
                return ClientHost.of(((InetSocketAddress) address).getHostString());
            }
            if (a.isLoopbackAddress()) {
                return new ClientHost("localhost", a.getHostAddress());
            }
            return ClientHost.of(a.getHostAddress());
        }
        // Embedded channels and local transports: the client is on this machine.
        return new ClientHost("localhost", "127.0.0.1");
    }
}
