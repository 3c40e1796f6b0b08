package io.porpoise.backend.h2;

import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.backend.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Builds MySQL column metadata from JDBC metadata. Columns that come straight from a table take
 * their type from the table's MySQL spelling ({@code porpoise_meta.column_types}) and their key
 * and AUTO_INCREMENT flags from H2's catalog; computed columns are mapped from H2's type.
 * Table facts are cached per session until any session runs DDL (the epoch changes).
 */
final class ColumnMapper {
    /** What one result column is: its metadata and how to read its values. */
    record Mapped(Column column, ValueKind kind) {
    }

    private record ColumnFacts(DeclaredType type, String h2Type, boolean identity, Set<ColumnFlag> keyFlags) {
    }

    private final Connection conn;
    private final LongSupplier epoch;
    private final Map<String, Map<String, ColumnFacts>> tables = new HashMap<>();
    private long cachedEpoch = -1;

    ColumnMapper(Connection conn, LongSupplier epoch) {
        this.conn = conn;
        this.epoch = epoch;
    }

    List<Mapped> map(ResultSetMetaData md) throws SQLException {
        long now = epoch.getAsLong();
        if (now != cachedEpoch) {
            tables.clear();
            cachedEpoch = now;
        }
        List<Mapped> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String schema = md.getSchemaName(i);
            String table = md.getTableName(i);
            String orgName = md.getColumnName(i);
            ColumnFacts facts = null;
            if (table != null && !table.isEmpty() && schema != null && !schema.isEmpty()) {
                facts = facts(schema, table).get(orgName);
            }
            out.add(map(md, i, facts, schema, table, orgName));
        }
        return out;
    }

    private Map<String, ColumnFacts> facts(String schema, String table) throws SQLException {
        String key = schema + '\0' + table;
        Map<String, ColumnFacts> cached = tables.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Set<ColumnFlag>> keys = new HashMap<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT ic.COLUMN_NAME, i.INDEX_TYPE_NAME, ic.ORDINAL_POSITION FROM \"INFORMATION_SCHEMA\".\"INDEX_COLUMNS\" ic"
                + " JOIN \"INFORMATION_SCHEMA\".\"INDEXES\" i ON i.INDEX_SCHEMA = ic.INDEX_SCHEMA AND i.INDEX_NAME = ic.INDEX_NAME AND i.TABLE_NAME = ic.TABLE_NAME"
                + " WHERE ic.TABLE_SCHEMA = ? AND ic.TABLE_NAME = ?")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Set<ColumnFlag> f = keys.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(ColumnFlag.class));
                    switch (rs.getString(2)) {
                        case "PRIMARY KEY": f.add(ColumnFlag.PRI_KEY); break;
                        case "UNIQUE INDEX": f.add(ColumnFlag.UNIQUE_KEY); break;
                        default:
                            if (rs.getInt(3) == 1) {
                                f.add(ColumnFlag.MULTIPLE_KEY);
                            }
                    }
                }
            }
        }
        Map<String, ColumnFacts> facts = new HashMap<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE, H2_TYPE, IS_IDENTITY FROM \"" + Catalog.META
                + "\".\"column_types\" WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Set<ColumnFlag> k = keys.getOrDefault(rs.getString(1), EnumSet.noneOf(ColumnFlag.class));
                    facts.put(rs.getString(1), new ColumnFacts(DeclaredType.parse(rs.getString(2)), rs.getString(3), "YES".equals(rs.getString(4)), k));
                }
            }
        }
        tables.put(key, facts);
        return facts;
    }

    private static Mapped map(ResultSetMetaData md, int i, ColumnFacts facts, String schema, String table, String orgName) throws SQLException {
        String h2 = md.getColumnTypeName(i).toUpperCase(Locale.ROOT);
        // H2 spells ENUM columns with their values: ENUM('x', 'y').
        h2 = h2.indexOf('(') > 0 ? h2.substring(0, h2.indexOf('(')).trim() : h2;
        long precision = md.getPrecision(i);
        int scale = md.getScale(i);
        TypeChoice t = facts != null && facts.h2Type.equalsIgnoreCase(h2) ? fromDeclared(facts.type, h2) : fromH2(h2, precision, scale);
        Column.Builder b = builder(md.getColumnLabel(i), t);
        if (md.isNullable(i) == ResultSetMetaData.columnNoNulls) {
            b.notNull();
        }
        if (facts != null) {
            facts.keyFlags.forEach(b::flag);
            if (facts.identity) {
                b.flag(ColumnFlag.AUTO_INCREMENT);
            }
        }
        if (table != null && !table.isEmpty()) {
            b.schema(schema).table(table).orgTable(table).orgName(orgName);
        }
        return new Mapped(b.build(), t.kind);
    }

    private static Column.Builder builder(String name, TypeChoice t) {
        Column.Builder b = Column.builder(name, t.type).length(t.length).decimals(t.decimals);
        if (t.binary) {
            b.binary();
        }
        if (t.unsigned) {
            b.unsigned();
        }
        for (ColumnFlag f : t.flags) {
            b.flag(f);
        }
        return b;
    }

    /**
     * A prepared statement's parameter ({@code ?}) of the type H2 inferred for it
     * ({@code ParameterMetaData} names and sizes), mapped like a computed result column.
     */
    static Column parameter(String h2Type, long precision, int scale) {
        String h2 = h2Type.toUpperCase(Locale.ROOT);
        h2 = h2.indexOf('(') > 0 ? h2.substring(0, h2.indexOf('(')).trim() : h2;
        return builder("?", fromH2(h2, precision, scale)).build();
    }

    /** The MySQL type decided for a column. */
    private record TypeChoice(ColumnType type, long length, int decimals, boolean binary, boolean unsigned, Set<ColumnFlag> flags, ValueKind kind) {
        static TypeChoice of(ColumnType type, long length, int decimals, ValueKind kind) {
            return new TypeChoice(type, length, decimals, false, false, Set.of(), kind);
        }

        TypeChoice binaryString() {
            return new TypeChoice(type, length, decimals, true, unsigned, flags, kind);
        }

        TypeChoice asUnsigned(boolean u) {
            return new TypeChoice(type, length, decimals, binary, u, flags, kind);
        }

        TypeChoice with(ColumnFlag f) {
            Set<ColumnFlag> s = EnumSet.of(f);
            s.addAll(flags);
            return new TypeChoice(type, length, decimals, binary, unsigned, s, kind);
        }
    }

    private static int fsp(DeclaredType d) {
        return d.arg(0, 0);
    }

    static ValueKind kindOfH2(String h2) {
        switch (h2) {
            case "BOOLEAN": return ValueKind.BOOLEAN;
            case "TINYINT": case "SMALLINT": case "INTEGER": return ValueKind.INT;
            case "BIGINT": return ValueKind.LONG;
            case "NUMERIC": case "DECIMAL": return ValueKind.DECIMAL;
            case "REAL": return ValueKind.FLOAT;
            case "DOUBLE PRECISION": case "DECFLOAT": return ValueKind.DOUBLE;
            case "CHARACTER": case "CHARACTER VARYING": case "VARCHAR_IGNORECASE": case "CHARACTER LARGE OBJECT": case "ENUM": return ValueKind.STRING;
            case "BINARY": case "BINARY VARYING": case "BINARY LARGE OBJECT": return ValueKind.BYTES;
            case "DATE": return ValueKind.DATE;
            case "TIME": return ValueKind.TIME;
            case "TIMESTAMP": return ValueKind.DATETIME;
            case "TIMESTAMP WITH TIME ZONE": return ValueKind.DATETIME_TZ;
            case "JSON": return ValueKind.JSON_BYTES;
            default: return ValueKind.OTHER;
        }
    }

    private static TypeChoice fromDeclared(DeclaredType d, String h2) {
        ValueKind kind = kindOfH2(h2);
        boolean u = d.unsigned();
        switch (d.base()) {
            case "tinyint":
                return TypeChoice.of(ColumnType.TINY, d.args().isEmpty() ? (u ? 3 : 4) : 1, 0, kind).asUnsigned(u);
            case "smallint": return TypeChoice.of(ColumnType.SHORT, u ? 5 : 6, 0, kind).asUnsigned(u);
            case "mediumint": return TypeChoice.of(ColumnType.INT24, u ? 8 : 9, 0, kind).asUnsigned(u);
            case "int": return TypeChoice.of(ColumnType.LONG, u ? 10 : 11, 0, kind).asUnsigned(u);
            case "bigint":
                return TypeChoice.of(ColumnType.LONGLONG, 20, 0, h2.equals("NUMERIC") || h2.equals("DECIMAL") ? ValueKind.UNSIGNED_BIGINT : kind).asUnsigned(u);
            case "decimal": {
                int p = d.arg(0, 10);
                int s = d.arg(1, 0);
                return TypeChoice.of(ColumnType.NEWDECIMAL, p + (s > 0 ? 1 : 0) + (u ? 0 : 1), s, kind).asUnsigned(u);
            }
            case "float": return TypeChoice.of(ColumnType.FLOAT, 12, 31, kind).asUnsigned(u);
            case "double": return TypeChoice.of(ColumnType.DOUBLE, 22, 31, kind).asUnsigned(u);
            case "char": return TypeChoice.of(ColumnType.STRING, d.arg(0, 1), 0, kind);
            case "varchar": return TypeChoice.of(ColumnType.VAR_STRING, d.arg(0, 255), 0, kind);
            case "tinytext": return TypeChoice.of(ColumnType.BLOB, 255, 0, kind);
            case "text": return TypeChoice.of(ColumnType.BLOB, 65535, 0, kind);
            case "mediumtext": return TypeChoice.of(ColumnType.BLOB, 16777215, 0, kind);
            // Characters: the server multiplies by the charset's bytes per character (4 for utf8mb4), giving MySQL's 4294967295 bytes.
            case "longtext": return TypeChoice.of(ColumnType.BLOB, 4294967295L / 4, 0, kind);
            case "json": return TypeChoice.of(ColumnType.JSON, 4294967295L / 4, 0, kind);
            case "binary": return TypeChoice.of(ColumnType.STRING, d.arg(0, 1), 0, kind).binaryString();
            case "varbinary": return TypeChoice.of(ColumnType.VAR_STRING, d.arg(0, 255), 0, kind).binaryString();
            case "tinyblob": return TypeChoice.of(ColumnType.BLOB, 255, 0, kind).binaryString();
            case "blob": return TypeChoice.of(ColumnType.BLOB, 65535, 0, kind).binaryString();
            case "mediumblob": return TypeChoice.of(ColumnType.BLOB, 16777215, 0, kind).binaryString();
            case "longblob": return TypeChoice.of(ColumnType.BLOB, 4294967295L, 0, kind).binaryString();
            case "date": return TypeChoice.of(ColumnType.DATE, 10, 0, kind);
            case "time": return TypeChoice.of(ColumnType.TIME, 10 + (fsp(d) > 0 ? 1 + fsp(d) : 0), fsp(d), kind);
            case "datetime": return TypeChoice.of(ColumnType.DATETIME, 19 + (fsp(d) > 0 ? 1 + fsp(d) : 0), fsp(d), kind);
            case "timestamp": return TypeChoice.of(ColumnType.TIMESTAMP, 19 + (fsp(d) > 0 ? 1 + fsp(d) : 0), fsp(d), kind).with(ColumnFlag.TIMESTAMP);
            case "year": return TypeChoice.of(ColumnType.YEAR, 4, 0, kind).asUnsigned(true).with(ColumnFlag.ZEROFILL);
            case "bit": return TypeChoice.of(ColumnType.BIT, d.arg(0, 1), 0, ValueKind.BIT).asUnsigned(true);
            case "enum": return TypeChoice.of(ColumnType.STRING, maxValueLength(d), 0, kind).with(ColumnFlag.ENUM);
            case "set": return TypeChoice.of(ColumnType.STRING, maxValueLength(d) * Math.max(1, d.args().size()), 0, kind).with(ColumnFlag.SET);
            default: return fromH2(h2, 255, 0);
        }
    }

    private static long maxValueLength(DeclaredType d) {
        long max = 1;
        for (String a : d.args()) {
            max = Math.max(max, a.length() - 2);
        }
        return max;
    }

    private static TypeChoice fromH2(String h2, long precision, int scale) {
        ValueKind kind = kindOfH2(h2);
        switch (h2) {
            case "BOOLEAN": return TypeChoice.of(ColumnType.TINY, 1, 0, kind);
            case "TINYINT": return TypeChoice.of(ColumnType.TINY, 4, 0, kind);
            case "SMALLINT": return TypeChoice.of(ColumnType.SHORT, 6, 0, kind);
            case "INTEGER": return TypeChoice.of(ColumnType.LONG, 11, 0, kind);
            case "BIGINT": return TypeChoice.of(ColumnType.LONGLONG, 20, 0, kind);
            case "NUMERIC": case "DECIMAL": {
                int s = (int) Math.min(30, Math.max(0, scale));
                long p = Math.min(65, Math.max(precision, s));
                return TypeChoice.of(ColumnType.NEWDECIMAL, p + (s > 0 ? 1 : 0) + 1, s, kind);
            }
            case "REAL": return TypeChoice.of(ColumnType.FLOAT, 12, 31, kind);
            // H2 makes DOUBLE with BIGINT or DECIMAL, SUM of DOUBLE and the literal 1e0 DECFLOAT; MySQL makes them DOUBLE.
            case "DOUBLE PRECISION": case "DECFLOAT": return TypeChoice.of(ColumnType.DOUBLE, 22, 31, kind);
            case "CHARACTER": return TypeChoice.of(ColumnType.STRING, precision, 0, kind);
            case "CHARACTER VARYING": case "VARCHAR_IGNORECASE":
                return precision > 65535 ? TypeChoice.of(ColumnType.BLOB, 4294967295L / 4, 0, kind) : TypeChoice.of(ColumnType.VAR_STRING, precision, 0, kind);
            case "CHARACTER LARGE OBJECT": return TypeChoice.of(ColumnType.BLOB, 4294967295L / 4, 0, kind);
            case "ENUM": return TypeChoice.of(ColumnType.STRING, precision, 0, kind).with(ColumnFlag.ENUM);
            case "BINARY": return TypeChoice.of(ColumnType.STRING, precision, 0, kind).binaryString();
            case "BINARY VARYING":
                return (precision > 65535 ? TypeChoice.of(ColumnType.BLOB, 4294967295L, 0, kind) : TypeChoice.of(ColumnType.VAR_STRING, precision, 0, kind)).binaryString();
            case "BINARY LARGE OBJECT": return TypeChoice.of(ColumnType.BLOB, 4294967295L, 0, kind).binaryString();
            case "DATE": return TypeChoice.of(ColumnType.DATE, 10, 0, kind);
            case "TIME": case "TIME WITH TIME ZONE": {
                // H2 goes to nanoseconds (a bound LocalTime is TIME(9)); MySQL to microseconds.
                int s = Math.min(6, Math.max(0, scale));
                return TypeChoice.of(ColumnType.TIME, 10 + (s > 0 ? 1 + s : 0), s, h2.equals("TIME") ? kind : ValueKind.OTHER);
            }
            case "TIMESTAMP": case "TIMESTAMP WITH TIME ZONE": {
                int s = Math.min(6, Math.max(0, scale));
                return TypeChoice.of(ColumnType.DATETIME, 19 + (s > 0 ? 1 + s : 0), s, kind);
            }
            case "JSON": return TypeChoice.of(ColumnType.JSON, 4294967295L / 4, 0, kind);
            case "NULL": return new TypeChoice(ColumnType.NULL, 0, 0, true, false, Set.of(), ValueKind.OTHER);
            default: return TypeChoice.of(ColumnType.VAR_STRING, Math.min(Math.max(precision, 1), 65535), 0, ValueKind.OTHER);
        }
    }
}
