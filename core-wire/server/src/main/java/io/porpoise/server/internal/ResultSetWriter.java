package io.porpoise.server.internal;

import io.netty.buffer.ByteBuf;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.wire.binary.BinaryRow;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.UpdateResult;
import io.porpoise.charset.Collation;
import io.porpoise.charset.Collations;
import io.porpoise.wire.CapabilityFlag;
import io.porpoise.wire.PayloadWriter;
import io.porpoise.wire.packet.ColumnDefinition41;
import io.porpoise.wire.packet.EofPacket;
import io.porpoise.wire.packet.OkPacket;
import io.porpoise.wire.packet.TextRow;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A statement's outcome in the text protocol: OK, ERR, or column count, column definitions,
 * [EOF], rows, and EOF or (with CLIENT_DEPRECATE_EOF) an OK with header 0xFE. Single use.
 */
final class ResultSetWriter implements ResultSink, RowWriter {
    private enum State { NEW, ROWS, DONE }

    private final CommandResponse response;
    private final Session session;
    private final Outbound out;
    private final boolean binary;
    private State state = State.NEW;
    private List<Column> columns;
    private Charset[] valueCharsets;
    private BinaryRow binaryRow;

    /** A writer of text-protocol rows, or with {@code binary} of binary-protocol rows (COM_STMT_EXECUTE). */
    ResultSetWriter(CommandResponse response, Session session, Outbound out, boolean binary) {
        this.response = response;
        this.session = session;
        this.out = out;
        this.binary = binary;
    }

    @Override
    public void ok(UpdateResult result) {
        complete();
        response.writeOk(result);
    }

    @Override
    public void error(BackendException error) {
        if (state == State.DONE) {
            throw new IllegalStateException("result: already completed (expected: one completion)");
        }
        boolean midResult = state == State.ROWS;
        state = State.DONE;
        if (midResult) {
            // An ERR instead of the terminator ends a result set that failed half way.
            response.writeErrPacket(error.errorCode(), error.sqlState(), error.getMessage());
        } else {
            response.writeError(error.errorCode(), error.sqlState(), error.getMessage());
        }
    }

    @Override
    public RowWriter columns(List<Column> cols) {
        complete();
        state = State.ROWS;
        response.markAnswered();
        this.columns = List.copyOf(cols);
        Collation results = session.resultsCollation();
        Charset textCharset = metadataCharset(results);
        this.valueCharsets = valueCharsets(columns, results);
        if (binary) {
            binaryRow = binaryRowFor(columns, results);
        }
        ByteBuf b = out.begin();
        PayloadWriter.writeLengthEncodedInt(b, columns.size());
        out.end();
        for (Column c : columns) {
            definition(c, results).encode(out.begin(), textCharset);
            out.end();
        }
        if (!session.capabilities().has(CapabilityFlag.CLIENT_DEPRECATE_EOF)) {
            new EofPacket(0, session.status()).encode(out.begin());
            out.end();
        }
        return this;
    }

    /**
     * The charset of names in column definitions: character_set_results, or character_set_system
     * (utf8mb3) unconverted when it is NULL or {@code binary}.
     */
    static Charset metadataCharset(Collation results) {
        return results == null || results.isBinary() ? StandardCharsets.UTF_8 : results.charset();
    }

    /**
     * A column's definition as sent: a text column carries the results charset's default
     * collation and its length in that charset's bytes (characters times Maxlen), as MySQL's
     * {@code send_field_metadata} does; with {@code character_set_results = NULL} it keeps its
     * own collation; with {@code binary} results, text columns are labelled binary (63), as in
     * MySQL's {@code send_field_metadata}. Binary columns (collation 63) are never relabelled.
     */
    static ColumnDefinition41 definition(Column c, Collation results) {
        int collation = c.collationId();
        long length = c.length();
        if (!c.isBinary()) {
            Collation target = results != null ? results : Collations.byId(c.collationId()).orElse(Collations.defaultCollation());
            collation = target.id();
            length = Math.min(0xFFFFFFFFL, length * target.maxBytesPerChar());
        }
        return new ColumnDefinition41(c.schema(), c.table(), c.orgTable(), c.name(), c.orgName(), collation, length,
                c.type().code(), c.flagsMask(), c.decimals());
    }

    @Override
    public void row(Object... values) {
        if (state != State.ROWS) {
            throw new IllegalStateException("rows: " + state + " (expected: after columns(), before finish())");
        }
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row values: " + values.length + " (expected: " + columns.size() + ")");
        }
        ByteBuf b = out.begin();
        if (binary) {
            binaryRow.encode(b, values);
            out.end();
            return;
        }
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                TextRow.encodeNull(b);
            } else {
                TextRow.encodeValue(b, TextValues.format(v, columns.get(i), valueCharsets[i]));
            }
        }
        out.end();
    }

    /**
     * The charset each column's text values are sent in: the results charset, or with
     * {@code character_set_results = NULL} or {@code binary} the column's own ("as stored", no
     * conversion); null for binary columns, whose values are bytes.
     */
    static Charset[] valueCharsets(List<Column> columns, Collation results) {
        Charset[] out = new Charset[columns.size()];
        for (int i = 0; i < out.length; i++) {
            Column c = columns.get(i);
            if (!c.isBinary()) {
                out[i] = results != null && !results.isBinary() ? results.charset()
                        : Collations.byId(c.collationId()).flatMap(Collation::javaCharset).orElse(StandardCharsets.UTF_8);
            }
        }
        return out;
    }

    /** The binary row encoder for these columns: type codes, unsigned flags, decimals, charsets. */
    static BinaryRow binaryRowFor(List<Column> columns, Collation results) {
        Charset[] text = valueCharsets(columns, results);
        int n = columns.size();
        int[] types = new int[n];
        boolean[] unsigned = new boolean[n];
        int[] decimals = new int[n];
        Charset[] charsets = new Charset[n];
        for (int i = 0; i < n; i++) {
            Column c = columns.get(i);
            types[i] = c.type().code();
            unsigned[i] = c.has(ColumnFlag.UNSIGNED);
            decimals[i] = c.decimals();
            charsets[i] = c.isBinary() ? StandardCharsets.UTF_8 : text[i];
        }
        return BinaryRow.of(types, unsigned, decimals, charsets);
    }

    @Override
    public void finish() {
        finish(0);
    }

    @Override
    public void finish(int warnings) {
        if (state != State.ROWS) {
            throw new IllegalStateException("finish: " + state + " (expected: after columns())");
        }
        state = State.DONE;
        session.lastWarningCount(warnings);
        if (session.capabilities().has(CapabilityFlag.CLIENT_DEPRECATE_EOF)) {
            new OkPacket(0, 0, session.status(), warnings, "").encodeAsEof(out.begin(), session.capabilities());
        } else {
            new EofPacket(warnings, session.status()).encode(out.begin());
        }
        out.end();
    }

    @Override
    public boolean isCompleted() {
        return state != State.NEW;
    }

    /** True while a result set is open (an error now must end it with ERR). */
    boolean inRows() {
        return state == State.ROWS;
    }

    private void complete() {
        if (state != State.NEW) {
            throw new IllegalStateException("result: already completed (expected: one completion)");
        }
        state = State.DONE;
    }
}
