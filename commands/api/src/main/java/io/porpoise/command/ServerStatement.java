package io.porpoise.command;

import io.porpoise.backend.Column;
import io.porpoise.backend.Prepared;
import io.porpoise.backend.RowCursor;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A prepared statement as the server keeps it between COM_STMT_* commands: its id, the
 * backend's {@link Prepared} (null when the server emulates the statement over COM_QUERY),
 * the parameter types bound by the last execution, long data sent so far and the open cursor.
 * Used only from its session's thread.
 */
public final class ServerStatement {
    private final long id;
    private final String sql;
    private final Prepared prepared;
    private final int parameterCount;
    private final List<Column> parameters;
    private final List<Column> columns;
    private final ByteArrayOutputStream[] longData;
    private io.porpoise.wire.binary.ParameterTypes boundTypes;
    private RowCursor cursor;
    private boolean longDataOverflow;
    private Object attachment;

    public ServerStatement(long id, String sql, Prepared prepared, int parameterCount, List<Column> parameters,
            List<Column> columns) {
        this.id = id;
        this.sql = sql;
        this.prepared = prepared;
        this.parameterCount = parameterCount;
        this.parameters = List.copyOf(parameters);
        this.columns = List.copyOf(columns);
        this.longData = new ByteArrayOutputStream[parameterCount];
    }

    public long id() {
        return id;
    }

    public String sql() {
        return sql;
    }

    /** The backend's statement, or null when the server emulates it with literals over COM_QUERY. */
    public Prepared prepared() {
        return prepared;
    }

    public boolean isEmulated() {
        return prepared == null;
    }

    public int parameterCount() {
        return parameterCount;
    }

    public List<Column> parameters() {
        return parameters;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Parameter types bound by the last execution that sent them, or null before the first. */
    public io.porpoise.wire.binary.ParameterTypes boundTypes() {
        return boundTypes;
    }

    public void boundTypes(io.porpoise.wire.binary.ParameterTypes types) {
        this.boundTypes = types;
    }

    /**
     * The most long data one parameter may collect: MySQL's largest packet (1 GiB). Beyond it the
     * chunks are dropped and the next execution fails, instead of the server running out of memory.
     */
    public static final long MAX_LONG_DATA = 1L << 30;

    /** Appends a COM_STMT_SEND_LONG_DATA chunk; false when the parameter index is out of range or the data too large. */
    public boolean appendLongData(int parameter, byte[] chunk) {
        if (parameter < 0 || parameter >= parameterCount) {
            return false;
        }
        if (longData[parameter] == null) {
            longData[parameter] = new ByteArrayOutputStream();
        }
        if (longDataOverflow || (long) longData[parameter].size() + chunk.length > MAX_LONG_DATA) {
            longDataOverflow = true;
            return false;
        }
        longData[parameter].writeBytes(chunk);
        return true;
    }

    /** Whether long data was dropped for exceeding {@link #MAX_LONG_DATA} since the last execution. */
    public boolean longDataOverflow() {
        return longDataOverflow;
    }

    /** Which parameters have long data (their values are not in the execute packet). */
    public boolean[] longDataSupplied() {
        boolean[] out = new boolean[parameterCount];
        for (int i = 0; i < parameterCount; i++) {
            out[i] = longData[i] != null;
        }
        return out;
    }

    /** The long data of a parameter, or null. */
    public byte[] longData(int parameter) {
        return longData[parameter] == null ? null : longData[parameter].toByteArray();
    }

    /** After an execution (and on COM_STMT_RESET) long data starts over, as in MySQL. */
    public void clearLongData() {
        java.util.Arrays.fill(longData, null);
        longDataOverflow = false;
    }

    public RowCursor cursor() {
        return cursor;
    }

    /** Replaces the open cursor, closing the previous one (and dropping the attachment). */
    public void cursor(RowCursor c) {
        if (cursor != null && cursor != c) {
            cursor.close();
            attachment = null;
        }
        cursor = c;
    }

    /** State a command keeps with the open cursor between commands (COM_STMT_FETCH's read-ahead). */
    public Object attachment() {
        return attachment;
    }

    public void attachment(Object a) {
        this.attachment = a;
    }
}
