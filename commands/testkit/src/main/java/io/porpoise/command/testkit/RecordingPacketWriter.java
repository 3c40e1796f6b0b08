package io.porpoise.command.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.command.PacketWriter;
import io.porpoise.wire.ServerStatus;
import java.util.Arrays;
import java.util.List;

/** Records raw packets as hex lines and the writer's other calls as text lines; each buffer is released when its packet ends. */
public final class RecordingPacketWriter implements PacketWriter {
    private final List<String> events;
    private ByteBuf open;

    /** A writer recording into {@code events}. */
    public RecordingPacketWriter(List<String> events) {
        this.events = events;
    }

    @Override
    public ByteBuf begin() {
        if (open != null) {
            throw new IllegalStateException("begin() before end() of the previous packet");
        }
        open = Unpooled.buffer();
        return open;
    }

    @Override
    public void end() {
        events.add("packet " + ByteBufUtil.hexDump(open));
        open.release();
        open = null;
    }

    /** Whether a packet was begun and never ended (its buffer would leak). */
    public boolean isOpen() {
        return open != null;
    }

    @Override
    public void columnDefinition(Column column) {
        events.add("column " + column.name() + " " + column.type());
    }

    @Override
    public void endOfMetadata(ServerStatus status) {
        events.add("endOfMetadata " + status.flags());
    }

    @Override
    public void cursorMetadataEnd(ServerStatus status) {
        events.add("cursorMetadataEnd " + status.flags());
    }

    @Override
    public void binaryRow(List<Column> columns, Object[] values) {
        if (columns.size() != values.length) {
            throw new IllegalArgumentException("values: " + values.length + " (expected: " + columns.size() + ")");
        }
        events.add("row " + Arrays.toString(values));
    }

    @Override
    public void endOfRows(ServerStatus status, int warnings) {
        events.add("endOfRows " + status.flags() + " warnings " + warnings);
    }

    @Override
    public void error(BackendException error) {
        events.add("error " + error.errorCode() + " " + error.sqlState() + " " + error.getMessage());
    }
}
