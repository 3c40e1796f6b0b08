package io.porpoise.command;

import io.netty.buffer.ByteBuf;
import io.porpoise.backend.Column;
import io.porpoise.wire.ServerStatus;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Raw response packets for commands with their own response formats (COM_STMT_PREPARE_OK,
 * cursor metadata, COM_STMT_FETCH batches). Writes use the connection's capabilities and
 * result charset; taking a PacketWriter counts as answering the command.
 */
@ProviderType
public interface PacketWriter {

    /** Starts a packet and returns the buffer to write its payload into; {@link #end()} closes it. */
    ByteBuf begin();

    void end();

    /** A column definition packet (charset and length for the result charset). */
    void columnDefinition(Column column);

    /** The EOF that ends a block of definitions, omitted with CLIENT_DEPRECATE_EOF. */
    void endOfMetadata(ServerStatus status);

    /**
     * The EOF after the column definitions of a cursor result: sent even with
     * CLIENT_DEPRECATE_EOF, because it carries SERVER_STATUS_CURSOR_EXISTS.
     */
    void cursorMetadataEnd(ServerStatus status);

    /** A binary-protocol result row. */
    void binaryRow(List<Column> columns, Object[] values);

    /** The end of rows: EOF, or an OK with header 0xFE with CLIENT_DEPRECATE_EOF. */
    void endOfRows(ServerStatus status, int warnings);

    /** An ERR that ends the answer instead (a cursor failing half way through a batch). */
    void error(io.porpoise.backend.BackendException error);
}
