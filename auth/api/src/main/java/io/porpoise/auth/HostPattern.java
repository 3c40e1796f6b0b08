package io.porpoise.auth;

import java.util.Locale;

/**
 * The host part of an account, matched as MySQL matches it: a literal name or address, a
 * pattern with {@code %} and {@code _}, an IPv4 address with a netmask
 * ({@code 192.168.1.0/255.255.255.0}) or a CIDR prefix ({@code 192.168.1.0/24}), or {@code %}
 * or the empty string for any host.
 *
 * <p>Patterns are compared case-insensitively with the client's host name and with its address;
 * a netmask only with its IPv4 address, matching when {@code address & mask == ip} (so an
 * address with bits outside the mask matches nothing, as in MySQL).
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/account-names.html">Specifying Account Names</a>
 */
public final class HostPattern {
    private final String text;
    private final long ip;
    private final long mask;
    private final boolean masked;

    private HostPattern(String text, long ip, long mask, boolean masked) {
        this.text = text;
        this.ip = ip;
        this.mask = mask;
        this.masked = masked;
    }

    public static HostPattern of(String host) {
        int slash = host.indexOf('/');
        if (slash > 0) {
            long ip = ipv4(host.substring(0, slash));
            String m = host.substring(slash + 1);
            long mask = m.matches("\\d{1,2}") ? prefixMask(Integer.parseInt(m)) : ipv4(m);
            if (ip >= 0 && mask >= 0) {
                return new HostPattern(host, ip, mask, true);
            }
        }
        return new HostPattern(host, 0, 0, false);
    }

    public String text() {
        return text;
    }

    /** Whether this is an address with a netmask or CIDR prefix. */
    public boolean isMasked() {
        return masked;
    }

    public boolean matches(ClientHost client) {
        if (masked) {
            long a = ipv4(client.address());
            return a >= 0 && (a & mask) == ip;
        }
        if (text.isEmpty()) {
            return true;
        }
        String p = text.toLowerCase(Locale.ROOT);
        return like(p, 0, client.name().toLowerCase(Locale.ROOT), 0) || like(p, 0, client.address().toLowerCase(Locale.ROOT), 0);
    }

    /**
     * MySQL's specificity of a host value (its {@code get_sort}): higher is more specific. A value
     * without wildcards is 128; one with a wildcard ranks by the position of its first wildcard
     * (later is more specific); {@code %} alone is 1; the empty string is 0.
     */
    public int specificity() {
        if (text.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_') {
                if (i == 0 && c == '%' && text.length() == 1) {
                    return 1;
                }
                return Math.min(i + 2, 127);
            }
        }
        return 128;
    }

    /** Netmask length, for ordering masked hosts (longer masks first). */
    long mask() {
        return mask;
    }

    private static long prefixMask(int bits) {
        if (bits > 32) {
            return -1;
        }
        return bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    }

    /** A dotted IPv4 address as an unsigned 32-bit value, or -1. */
    static long ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}")) {
                return -1;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return -1;
            }
            v = v << 8 | octet;
        }
        return v;
    }

    /** SQL LIKE with {@code %} and {@code _} (host names have no escapes). */
    private static boolean like(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                while (pi + 1 < p.length() && p.charAt(pi + 1) == '%') {
                    pi++;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (like(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '_' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
