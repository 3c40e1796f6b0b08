package io.porpoise.auth;

import java.util.Objects;

/**
 * Where a client connects from, as account matching sees it: a host name and the IP address.
 * Loopback clients are named {@code localhost} (as MySQL names them without a DNS lookup);
 * other clients are named by their address, as with MySQL's {@code skip_name_resolve}.
 *
 * @param name the host name ({@code localhost}) or the address
 * @param address the IP address in its usual text form ({@code 127.0.0.1}, {@code ::1})
 */
public record ClientHost(String name, String address) {
    public ClientHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }

    /** A client known only by one name (embedded use, tests). */
    public static ClientHost of(String nameAndAddress) {
        return new ClientHost(nameAndAddress, nameAndAddress);
    }
}
