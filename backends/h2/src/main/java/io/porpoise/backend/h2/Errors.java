package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;

/**
 * Translates H2 errors ({@link ErrorCode}) into MySQL's errno, SQLSTATE and message wording,
 * which clients and ORMs match on. Anything without a MySQL counterpart becomes 1105/HY000 with
 * H2's own message.
 */
final class Errors {
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"]++|\"\")*+)\"");
    /** The value, column and H2 type in a data conversion error: {@code 'abc' (t: "id" INTEGER NOT NULL)}. */
    private static final Pattern CONVERTING = Pattern.compile("'(.*)' \\(.*?\"([^\"]*)\" ([A-Z]+).*\\)", Pattern.DOTALL);

    private Errors() {
    }

    static BackendException noDatabase() {
        return new BackendException(1046, "3D000", "No database selected");
    }

    static BackendException unknownDatabase(String name) {
        return new BackendException(1049, "42000", "Unknown database '" + name + "'");
    }

    static BackendException noSuchTable(String schema, String table) {
        return new BackendException(1146, "42S02", "Table '" + schema + "." + table + "' doesn't exist");
    }

    static BackendException unknownTable(String schema, String table) {
        return new BackendException(1051, "42S02", "Unknown table '" + schema + "." + table + "'");
    }

    static BackendException interrupted() {
        return new BackendException(1317, "70100", "Query execution was interrupted");
    }

    static BackendException syntax(String near) {
        return new BackendException(1064, "42000", "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version"
                + " for the right syntax to use near '" + near + "' at line 1");
    }

    private static String firstQuoted(String msg) {
        Matcher m = QUOTED.matcher(msg);
        return m.find() ? m.group(1).replace("\"\"", "\"") : "";
    }

    /** The H2 message without the trailing "; SQL statement: ..." part. */
    private static String shortMessage(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int cut = m.indexOf("; SQL statement:");
        m = cut >= 0 ? m.substring(0, cut) : m;
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).trim();
    }

    /**
     * Maps an H2 error of a data statement (SELECT, INSERT, REPLACE, UPDATE, DELETE). MySQL
     * opens the tables first and reports a table in a missing database as a missing table
     * (1146 {@code Table 'nodb.t' doesn't exist}, where USE and CREATE TABLE say 1049), and a
     * qualified table names its own database, whether or not one is selected. H2 names only the
     * missing schema, or the table without its schema, so the name comes from the statement.
     *
     * @param sig the statement's significant tokens
     */
    static BackendException mapData(SQLException e, String schema, List<Token> sig) {
        String quoted = firstQuoted(shortMessage(e));
        switch (e.getErrorCode()) {
            case ErrorCode.SCHEMA_NOT_FOUND_1: {
                String[] t = qualifiedTable(sig, quoted, null);
                if (t != null) {
                    return new BackendException(1146, "42S02", "Table '" + t[0] + "." + t[1] + "' doesn't exist", e);
                }
                String column = qualifiedColumn(sig, quoted);
                if (column != null) {
                    return new BackendException(1054, "42S22", "Unknown column '" + column + "' in 'field list'", e);
                }
                break;
            }
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1:
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2:
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1: {
                String[] t = quoted.contains(".") ? null : qualifiedTable(sig, null, quoted);
                if (t != null) {
                    return new BackendException(1146, "42S02", "Table '" + t[0] + "." + t[1] + "' doesn't exist", e);
                }
                break;
            }
            default:
                break;
        }
        return map(e, schema);
    }

    /** The first {@code db.table} in {@code sig} (not followed by '.' or '(') matching the given parts (null matches any), as written. */
    private static String[] qualifiedTable(List<Token> sig, String db, String table) {
        for (int i = 0; i + 2 < sig.size(); i++) {
            Token a = sig.get(i);
            Token b = sig.get(i + 2);
            Token after = i + 3 < sig.size() ? sig.get(i + 3) : Token.of(Token.Kind.SYMBOL, "");
            if (a.isIdentifier() && sig.get(i + 1).isSymbol(".") && b.isIdentifier() && !after.isSymbol(".") && !after.isSymbol("(")
                    && (i == 0 || !sig.get(i - 1).isSymbol(".")) && (db == null || a.value().equalsIgnoreCase(db))
                    && (table == null || b.value().equalsIgnoreCase(table))) {
                return new String[] {a.value(), b.value()};
            }
        }
        return null;
    }

    /** The first {@code db.table.column} in {@code sig} with that database, as written, or null. */
    private static String qualifiedColumn(List<Token> sig, String db) {
        for (int i = 0; i + 4 < sig.size(); i++) {
            if (sig.get(i).isIdentifier() && sig.get(i).value().equalsIgnoreCase(db) && sig.get(i + 1).isSymbol(".") && sig.get(i + 2).isIdentifier()
                    && sig.get(i + 3).isSymbol(".") && sig.get(i + 4).isIdentifier()) {
                return sig.get(i).value() + "." + sig.get(i + 2).value() + "." + sig.get(i + 4).value();
            }
        }
        return null;
    }

    /**
     * Maps an H2 error.
     *
     * @param schema the current database, used to qualify table names the way MySQL does
     */
    static BackendException map(SQLException e, String schema) {
        String msg = shortMessage(e);
        String db = schema == null ? "" : schema;
        switch (e.getErrorCode()) {
            case ErrorCode.SYNTAX_ERROR_1:
            case ErrorCode.SYNTAX_ERROR_2:
            case ErrorCode.UNKNOWN_DATA_TYPE_1: {
                int mark = msg.indexOf("[*]");
                String near = "";
                if (mark >= 0) {
                    near = msg.substring(mark + 3);
                    int end = near.indexOf('"');
                    near = end >= 0 ? near.substring(0, end) : near;
                }
                return syntax(near.length() > 80 ? near.substring(0, 80) : near);
            }
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1:
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2:
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1: {
                if (schema == null) {
                    return noDatabase();
                }
                String t = firstQuoted(msg);
                return new BackendException(1146, "42S02", "Table '" + (t.contains(".") ? t : db + "." + t) + "' doesn't exist", e);
            }
            case ErrorCode.SCHEMA_NOT_FOUND_1:
                return new BackendException(1049, "42000", "Unknown database '" + firstQuoted(msg) + "'", e);
            case ErrorCode.COLUMN_NOT_FOUND_1:
                return new BackendException(1054, "42S22", "Unknown column '" + firstQuoted(msg) + "' in 'field list'", e);
            case ErrorCode.DUPLICATE_KEY_1:
                return duplicate(msg, e);
            case ErrorCode.NULL_NOT_ALLOWED:
                return new BackendException(1048, "23000", "Column '" + firstQuoted(msg) + "' cannot be null", e);
            case ErrorCode.VALUE_TOO_LONG_2: {
                String col = firstQuoted(msg);
                int sp = col.indexOf(' ');
                return new BackendException(1406, "22001", "Data too long for column '" + (sp > 0 ? col.substring(0, sp) : col) + "' at row 1", e);
            }
            case ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS_1:
                return new BackendException(1050, "42S01", "Table '" + unqualified(firstQuoted(msg)) + "' already exists", e);
            case ErrorCode.SCHEMA_ALREADY_EXISTS_1:
                return new BackendException(1007, "HY000", "Can't create database '" + firstQuoted(msg) + "'; database exists", e);
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_2: {
                Matcher m = QUOTED.matcher(msg);
                String col = m.find() && m.find() ? m.group(1) : "";
                return new BackendException(1264, "22003", "Out of range value for column '" + col + "' at row 1", e);
            }
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_1:
                return new BackendException(1690, "22003", "Value is out of range: " + firstQuoted(msg), e);
            case ErrorCode.DIVISION_BY_ZERO_1:
                return new BackendException(1365, "22012", "Division by 0", e);
            case ErrorCode.LOCK_TIMEOUT_1:
                return new BackendException(1205, "HY000", "Lock wait timeout exceeded; try restarting transaction", e);
            case ErrorCode.DEADLOCK_1:
                return new BackendException(1213, "40001", "Deadlock found when trying to get lock; try restarting transaction", e);
            case ErrorCode.STATEMENT_WAS_CANCELED:
                return new BackendException(1317, "70100", "Query execution was interrupted", e);
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS_1:
                return new BackendException(1451, "23000", "Cannot delete or update a parent row: a foreign key constraint fails (" + firstQuoted(msg) + ")", e);
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1:
                return new BackendException(1452, "23000", "Cannot add or update a child row: a foreign key constraint fails (" + firstQuoted(msg) + ")", e);
            case ErrorCode.CHECK_CONSTRAINT_VIOLATED_1:
                return new BackendException(3819, "HY000", "Check constraint '" + firstQuoted(msg) + "' is violated.", e);
            case ErrorCode.INDEX_ALREADY_EXISTS_1:
            case ErrorCode.CONSTRAINT_ALREADY_EXISTS_1:
                return new BackendException(1061, "42000", "Duplicate key name '" + stripTable(firstQuoted(msg)) + "'", e);
            case ErrorCode.DUPLICATE_COLUMN_NAME_1:
                return new BackendException(1060, "42S21", "Duplicate column name '" + firstQuoted(msg) + "'", e);
            case ErrorCode.INDEX_NOT_FOUND_1:
            case ErrorCode.CONSTRAINT_NOT_FOUND_1:
                return new BackendException(1091, "42000", "Can't DROP '" + stripTable(firstQuoted(msg)) + "'; check that column/key exists", e);
            case ErrorCode.INVALID_DATETIME_CONSTANT_2:
                return badTemporal(msg, e);
            case ErrorCode.DATA_CONVERSION_ERROR_1:
                return badValue(firstQuoted(msg), e);
            case ErrorCode.FUNCTION_NOT_FOUND_1:
                return new BackendException(1305, "42000", "FUNCTION " + db + (db.isEmpty() ? "" : ".") + firstQuoted(msg) + " does not exist", e);
            case ErrorCode.FEATURE_NOT_SUPPORTED_1:
                return new BackendException(1235, "42000", "This version of MySQL doesn't yet support '" + firstQuoted(msg) + "'", e);
            case ErrorCode.OUT_OF_MEMORY:
                return new BackendException(1041, "HY000", "Out of memory; check if mysqld or some other process uses all available memory", e);
            case ErrorCode.DATABASE_IS_CLOSED:
            case ErrorCode.CONNECTION_BROKEN_1:
                return new BackendException(1053, "08S01", "Server shutdown in progress", e);
            default:
                return new BackendException(1105, "HY000", msg, e);
        }
    }

    /**
     * H2's {@code Cannot parse "DATE" constant "x"} as MySQL's {@code Incorrect date value: 'x'}
     * (MySQL adds the column, which H2 does not name).
     */
    private static BackendException badTemporal(String msg, SQLException e) {
        Matcher m = QUOTED.matcher(msg);
        String type = m.find() ? m.group(1) : "";
        String value = m.find() ? m.group(1).replace("\"\"", "\"") : "";
        String kind = type.equals("DATE") ? "date" : type.startsWith("TIME") && !type.startsWith("TIMESTAMP") ? "time" : "datetime";
        return new BackendException(1292, "22007", "Incorrect " + kind + " value: '" + value + "'", e);
    }

    /**
     * H2's {@code converting "'abc' (t: "id" INTEGER NOT NULL)"} (a value for a column) as
     * MySQL's {@code Incorrect integer value: 'abc' for column 'id' at row 1}; without a column,
     * {@code Incorrect value: 'abc'}.
     */
    private static BackendException badValue(String converting, SQLException e) {
        Matcher m = CONVERTING.matcher(converting);
        if (!m.matches()) {
            String v = converting.startsWith("'") ? converting : "'" + converting + "'";
            return new BackendException(1366, "HY000", "Incorrect value: " + v, e);
        }
        String kind;
        switch (m.group(3)) {
            case "TINYINT": case "SMALLINT": case "INTEGER": case "BIGINT": kind = "integer"; break;
            case "NUMERIC": case "DECIMAL": kind = "decimal"; break;
            case "REAL": case "DOUBLE": case "DECFLOAT": kind = "double"; break;
            default: kind = "string"; break;
        }
        return new BackendException(1366, "HY000", "Incorrect " + kind + " value: '" + m.group(1).replace("''", "'") + "' for column '" + m.group(2) + "' at row 1", e);
    }

    private static String unqualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : name;
    }

    /** Index names carry a {@code table.} prefix in H2 (see IndexElement); MySQL shows them without. */
    private static String stripTable(String name) {
        int dot = name.indexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : name;
    }

    /**
     * H2 reports {@code "PRIMARY KEY ON s.t(id) ( /* key:1 *}{@code / 1, 'a')"} (the whole row) or
     * {@code "s.t.uk_INDEX_5 ON s.t(b NULLS FIRST) VALUES ( /* 5 *}{@code / 'x' )"}; MySQL says
     * {@code Duplicate entry '1' for key 't.PRIMARY'}, multi-column values joined with '-'.
     */
    private static BackendException duplicate(String msg, SQLException e) {
        int open = msg.indexOf('"');
        int close = msg.lastIndexOf('"');
        String q = open >= 0 && close > open ? msg.substring(open + 1, close).replace("\"\"", "\"") : "";
        int on = q.indexOf(" ON ");
        int paren = on < 0 ? -1 : q.indexOf('(', on);
        if (on < 0 || paren < 0) {
            return new BackendException(1062, "23000", "Duplicate entry '' for key '" + q + "'", e);
        }
        String table = q.substring(on + 4, paren);
        table = table.substring(table.lastIndexOf('.') + 1).replace("\"", "");
        int colsEnd = q.indexOf(')', paren);
        int keyColumns = q.substring(paren + 1, colsEnd).split(",").length;
        String index = q.substring(0, on).replace("\"", "");
        String key;
        if (index.equals("PRIMARY KEY") || index.contains("PRIMARY_KEY_")) {
            key = "PRIMARY";
        } else {
            int t = index.indexOf(table + ".");
            key = t >= 0 ? index.substring(t + table.length() + 1) : index.substring(index.indexOf('.') + 1);
            int suffix = key.lastIndexOf("_INDEX_");
            key = suffix > 0 ? key.substring(0, suffix) : key;
        }
        int comment = q.indexOf("*/", colsEnd);
        int last = q.lastIndexOf(')');
        List<String> values = comment < 0 || last < comment ? List.of() : splitValues(q.substring(comment + 2, last));
        StringBuilder entry = new StringBuilder();
        for (int i = 0; i < Math.min(keyColumns, values.size()); i++) {
            String v = values.get(i);
            if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
                v = v.substring(1, v.length() - 1).replace("''", "'");
            }
            entry.append(i == 0 ? "" : "-").append(v);
        }
        return new BackendException(1062, "23000", "Duplicate entry '" + entry + "' for key '" + table + "." + key + "'", e);
    }

    /** Splits H2's printed row values at commas outside quotes. */
    private static List<String> splitValues(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString().trim());
        }
        return out;
    }
}
