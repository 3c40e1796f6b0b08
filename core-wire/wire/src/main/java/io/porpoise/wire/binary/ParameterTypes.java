package io.porpoise.wire.binary;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import java.util.Arrays;

/**
 * The types bound to a prepared statement's parameters: per parameter a type code and the
 * unsigned flag, as COM_STMT_EXECUTE sends them (2 bytes: type, flags with 0x80 = unsigned).
 * Immutable; the server keeps the last one per statement, because an execution with
 * new-params-bound-flag 0 reuses the types of the previous one.
 *
 * <p>Flag bits other than 0x80 are ignored on decode: MariaDB once used 0x40 for bulk
 * indicators, which only a bulk command carries.
 */
public final class ParameterTypes {
    /** The types of a statement without parameters. */
    public static final ParameterTypes EMPTY = new ParameterTypes(new int[0], new boolean[0]);

    private final int[] types;
    private final boolean[] unsigned;

    private ParameterTypes(int[] types, boolean[] unsigned) {
        this.types = types;
        this.unsigned = unsigned;
    }

    /** Copies the arrays; every type must be a {@linkplain BinaryTypes#isWireType wire type}. */
    public static ParameterTypes of(int[] types, boolean[] unsigned) {
        if (types.length != unsigned.length) {
            throw new IllegalArgumentException("unsigned.length: " + unsigned.length + " (expected: " + types.length + ")");
        }
        for (int i = 0; i < types.length; i++) {
            if (!BinaryTypes.isWireType(types[i])) {
                throw new IllegalArgumentException("types[" + i + "]: " + BinaryTypes.name(types[i]) + " (expected: a wire type)");
            }
        }
        return new ParameterTypes(types.clone(), unsigned.clone());
    }

    /** Reads {@code count} 2-byte parameter types. */
    public static ParameterTypes decode(PayloadReader in, int count) {
        int[] types = new int[count];
        boolean[] unsigned = new boolean[count];
        for (int i = 0; i < count; i++) {
            int type = in.readInt1();
            int flags = in.readInt1();
            if (!BinaryTypes.isWireType(type)) {
                throw new MalformedPacketException(
                        "parameter_type[" + i + "]: " + BinaryTypes.name(type) + " (expected: a wire type)");
            }
            types[i] = type;
            unsigned[i] = (flags & BinaryTypes.UNSIGNED_FLAG) != 0;
        }
        return new ParameterTypes(types, unsigned);
    }

    public void encode(ByteBuf out) {
        for (int i = 0; i < types.length; i++) {
            out.writeByte(types[i]);
            out.writeByte(unsigned[i] ? BinaryTypes.UNSIGNED_FLAG : 0);
        }
    }

    public int count() {
        return types.length;
    }

    public int type(int index) {
        return types[index];
    }

    public boolean isUnsigned(int index) {
        return unsigned[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterTypes other && Arrays.equals(types, other.types) && Arrays.equals(unsigned, other.unsigned);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(types) + Arrays.hashCode(unsigned);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ParameterTypes[");
        for (int i = 0; i < types.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(BinaryTypes.name(types[i])).append(unsigned[i] ? " UNSIGNED" : "");
        }
        return sb.append(']').toString();
    }
}
