package io.porpoise.wire;

import java.util.EnumSet;
import java.util.Set;

/** An immutable set of {@link StatusFlag}s, carried as the protocol's 16-bit mask. */
public final class ServerStatus {
    public static final ServerStatus NONE = new ServerStatus(0);
    public static final ServerStatus AUTOCOMMIT = of(StatusFlag.SERVER_STATUS_AUTOCOMMIT);

    private final int mask;

    private ServerStatus(int mask) {
        this.mask = mask & 0xFFFF;
    }

    public static ServerStatus of(StatusFlag... flags) {
        int m = 0;
        for (StatusFlag f : flags) {
            m |= f.mask();
        }
        return new ServerStatus(m);
    }

    public static ServerStatus fromMask(int mask) {
        return new ServerStatus(mask);
    }

    public int mask() {
        return mask;
    }

    public boolean has(StatusFlag flag) {
        return (mask & flag.mask()) != 0;
    }

    public ServerStatus with(StatusFlag flag) {
        return new ServerStatus(mask | flag.mask());
    }

    public ServerStatus without(StatusFlag flag) {
        return new ServerStatus(mask & ~flag.mask());
    }

    public Set<StatusFlag> flags() {
        EnumSet<StatusFlag> set = EnumSet.noneOf(StatusFlag.class);
        for (StatusFlag f : StatusFlag.values()) {
            if (has(f)) {
                set.add(f);
            }
        }
        return set;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerStatus && ((ServerStatus) o).mask == mask;
    }

    @Override
    public int hashCode() {
        return mask;
    }

    @Override
    public String toString() {
        return "ServerStatus" + flags();
    }
}
