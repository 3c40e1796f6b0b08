package io.porpoise.wire;

import java.util.EnumSet;
import java.util.Set;

/** An immutable set of {@link CapabilityFlag}s, carried as the protocol's 32-bit mask. */
public final class Capabilities {
    public static final Capabilities NONE = new Capabilities(0);

    private final long mask;

    private Capabilities(long mask) {
        this.mask = mask & 0xFFFFFFFFL;
    }

    public static Capabilities of(CapabilityFlag... flags) {
        long m = 0;
        for (CapabilityFlag f : flags) {
            m |= f.mask();
        }
        return new Capabilities(m);
    }

    public static Capabilities fromMask(long mask) {
        return new Capabilities(mask);
    }

    public long mask() {
        return mask;
    }

    public boolean has(CapabilityFlag flag) {
        return (mask & flag.mask()) != 0;
    }

    public Capabilities with(CapabilityFlag flag) {
        return new Capabilities(mask | flag.mask());
    }

    public Capabilities without(CapabilityFlag flag) {
        return new Capabilities(mask & ~flag.mask());
    }

    /** The flags both sides have: what a connection actually uses. */
    public Capabilities intersect(Capabilities other) {
        return new Capabilities(mask & other.mask);
    }

    public Set<CapabilityFlag> flags() {
        EnumSet<CapabilityFlag> set = EnumSet.noneOf(CapabilityFlag.class);
        for (CapabilityFlag f : CapabilityFlag.values()) {
            if (has(f)) {
                set.add(f);
            }
        }
        return set;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capabilities && ((Capabilities) o).mask == mask;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(mask);
    }

    @Override
    public String toString() {
        return "Capabilities" + flags();
    }
}
