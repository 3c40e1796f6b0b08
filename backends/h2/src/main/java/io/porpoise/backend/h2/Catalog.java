package io.porpoise.backend.h2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backend's own catalog: the declared MySQL type of every column it created (in schema
 * {@value #META}, surviving restarts with the data), and MySQL-shaped INFORMATION_SCHEMA views in
 * schema {@code information_schema} (lower case: H2 schema names are case-sensitive, so it does
 * not collide with H2's own {@code INFORMATION_SCHEMA}; incoming references in any case are
 * rewritten to it). Views are re-created at start when their definitions changed, so upgrades
 * take effect.
 */
final class Catalog {
    static final String META = "porpoise_meta";
    static final String INFO = "information_schema";

    private Catalog() {
    }

    /** Whether {@code schema} is one the client never sees as a database. */
    static boolean isHidden(String schema) {
        return schema.equals("INFORMATION_SCHEMA") || schema.equals("PUBLIC") || schema.equals(META);
    }

    static void install(Connection c) throws SQLException {
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE SCHEMA IF NOT EXISTS \"" + META + "\"");
        ddl.add("CREATE TABLE IF NOT EXISTS \"" + META + "\".\"columns\" (table_schema VARCHAR(256) NOT NULL, table_name VARCHAR(256) NOT NULL,"
                + " column_name VARCHAR(256) NOT NULL, column_type VARCHAR(4096) NOT NULL, h2_type VARCHAR(128) NOT NULL,"
                + " PRIMARY KEY (table_schema, table_name, column_name))");
        ddl.add("CREATE SCHEMA IF NOT EXISTS \"" + INFO + "\"");
        for (Map.Entry<String, String> v : InformationSchemaViews.VIEWS.entrySet()) {
            ddl.add("CREATE OR REPLACE VIEW \"" + (v.getKey().equals("column_types") ? META : INFO) + "\".\"" + v.getKey() + "\" AS " + v.getValue());
        }
        // Re-creating the views took a third of opening the database at every start; they are
        // re-created only when their definitions or the H2 build differ from those that made them.
        String version = "catalog " + fingerprint(ddl, c.getMetaData().getDatabaseProductVersion());
        if (version.equals(installedVersion(c))) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
            s.execute("COMMENT ON SCHEMA \"" + META + "\" IS '" + version + "'");
        }
        c.commit();
    }

    /** The version the catalog was last installed with (the comment of schema {@value #META}), or null. */
    private static String installedVersion(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT REMARKS FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            p.setString(1, META);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String fingerprint(List<String> ddl, String h2Version) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(h2Version.getBytes(StandardCharsets.UTF_8));
            for (String statement : ddl) {
                sha.update((byte) 0);
                sha.update(statement.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }

    /**
     * Records the declared types of {@code columns} (lower-cased column name to type) for a table
     * that now exists in H2, keyed by H2's stored names and data type so a later change H2 makes
     * behind our back (an ALTER we did not parse) simply makes the record stale and ignored.
     */
    static void recordColumns(Connection c, String schema, String table, Map<String, DeclaredType> columns) throws SQLException {
        if (columns.isEmpty()) {
            return;
        }
        try (PreparedStatement q = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM \"INFORMATION_SCHEMA\".\"COLUMNS\" WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?");
             PreparedStatement m = c.prepareStatement("MERGE INTO \"" + META + "\".\"columns\" KEY (table_schema, table_name, column_name) VALUES (?, ?, ?, ?, ?)")) {
            q.setString(1, schema);
            q.setString(2, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    DeclaredType t = columns.get(rs.getString(2).toLowerCase(Locale.ROOT));
                    if (t != null) {
                        m.setString(1, schema);
                        m.setString(2, rs.getString(1));
                        m.setString(3, rs.getString(2));
                        m.setString(4, t.spelling());
                        m.setString(5, rs.getString(3));
                        m.addBatch();
                    }
                }
            }
            m.executeBatch();
        }
    }

    /** Forgets a table's (or, with a null table, a whole schema's) records. */
    static void forget(Connection c, String schema, String table) throws SQLException {
        String sql = "DELETE FROM \"" + META + "\".\"columns\" WHERE table_schema = ?" + (table == null ? "" : " AND table_name = ?");
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, schema);
            if (table != null) {
                p.setString(2, table);
            }
            p.executeUpdate();
        }
    }

    /** Moves a table's records after a rename. */
    static void rename(Connection c, String schema, String from, String toSchema, String to) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE \"" + META + "\".\"columns\" SET table_schema = ?, table_name = ? WHERE table_schema = ? AND table_name = ?")) {
            p.setString(1, toSchema);
            p.setString(2, to);
            p.setString(3, schema);
            p.setString(4, from);
            p.executeUpdate();
        }
    }

    /** Renames a column's record (CHANGE COLUMN). */
    static void renameColumn(Connection c, String schema, String table, String from, String to) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE \"" + META + "\".\"columns\" SET column_name = ? WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
            p.setString(1, to);
            p.setString(2, schema);
            p.setString(3, table);
            p.setString(4, from);
            p.executeUpdate();
        }
    }

    /** H2's stored name of a table (identifiers are case-insensitive), or null when it does not exist. */
    static String tableName(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT TABLE_NAME FROM \"INFORMATION_SCHEMA\".\"TABLES\" WHERE TABLE_SCHEMA = ? AND UPPER(TABLE_NAME) = UPPER(?)")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** H2's stored name of a schema, or null when it does not exist (or is hidden). */
    static String schemaName(Connection c, String schema) throws SQLException {
        if (schema.equalsIgnoreCase(INFO)) {
            return INFO;
        }
        try (PreparedStatement p = c.prepareStatement("SELECT SCHEMA_NAME FROM \"INFORMATION_SCHEMA\".\"SCHEMATA\" WHERE SCHEMA_NAME = ?")) {
            p.setString(1, schema);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next() && !isHidden(rs.getString(1))) {
                    return rs.getString(1);
                }
            }
        }
        return null;
    }
}
