package io.porpoise.backend.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SHOW CREATE TABLE}: MySQL DDL rebuilt from the MySQL-shaped catalog views (column types,
 * defaults, keys, foreign keys), in the layout MySQL prints. Views answer with their definition
 * as H2 stores it.
 */
final class ShowCreateTable {
    private static final String IS = "\"" + Catalog.INFO + "\".";

    private ShowCreateTable() {
    }

    static String quote(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    private static String lit(String s) {
        return Token.quoteString(s);
    }

    /** A query returning the single SHOW CREATE TABLE row. */
    static String query(Connection conn, String schema, String table) throws SQLException {
        if (ShowStatements.isView(conn, schema, table)) {
            String def = "";
            try (PreparedStatement p = conn.prepareStatement("SELECT VIEW_DEFINITION FROM \"INFORMATION_SCHEMA\".\"VIEWS\" WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
                p.setString(1, schema);
                p.setString(2, table);
                try (ResultSet rs = p.executeQuery()) {
                    def = rs.next() ? rs.getString(1) : "";
                }
            }
            return "SELECT " + lit(table) + " AS \"View\", " + lit("CREATE VIEW " + quote(table) + " AS " + def) + " AS \"Create View\", "
                    + "'utf8mb4' AS \"character_set_client\", 'utf8mb4_0900_ai_ci' AS \"collation_connection\"";
        }
        return "SELECT " + lit(table) + " AS \"Table\", " + lit(ddl(conn, schema, table)) + " AS \"Create Table\"";
    }

    static String ddl(Connection conn, String schema, String table) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT, DATA_TYPE FROM " + IS
                + "COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder("  ").append(quote(rs.getString(1))).append(' ').append(rs.getString(2));
                    boolean nullable = "YES".equals(rs.getString(3));
                    if (!nullable) {
                        sb.append(" NOT NULL");
                    }
                    String dflt = rs.getString(4);
                    String extra = rs.getString(5);
                    boolean blob = rs.getString(7).endsWith("blob") || rs.getString(7).endsWith("text") || rs.getString(7).equals("json");
                    if (dflt != null) {
                        boolean expression = dflt.toUpperCase(java.util.Locale.ROOT).startsWith("CURRENT_TIMESTAMP") || dflt.endsWith(")");
                        sb.append(" DEFAULT ").append(expression ? dflt : lit(dflt));
                    } else if (nullable && !blob) {
                        sb.append(" DEFAULT NULL");
                    }
                    if (extra != null && !extra.isEmpty()) {
                        sb.append(' ').append(extra.equals("auto_increment") ? "AUTO_INCREMENT" : extra.replace("on update", "ON UPDATE"));
                    }
                    if (rs.getString(6) != null && !rs.getString(6).isEmpty()) {
                        sb.append(" COMMENT ").append(lit(rs.getString(6)));
                    }
                    lines.add(sb.toString());
                }
            }
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, \"COLLATION\" FROM " + IS
                + "STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY NON_UNIQUE, CASE WHEN INDEX_NAME = 'PRIMARY' THEN 0 ELSE 1 END, INDEX_NAME, SEQ_IN_INDEX")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(quote(rs.getString(3)) + ("D".equals(rs.getString(4)) ? " DESC" : ""));
                    unique.put(rs.getString(1), rs.getInt(2) == 0);
                }
            }
        }
        for (Map.Entry<String, List<String>> k : keys.entrySet()) {
            String cols = "(" + String.join(",", k.getValue()) + ")";
            if (k.getKey().equals("PRIMARY")) {
                lines.add("  PRIMARY KEY " + cols);
            } else {
                lines.add("  " + (unique.get(k.getKey()) ? "UNIQUE KEY " : "KEY ") + quote(k.getKey()) + " " + cols);
            }
        }
        lines.addAll(foreignKeys(conn, schema, table));
        String comment = null;
        try (PreparedStatement p = conn.prepareStatement("SELECT TABLE_COMMENT FROM " + IS + "TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                comment = rs.next() ? rs.getString(1) : null;
            }
        }
        return "CREATE TABLE " + quote(table) + " (\n" + String.join(",\n", lines) + "\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci"
                + (comment == null || comment.isEmpty() ? "" : " COMMENT=" + lit(comment));
    }

    private static List<String> foreignKeys(Connection conn, String schema, String table) throws SQLException {
        Map<String, String[]> fks = new LinkedHashMap<>();
        try (PreparedStatement p = conn.prepareStatement("SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,"
                + " r.UPDATE_RULE, r.DELETE_RULE FROM " + IS + "KEY_COLUMN_USAGE k JOIN " + IS + "REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
                + " AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String[] fk = fks.get(rs.getString(1));
                    if (fk == null) {
                        String ref = (rs.getString(3).equals(schema) ? "" : quote(rs.getString(3)) + ".") + quote(rs.getString(4));
                        fks.put(rs.getString(1), new String[] {quote(rs.getString(2)), ref, quote(rs.getString(5)), rs.getString(6), rs.getString(7)});
                    } else {
                        fk[0] += "," + quote(rs.getString(2));
                        fk[2] += "," + quote(rs.getString(5));
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String[]> e : fks.entrySet()) {
            String[] f = e.getValue();
            out.add("  CONSTRAINT " + quote(e.getKey()) + " FOREIGN KEY (" + f[0] + ") REFERENCES " + f[1] + " (" + f[2] + ")"
                    + ("RESTRICT".equals(f[4]) || "NO ACTION".equals(f[4]) ? "" : " ON DELETE " + f[4])
                    + ("RESTRICT".equals(f[3]) || "NO ACTION".equals(f[3]) ? "" : " ON UPDATE " + f[3]));
        }
        return out;
    }
}
