package io.porpoise.wire;

import io.netty.buffer.ByteBuf;

/**
 * Writers of the protocol's data types onto a payload buffer. Static helpers rather than a
 * wrapper so the hot encode paths allocate nothing per call.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_data_types.html">Basic data types</a>
 */
public final class PayloadWriter {
    /** The byte a text row uses for a NULL column value. */
    public static final int NULL_VALUE = 0xFB;

    private PayloadWriter() {
    }

    public static void writeInt1(ByteBuf out, int value) {
        out.writeByte(value);
    }

    public static void writeInt2(ByteBuf out, int value) {
        out.writeShortLE(value);
    }

    public static void writeInt3(ByteBuf out, int value) {
        out.writeMediumLE(value);
    }

    public static void writeInt4(ByteBuf out, long value) {
        out.writeIntLE((int) value);
    }

    public static void writeInt8(ByteBuf out, long value) {
        out.writeLongLE(value);
    }

    /** Writes a length-encoded integer; {@code value} is treated as unsigned 64-bit. */
    public static void writeLengthEncodedInt(ByteBuf out, long value) {
        if (value >= 0 && value < 0xFB) {
            out.writeByte((int) value);
        } else if (value >= 0 && value <= 0xFFFF) {
            out.writeByte(0xFC);
            out.writeShortLE((int) value);
        } else if (value >= 0 && value <= 0xFFFFFF) {
            out.writeByte(0xFD);
            out.writeMediumLE((int) value);
        } else {
            out.writeByte(0xFE);
            out.writeLongLE(value);
        }
    }

    /** How many bytes {@link #writeLengthEncodedInt} uses for {@code value}. */
    public static int lengthEncodedIntSize(long value) {
        if (value >= 0 && value < 0xFB) {
            return 1;
        } else if (value >= 0 && value <= 0xFFFF) {
            return 3;
        } else if (value >= 0 && value <= 0xFFFFFF) {
            return 4;
        }
        return 9;
    }

    public static void writeLengthEncodedBytes(ByteBuf out, byte[] value) {
        writeLengthEncodedInt(out, value.length);
        out.writeBytes(value);
    }

    public static void writeNulTerminatedBytes(ByteBuf out, byte[] value) {
        out.writeBytes(value);
        out.writeByte(0);
    }
}
