package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns MySQL's SHOW statements into queries over the MySQL-shaped INFORMATION_SCHEMA views, the
 * way MySQL 8 itself implements them, so column names, order and values match what
 * Connector/J's DatabaseMetaData parses ({@code SHOW FULL TABLES FROM `db` LIKE '%'},
 * {@code SHOW FULL COLUMNS FROM `t` FROM `db` LIKE '%'}, {@code SHOW KEYS FROM `t` FROM `db`}).
 * {@code LIKE} filters the first column and {@code WHERE} filters the SHOW's own columns.
 */
final class ShowStatements {
    private static final String IS = "\"" + Catalog.INFO + "\".";

    private ShowStatements() {
    }

    private static String lit(String s) {
        return Token.quoteString(s);
    }

    private static String col(String expr, String name) {
        return expr + " AS " + Token.quoteIdentifier(name);
    }

    /** The H2 query answering {@code sig} (a SHOW, DESCRIBE or EXPLAIN-of-a-table statement). */
    static String toQuery(List<Token> sig, String current, Connection conn) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        if (c.accept("DESCRIBE") || c.accept("DESC") || c.accept("EXPLAIN")) {
            String[] t = c.qualifiedName();
            return columns(conn, t[0] == null ? current : t[0], t[1], false, c);
        }
        c.accept("SHOW");
        boolean full = c.accept("FULL");
        c.accept("EXTENDED");
        full |= c.accept("FULL");
        if (c.accept("DATABASES") || c.accept("SCHEMAS")) {
            return filter("SELECT " + col("SCHEMA_NAME", "Database") + " FROM " + IS + "SCHEMATA", false, "SCHEMA_NAME", c, "ORDER BY 1");
        }
        if (c.accept("TABLES")) {
            String db = database(c, current, conn);
            String label = "Tables_in_" + db + (c.peek().is("LIKE") ? " (" + c.peek(1).value() + ")" : "");
            return filter("SELECT " + col("TABLE_NAME", label) + (full ? ", " + col("TABLE_TYPE", "Table_type") : "") + " FROM " + IS + "TABLES WHERE TABLE_SCHEMA = " + lit(db),
                    true, "TABLE_NAME", c, "ORDER BY 1");
        }
        if (c.accept("COLUMNS") || c.accept("FIELDS")) {
            if (!c.accept("FROM")) {
                c.accept("IN");
            }
            String[] t = c.qualifiedName();
            String db = t[0];
            if (c.accept("FROM") || c.accept("IN")) {
                db = c.identifier();
            }
            return columns(conn, db == null ? current : db, t[1], full, c);
        }
        if (c.accept("INDEX") || c.accept("INDEXES") || c.accept("KEYS")) {
            if (!c.accept("FROM")) {
                c.accept("IN");
            }
            String[] t = c.qualifiedName();
            String db = t[0];
            if (c.accept("FROM") || c.accept("IN")) {
                db = c.identifier();
            }
            db = db == null ? current : db;
            String table = existingTable(conn, db, t[1]);
            return filter("SELECT " + col("TABLE_NAME", "Table") + ", " + col("NON_UNIQUE", "Non_unique") + ", " + col("INDEX_NAME", "Key_name") + ", "
                    + col("SEQ_IN_INDEX", "Seq_in_index") + ", " + col("COLUMN_NAME", "Column_name") + ", " + col("\"COLLATION\"", "Collation") + ", "
                    + col("CARDINALITY", "Cardinality") + ", " + col("SUB_PART", "Sub_part") + ", " + col("PACKED", "Packed") + ", " + col("NULLABLE", "Null") + ", "
                    + col("INDEX_TYPE", "Index_type") + ", " + col("\"COMMENT\"", "Comment") + ", " + col("INDEX_COMMENT", "Index_comment") + ", "
                    + col("IS_VISIBLE", "Visible") + ", " + col("EXPRESSION", "Expression") + " FROM " + IS + "STATISTICS WHERE TABLE_SCHEMA = " + lit(db)
                    + " AND TABLE_NAME = " + lit(table), true, null, c, "ORDER BY NON_UNIQUE, CASE WHEN INDEX_NAME = 'PRIMARY' THEN 0 ELSE 1 END, INDEX_NAME, SEQ_IN_INDEX");
        }
        if (c.accept("TABLE", "STATUS")) {
            String db = database(c, current, conn);
            return filter("SELECT " + col("TABLE_NAME", "Name") + ", " + col("ENGINE", "Engine") + ", " + col("VERSION", "Version") + ", " + col("ROW_FORMAT", "Row_format") + ", "
                    + col("TABLE_ROWS", "Rows") + ", " + col("AVG_ROW_LENGTH", "Avg_row_length") + ", " + col("DATA_LENGTH", "Data_length") + ", "
                    + col("MAX_DATA_LENGTH", "Max_data_length") + ", " + col("INDEX_LENGTH", "Index_length") + ", " + col("DATA_FREE", "Data_free") + ", "
                    + col("AUTO_INCREMENT", "Auto_increment") + ", " + col("CREATE_TIME", "Create_time") + ", " + col("UPDATE_TIME", "Update_time") + ", "
                    + col("CHECK_TIME", "Check_time") + ", " + col("TABLE_COLLATION", "Collation") + ", " + col("CHECKSUM", "Checksum") + ", "
                    + col("CREATE_OPTIONS", "Create_options") + ", " + col("TABLE_COMMENT", "Comment") + " FROM " + IS + "TABLES WHERE TABLE_SCHEMA = " + lit(db),
                    true, "TABLE_NAME", c, "ORDER BY 1");
        }
        if (c.accept("CREATE")) {
            if (c.accept("DATABASE") || c.accept("SCHEMA")) {
                boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
                String db = c.identifier();
                String stored = db == null ? null : Catalog.schemaName(conn, db);
                if (stored == null) {
                    throw Errors.unknownDatabase(db);
                }
                return "SELECT " + col(lit(stored), "Database") + ", " + col(lit("CREATE DATABASE " + (ifNotExists ? "/*!32312 IF NOT EXISTS*/ " : "") + ShowCreateTable.quote(stored)
                        + " /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */"), "Create Database");
            }
            if (c.accept("TABLE") || c.accept("VIEW")) {
                String[] t = c.qualifiedName();
                String db = t[0] == null ? current : t[0];
                return ShowCreateTable.query(conn, db, existingTable(conn, db, t[1]));
            }
        }
        if (c.accept("TRIGGERS")) {
            database(c, current, conn);
            return empty("Trigger", "Event", "Table", "Statement", "Timing", "Created", "sql_mode", "Definer", "character_set_client", "collation_connection", "Database Collation");
        }
        if ((c.accept("PROCEDURE") || c.accept("FUNCTION")) && c.accept("STATUS")) {
            return empty("Db", "Name", "Type", "Definer", "Modified", "Created", "Security_type", "Comment", "character_set_client", "collation_connection", "Database Collation");
        }
        if (c.accept("EVENTS")) {
            return empty("Db", "Name", "Definer", "Time zone", "Type", "Execute at", "Interval value", "Interval field", "Starts", "Ends", "Status", "Originator",
                    "character_set_client", "collation_connection", "Database Collation");
        }
        throw new BackendException(1235, "42000", "This version of MySQL doesn't yet support '" + TokenCursor.toH2(sig) + "' (the H2 backend answers SHOW DATABASES,"
                + " TABLES, COLUMNS, INDEX, CREATE TABLE, CREATE DATABASE, TABLE STATUS, TRIGGERS, PROCEDURE/FUNCTION STATUS, EVENTS)");
    }

    private static String empty(String... names) {
        List<String> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(col("CAST(NULL AS VARCHAR)", n));
        }
        return "SELECT " + String.join(", ", cols) + " FROM DUAL WHERE 1 = 0";
    }

    private static String columns(Connection conn, String db, String name, boolean full, TokenCursor c) throws BackendException, SQLException {
        if (db == null) {
            throw Errors.noDatabase();
        }
        String table = existingTable(conn, db, name);
        return filter("SELECT " + col("COLUMN_NAME", "Field") + ", " + col("COLUMN_TYPE", "Type") + ", " + (full ? col("COLLATION_NAME", "Collation") + ", " : "")
                + col("IS_NULLABLE", "Null") + ", " + col("COLUMN_KEY", "Key") + ", " + col("COLUMN_DEFAULT", "Default") + ", " + col("EXTRA", "Extra")
                + (full ? ", " + col("PRIVILEGES", "Privileges") + ", " + col("COLUMN_COMMENT", "Comment") : "")
                + " FROM " + IS + "COLUMNS WHERE TABLE_SCHEMA = " + lit(db) + " AND TABLE_NAME = " + lit(table), true, "COLUMN_NAME", c, "ORDER BY ORDINAL_POSITION");
    }

    /** [FROM|IN db], defaulting to the current database; checks it exists. */
    private static String database(TokenCursor c, String current, Connection conn) throws BackendException, SQLException {
        String db = current;
        if (c.accept("FROM") || c.accept("IN")) {
            db = c.identifier();
        }
        if (db == null) {
            throw Errors.noDatabase();
        }
        String stored = Catalog.schemaName(conn, db);
        if (stored == null) {
            throw Errors.unknownDatabase(db);
        }
        return stored;
    }

    private static String existingTable(Connection conn, String db, String name) throws BackendException, SQLException {
        if (db == null) {
            throw Errors.noDatabase();
        }
        String schema = Catalog.schemaName(conn, db);
        String stored = schema == null ? null : Catalog.tableName(conn, schema, name);
        if (stored == null) {
            throw Errors.noSuchTable(db, name);
        }
        return stored;
    }

    /**
     * Applies a trailing {@code LIKE 'pattern'} (to {@code likeExpr}, inside the query) or
     * {@code WHERE expr} (over the SHOW's own column names, outside it).
     */
    private static String filter(String select, boolean hasWhere, String likeExpr, TokenCursor c, String order) {
        if (likeExpr != null && c.accept("LIKE")) {
            String pattern = c.next().value();
            return select + (hasWhere ? " AND " : " WHERE ") + likeExpr + " LIKE " + lit(pattern) + " " + order;
        }
        if (c.accept("WHERE")) {
            return "SELECT * FROM (" + select + " " + order + ") s WHERE " + TokenCursor.toH2(c.rest());
        }
        return select + " " + order;
    }

    /** Whether a view (not a table) has this name. */
    static boolean isView(Connection conn, String schema, String table) throws SQLException {
        try (PreparedStatement p = conn.prepareStatement("SELECT 1 FROM \"INFORMATION_SCHEMA\".\"VIEWS\" WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }
}
