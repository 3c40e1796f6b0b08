package io.porpoise.wire;

import io.netty.buffer.ByteBuf;
import java.nio.charset.Charset;

/**
 * Bounds-checked reader of the protocol's data types over a packet payload. Every read checks
 * the remaining length first and raises {@link MalformedPacketException}; the reader never
 * releases the buffer (its caller owns it).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_data_types.html">Basic data types</a>
 */
public final class PayloadReader {
    private final ByteBuf buf;

    public PayloadReader(ByteBuf buf) {
        this.buf = buf;
    }

    public int remaining() {
        return buf.readableBytes();
    }

    public boolean hasRemaining() {
        return buf.isReadable();
    }

    /** The next byte without consuming it, as 0..255. */
    public int peekInt1() {
        need(1, "int<1>");
        return buf.getUnsignedByte(buf.readerIndex());
    }

    public int readInt1() {
        need(1, "int<1>");
        return buf.readUnsignedByte();
    }

    public int readInt2() {
        need(2, "int<2>");
        return buf.readUnsignedShortLE();
    }

    public int readInt3() {
        need(3, "int<3>");
        return buf.readUnsignedMediumLE();
    }

    public long readInt4() {
        need(4, "int<4>");
        return buf.readUnsignedIntLE();
    }

    public long readInt6() {
        need(6, "int<6>");
        long low = buf.readUnsignedIntLE();
        return low | ((long) buf.readUnsignedShortLE() << 32);
    }

    /** An int&lt;8&gt;; values above 2^63-1 come back negative (read them as unsigned). */
    public long readInt8() {
        need(8, "int<8>");
        return buf.readLongLE();
    }

    /**
     * A length-encoded integer. 0xFB (NULL in text rows) and 0xFF (ERR) are not integers here;
     * callers that allow NULL check {@link #peekInt1()} first.
     */
    public long readLengthEncodedInt() {
        int first = readInt1();
        if (first < 0xFB) {
            return first;
        }
        switch (first) {
            case 0xFC:
                return readInt2();
            case 0xFD:
                return readInt3();
            case 0xFE:
                return readInt8();
            default:
                throw new MalformedPacketException(
                        "length-encoded int prefix: 0x" + Integer.toHexString(first) + " (expected: < 0xFB or 0xFC..0xFE)");
        }
    }

    public byte[] readFixedBytes(int length) {
        if (length < 0) {
            throw new MalformedPacketException("string<fix> length: " + length + " (expected: >= 0)");
        }
        if (buf.readableBytes() < length) {
            throw shortRead("string<" + length + ">", length);
        }
        byte[] out = new byte[length];
        buf.readBytes(out);
        return out;
    }

    public void skip(int length) {
        if (buf.readableBytes() < length) {
            throw shortRead("filler<" + length + ">", length);
        }
        buf.skipBytes(length);
    }

    public byte[] readLengthEncodedBytes() {
        long length = readLengthEncodedInt();
        if (length < 0 || length > remaining()) {
            throw new MalformedPacketException(
                    "string<lenenc> length: " + Long.toUnsignedString(length) + " (expected: <= " + remaining() + ")");
        }
        return readFixedBytes((int) length);
    }

    public String readLengthEncodedString(Charset charset) {
        long length = readLengthEncodedInt();
        if (length < 0 || length > remaining()) {
            throw new MalformedPacketException(
                    "string<lenenc> length: " + Long.toUnsignedString(length) + " (expected: <= " + remaining() + ")");
        }
        return buf.readCharSequence((int) length, charset).toString();
    }

    /** A string&lt;NUL&gt;: the bytes up to (not including) the next NUL, which is consumed. */
    public byte[] readNulTerminatedBytes() {
        int nul = buf.indexOf(buf.readerIndex(), buf.writerIndex(), (byte) 0);
        if (nul < 0) {
            throw new MalformedPacketException("string<NUL>: no terminating NUL in " + remaining() + " bytes");
        }
        byte[] out = readFixedBytes(nul - buf.readerIndex());
        buf.skipBytes(1);
        return out;
    }

    public String readNulTerminatedString(Charset charset) {
        return new String(readNulTerminatedBytes(), charset);
    }

    /** A string&lt;EOF&gt;: everything up to the end of the payload. */
    public byte[] readRestOfPacketBytes() {
        return readFixedBytes(remaining());
    }

    public String readRestOfPacketString(Charset charset) {
        return buf.readCharSequence(remaining(), charset).toString();
    }

    /** Callers pass constant names, so a successful read builds no message. */
    private void need(int n, String what) {
        if (buf.readableBytes() < n) {
            throw shortRead(what, n);
        }
    }

    private MalformedPacketException shortRead(String what, int n) {
        return new MalformedPacketException(what + ": needs " + n + " bytes (expected: <= " + buf.readableBytes() + " remaining)");
    }
}
