package io.porpoise.backend;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Metadata of one result column, in MySQL's terms.
 *
 * <p>{@code collationId} is {@link #BINARY_COLLATION} (63) for numbers, dates and binary
 * strings; any other value marks a text column, which the server re-labels with the
 * connection's result collation. {@code length} is the display length: characters for text
 * columns (the server multiplies by the result charset's bytes per character), bytes for
 * binary ones, digits for numbers.
 */
public record Column(
        String schema,
        String table,
        String orgTable,
        String name,
        String orgName,
        ColumnType type,
        Set<ColumnFlag> flags,
        long length,
        int decimals,
        int collationId) {

    /** The {@code binary} pseudo-collation. */
    public static final int BINARY_COLLATION = 63;
    /** utf8mb4_0900_ai_ci, MySQL 8's default text collation. */
    public static final int DEFAULT_TEXT_COLLATION = 255;

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        schema = schema == null ? "" : schema;
        table = table == null ? "" : table;
        orgTable = orgTable == null ? "" : orgTable;
        orgName = orgName == null ? "" : orgName;
        flags = flags.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /** A computed column (no table) of the given type with MySQL's usual length and charset. */
    public static Column of(String name, ColumnType type) {
        return builder(name, type).build();
    }

    public static Builder builder(String name, ColumnType type) {
        return new Builder(name, type);
    }

    public boolean isBinary() {
        return collationId == BINARY_COLLATION;
    }

    public boolean has(ColumnFlag flag) {
        return flags.contains(flag);
    }

    /** Flags as the wire's 16-bit mask. */
    public int flagsMask() {
        int m = 0;
        for (ColumnFlag f : flags) {
            m |= f.mask();
        }
        return m;
    }

    /** Builds a {@link Column}; defaults follow what MySQL sends for an expression of that type. */
    public static final class Builder {
        private final String name;
        private final ColumnType type;
        private String schema = "";
        private String table = "";
        private String orgTable = "";
        private String orgName = "";
        private final Set<ColumnFlag> flags = EnumSet.noneOf(ColumnFlag.class);
        private long length;
        private int decimals;
        private int collationId;

        private Builder(String name, ColumnType type) {
            this.name = name;
            this.type = type;
            this.length = defaultLength(type);
            this.decimals = type == ColumnType.FLOAT || type == ColumnType.DOUBLE ? 31 : 0;
            this.collationId = isTextType(type) ? DEFAULT_TEXT_COLLATION : BINARY_COLLATION;
            if (!isTextType(type) && type != ColumnType.NULL) {
                flags.add(ColumnFlag.BINARY);
            }
            if (type.isNumeric()) {
                flags.add(ColumnFlag.NUM);
            }
            if (type == ColumnType.BLOB || type == ColumnType.TINY_BLOB || type == ColumnType.MEDIUM_BLOB
                    || type == ColumnType.LONG_BLOB || type == ColumnType.JSON || type == ColumnType.GEOMETRY) {
                flags.add(ColumnFlag.BLOB);
            }
        }

        private static boolean isTextType(ColumnType t) {
            switch (t) {
                case VARCHAR: case VAR_STRING: case STRING: case ENUM: case SET: case JSON:
                case TINY_BLOB: case MEDIUM_BLOB: case LONG_BLOB: case BLOB:
                    return true;
                default:
                    return false;
            }
        }

        private static long defaultLength(ColumnType t) {
            switch (t) {
                case TINY: return 4;
                case SHORT: return 6;
                case INT24: return 9;
                case LONG: return 11;
                case LONGLONG: return 20;
                case FLOAT: return 12;
                case DOUBLE: return 22;
                case NEWDECIMAL: case DECIMAL: return 66;
                case YEAR: return 4;
                case DATE: return 10;
                case TIME: return 10;
                case DATETIME: case TIMESTAMP: return 19;
                case BIT: return 1;
                case TINY_BLOB: return 255;
                case BLOB: return 65535;
                case MEDIUM_BLOB: return 16777215;
                case LONG_BLOB: case JSON: case GEOMETRY: return 4294967295L;
                case VARCHAR: case VAR_STRING: case STRING: return 255;
                default: return 0;
            }
        }

        public Builder schema(String v) { this.schema = v; return this; }
        public Builder table(String v) { this.table = v; return this; }
        public Builder orgTable(String v) { this.orgTable = v; return this; }
        public Builder orgName(String v) { this.orgName = v; return this; }
        public Builder length(long v) { this.length = v; return this; }
        public Builder decimals(int v) { this.decimals = v; return this; }

        /** Marks a text column as binary (BINARY, VARBINARY, BLOB): collation 63 and BINARY flag. */
        public Builder binary() {
            this.collationId = BINARY_COLLATION;
            flags.add(ColumnFlag.BINARY);
            return this;
        }

        public Builder collationId(int v) {
            this.collationId = v;
            if (v != BINARY_COLLATION && !type.isNumeric()) {
                flags.remove(ColumnFlag.BINARY);
            }
            return this;
        }

        public Builder flag(ColumnFlag f) { flags.add(f); return this; }

        public Builder unsigned() { return flag(ColumnFlag.UNSIGNED); }

        public Builder notNull() { return flag(ColumnFlag.NOT_NULL); }

        public Column build() {
            return new Column(schema, table, orgTable.isEmpty() ? table : orgTable, name, orgName.isEmpty() && !table.isEmpty() ? name : orgName,
                    type, flags, length, decimals, collationId);
        }
    }
}
