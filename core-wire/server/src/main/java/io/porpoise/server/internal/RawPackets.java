package io.porpoise.server.internal;

import io.netty.buffer.ByteBuf;
import io.porpoise.backend.Column;
import io.porpoise.charset.Collation;
import io.porpoise.command.PacketWriter;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.ServerStatus;
import io.porpoise.wire.binary.BinaryRow;
import io.porpoise.wire.packet.EofPacket;
import io.porpoise.wire.packet.OkPacket;
import java.nio.charset.Charset;
import java.util.List;

/** {@link PacketWriter} over a command's {@link Outbound}, with the session's capabilities and charsets. */
final class RawPackets implements PacketWriter {
    private final Session session;
    private final Outbound out;
    private final CommandResponse response;
    private final Collation results;
    private final Charset text;
    private List<Column> rowColumns;
    private BinaryRow rowEncoder;

    RawPackets(Session session, Outbound out, CommandResponse response) {
        this.session = session;
        this.out = out;
        this.response = response;
        this.results = session.resultsCollation();
        this.text = ResultSetWriter.metadataCharset(results);
    }

    @Override
    public ByteBuf begin() {
        return out.begin();
    }

    @Override
    public void end() {
        out.end();
    }

    @Override
    public void columnDefinition(Column column) {
        ResultSetWriter.definition(column, results).encode(out.begin(), text);
        out.end();
    }

    @Override
    public void endOfMetadata(ServerStatus status) {
        if (!session.capabilities().has(CapabilityFlag.CLIENT_DEPRECATE_EOF)) {
            new EofPacket(0, status).encode(out.begin());
            out.end();
        }
    }

    @Override
    public void cursorMetadataEnd(ServerStatus status) {
        new EofPacket(0, status).encode(out.begin());
        out.end();
    }

    @Override
    public void binaryRow(List<Column> columns, Object[] values) {
        if (columns != rowColumns) {
            rowColumns = columns;
            rowEncoder = ResultSetWriter.binaryRowFor(columns, results);
        }
        rowEncoder.encode(out.begin(), values);
        out.end();
    }

    @Override
    public void endOfRows(ServerStatus status, int warnings) {
        if (session.capabilities().has(CapabilityFlag.CLIENT_DEPRECATE_EOF)) {
            new OkPacket(0, 0, status, warnings, "").encodeAsEof(out.begin(), session.capabilities());
        } else {
            new EofPacket(warnings, status).encode(out.begin());
        }
        out.end();
    }

    @Override
    public void error(io.porpoise.backend.BackendException error) {
        response.writeErrPacket(error.errorCode(), error.sqlState(), error.getMessage());
    }
}
