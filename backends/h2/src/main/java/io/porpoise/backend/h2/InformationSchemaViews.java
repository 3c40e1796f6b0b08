package io.porpoise.backend.h2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Definitions of the MySQL-shaped INFORMATION_SCHEMA views over H2's own catalog. Column names
 * and order follow MySQL 8; text columns are VARCHAR_IGNORECASE because MySQL compares them
 * case-insensitively and drivers rely on it (MariaDB Connector/J tests {@code IS_NULLABLE = 'yes'}).
 * {@code column_types} (in the backend's meta schema) is the one place that turns H2 types plus
 * recorded declarations into MySQL's COLUMN_TYPE spelling.
 */
final class InformationSchemaViews {
    private static final String H2 = "\"INFORMATION_SCHEMA\".";
    /** Hidden schemas; compared case-sensitively (H2's catalog columns ignore case, and information_schema must stay visible). */
    private static final String HIDDEN = "('INFORMATION_SCHEMA', 'PUBLIC', '" + Catalog.META + "')";
    private static final String DEFAULT_COLLATION = "'utf8mb4_0900_ai_ci'";

    /** View name to definition, in creation order ({@code column_types} first: the others read it). */
    static final Map<String, String> VIEWS;

    private InformationSchemaViews() {
    }

    private static String text(String expr, String alias) {
        return "CAST(" + expr + " AS VARCHAR_IGNORECASE) AS " + alias;
    }

    /** MySQL strips the table prefix this backend adds to index names (H2's are schema-wide). */
    private static String stripTable(String name, String table) {
        return "CASE WHEN LEFT(" + name + ", CHAR_LENGTH(" + table + ") + 1) = " + table + " || '.' THEN SUBSTRING(" + name + ", CHAR_LENGTH(" + table
                + ") + 2) ELSE " + name + " END";
    }

    static {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("column_types", "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.ORDINAL_POSITION, c.COLUMN_DEFAULT, c.IS_NULLABLE, c.IS_IDENTITY,"
                + " c.COLUMN_ON_UPDATE, c.REMARKS, c.DATETIME_PRECISION, c.CHARACTER_MAXIMUM_LENGTH, c.IS_GENERATED, c.GENERATION_EXPRESSION, c.DATA_TYPE AS H2_TYPE,"
                + " COALESCE(m.column_type, CASE c.DATA_TYPE"
                + " WHEN 'INTEGER' THEN 'int' WHEN 'BIGINT' THEN 'bigint' WHEN 'SMALLINT' THEN 'smallint' WHEN 'TINYINT' THEN 'tinyint'"
                + " WHEN 'BOOLEAN' THEN 'tinyint(1)' WHEN 'REAL' THEN 'float' WHEN 'DOUBLE PRECISION' THEN 'double' WHEN 'DECFLOAT' THEN 'double'"
                + " WHEN 'NUMERIC' THEN 'decimal(' || c.NUMERIC_PRECISION || ',' || c.NUMERIC_SCALE || ')'"
                + " WHEN 'DECIMAL' THEN 'decimal(' || c.NUMERIC_PRECISION || ',' || c.NUMERIC_SCALE || ')'"
                + " WHEN 'CHARACTER' THEN 'char(' || c.CHARACTER_MAXIMUM_LENGTH || ')'"
                + " WHEN 'CHARACTER VARYING' THEN CASE WHEN c.CHARACTER_MAXIMUM_LENGTH > 65535 THEN 'longtext' ELSE 'varchar(' || c.CHARACTER_MAXIMUM_LENGTH || ')' END"
                + " WHEN 'VARCHAR_IGNORECASE' THEN CASE WHEN c.CHARACTER_MAXIMUM_LENGTH > 65535 THEN 'longtext' ELSE 'varchar(' || c.CHARACTER_MAXIMUM_LENGTH || ')' END"
                + " WHEN 'CHARACTER LARGE OBJECT' THEN 'longtext' WHEN 'BINARY LARGE OBJECT' THEN 'longblob'"
                + " WHEN 'BINARY' THEN 'binary(' || c.CHARACTER_MAXIMUM_LENGTH || ')'"
                + " WHEN 'BINARY VARYING' THEN CASE WHEN c.CHARACTER_MAXIMUM_LENGTH > 65535 THEN 'longblob' ELSE 'varbinary(' || c.CHARACTER_MAXIMUM_LENGTH || ')' END"
                + " WHEN 'DATE' THEN 'date'"
                + " WHEN 'TIME' THEN CASE WHEN c.DATETIME_PRECISION > 0 THEN 'time(' || c.DATETIME_PRECISION || ')' ELSE 'time' END"
                + " WHEN 'TIMESTAMP' THEN CASE WHEN c.DATETIME_PRECISION > 0 THEN 'datetime(' || c.DATETIME_PRECISION || ')' ELSE 'datetime' END"
                + " WHEN 'TIMESTAMP WITH TIME ZONE' THEN CASE WHEN c.DATETIME_PRECISION > 0 THEN 'timestamp(' || c.DATETIME_PRECISION || ')' ELSE 'timestamp' END"
                + " WHEN 'JSON' THEN 'json' WHEN 'UUID' THEN 'binary(16)' ELSE LOWER(c.DATA_TYPE) END) AS COLUMN_TYPE"
                + " FROM " + H2 + "COLUMNS c LEFT JOIN \"" + Catalog.META + "\".\"columns\" m ON m.table_schema = c.TABLE_SCHEMA AND m.table_name = c.TABLE_NAME"
                + " AND m.column_name = c.COLUMN_NAME AND m.h2_type = c.DATA_TYPE"
                + " WHERE CAST(c.TABLE_SCHEMA AS VARCHAR) NOT IN " + HIDDEN);

        views.put("SCHEMATA", "SELECT " + text("'def'", "CATALOG_NAME") + ", " + text("SCHEMA_NAME", "SCHEMA_NAME") + ", "
                + text("'utf8mb4'", "DEFAULT_CHARACTER_SET_NAME") + ", " + text(DEFAULT_COLLATION, "DEFAULT_COLLATION_NAME") + ", "
                + text("NULL", "SQL_PATH") + ", " + text("'NO'", "DEFAULT_ENCRYPTION")
                + " FROM " + H2 + "SCHEMATA WHERE CAST(SCHEMA_NAME AS VARCHAR) NOT IN " + HIDDEN);

        views.put("TABLES", "SELECT " + text("'def'", "TABLE_CATALOG") + ", " + text("TABLE_SCHEMA", "TABLE_SCHEMA") + ", " + text("TABLE_NAME", "TABLE_NAME") + ", "
                + text("CASE WHEN TABLE_SCHEMA = '" + Catalog.INFO + "' THEN 'SYSTEM VIEW' ELSE TABLE_TYPE END", "TABLE_TYPE") + ", "
                + text("CASE WHEN TABLE_TYPE = 'BASE TABLE' THEN 'InnoDB' END", "ENGINE") + ", CAST(CASE WHEN TABLE_TYPE = 'BASE TABLE' THEN 10 END AS BIGINT) AS VERSION, "
                + text("CASE WHEN TABLE_TYPE = 'BASE TABLE' THEN 'Dynamic' END", "ROW_FORMAT") + ", CAST(ROW_COUNT_ESTIMATE AS BIGINT) AS TABLE_ROWS,"
                + " CAST(NULL AS BIGINT) AS AVG_ROW_LENGTH, CAST(NULL AS BIGINT) AS DATA_LENGTH, CAST(NULL AS BIGINT) AS MAX_DATA_LENGTH,"
                + " CAST(NULL AS BIGINT) AS INDEX_LENGTH, CAST(NULL AS BIGINT) AS DATA_FREE,"
                + " CAST((SELECT MAX(c.IDENTITY_BASE) FROM " + H2 + "COLUMNS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.IS_IDENTITY = 'YES') AS BIGINT) AS AUTO_INCREMENT,"
                + " CAST(NULL AS TIMESTAMP) AS CREATE_TIME, CAST(NULL AS TIMESTAMP) AS UPDATE_TIME, CAST(NULL AS TIMESTAMP) AS CHECK_TIME, "
                + text("CASE WHEN TABLE_TYPE = 'BASE TABLE' THEN " + DEFAULT_COLLATION + " END", "TABLE_COLLATION") + ", CAST(NULL AS BIGINT) AS CHECKSUM, "
                + text("''", "CREATE_OPTIONS") + ", " + text("CASE WHEN TABLE_TYPE = 'VIEW' THEN 'VIEW' ELSE COALESCE(REMARKS, '') END", "TABLE_COMMENT")
                + " FROM " + H2 + "TABLES t WHERE CAST(TABLE_SCHEMA AS VARCHAR) NOT IN " + HIDDEN + " AND TABLE_TYPE IN ('BASE TABLE', 'VIEW')");

        String key = "(SELECT CASE WHEN MAX(CASE WHEN i.INDEX_TYPE_NAME = 'PRIMARY KEY' THEN 1 ELSE 0 END) = 1 THEN 'PRI'"
                + " WHEN MAX(CASE WHEN i.INDEX_TYPE_NAME = 'UNIQUE INDEX' AND ic.ORDINAL_POSITION = 1 AND NOT EXISTS (SELECT 1 FROM " + H2 + "INDEX_COLUMNS o"
                + " WHERE o.INDEX_SCHEMA = ic.INDEX_SCHEMA AND o.INDEX_NAME = ic.INDEX_NAME AND o.ORDINAL_POSITION = 2) THEN 1 ELSE 0 END) = 1 THEN 'UNI'"
                + " WHEN MAX(CASE WHEN ic.ORDINAL_POSITION = 1 THEN 1 ELSE 0 END) = 1 THEN 'MUL' ELSE '' END"
                + " FROM " + H2 + "INDEX_COLUMNS ic JOIN " + H2 + "INDEXES i ON i.INDEX_SCHEMA = ic.INDEX_SCHEMA AND i.INDEX_NAME = ic.INDEX_NAME"
                + " WHERE ic.TABLE_SCHEMA = y.TABLE_SCHEMA AND ic.TABLE_NAME = y.TABLE_NAME AND ic.COLUMN_NAME = y.COLUMN_NAME)";
        String length = "CASE WHEN y.DT IN ('char', 'varchar', 'binary', 'varbinary') THEN CAST(SUBSTRING(y.COLUMN_TYPE, LOCATE('(', y.COLUMN_TYPE) + 1,"
                + " LOCATE(')', y.COLUMN_TYPE) - LOCATE('(', y.COLUMN_TYPE) - 1) AS BIGINT)"
                + " WHEN y.DT IN ('tinytext', 'tinyblob') THEN 255 WHEN y.DT IN ('text', 'blob') THEN 65535"
                + " WHEN y.DT IN ('mediumtext', 'mediumblob') THEN 16777215 WHEN y.DT IN ('longtext', 'longblob') THEN 4294967295"
                + " WHEN y.DT IN ('enum', 'set') THEN y.CHARACTER_MAXIMUM_LENGTH END";
        String isText = "y.DT IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set')";
        String precision = "CASE y.DT WHEN 'tinyint' THEN 3 WHEN 'smallint' THEN 5 WHEN 'mediumint' THEN 7 WHEN 'int' THEN 10"
                + " WHEN 'bigint' THEN CASE WHEN y.COLUMN_TYPE LIKE '%unsigned' THEN 20 ELSE 19 END WHEN 'float' THEN 12 WHEN 'double' THEN 22"
                + " WHEN 'bit' THEN CAST(SUBSTRING(y.COLUMN_TYPE, 5, LOCATE(')', y.COLUMN_TYPE) - 5) AS BIGINT)"
                + " WHEN 'decimal' THEN CAST(SUBSTRING(y.COLUMN_TYPE, 9, LOCATE(',', y.COLUMN_TYPE) - 9) AS BIGINT) END";
        String scale = "CASE WHEN y.DT IN ('tinyint', 'smallint', 'mediumint', 'int', 'bigint') THEN 0"
                + " WHEN y.DT = 'decimal' THEN CAST(SUBSTRING(y.COLUMN_TYPE, LOCATE(',', y.COLUMN_TYPE) + 1, LOCATE(')', y.COLUMN_TYPE) - LOCATE(',', y.COLUMN_TYPE) - 1) AS BIGINT) END";
        String dflt = "CASE WHEN y.COLUMN_DEFAULT IS NULL OR UPPER(y.COLUMN_DEFAULT) = 'NULL' THEN NULL"
                + " WHEN LEFT(y.COLUMN_DEFAULT, 1) = '''' AND RIGHT(y.COLUMN_DEFAULT, 1) = '''' AND CHAR_LENGTH(y.COLUMN_DEFAULT) >= 2"
                + " THEN REPLACE(SUBSTRING(y.COLUMN_DEFAULT, 2, CHAR_LENGTH(y.COLUMN_DEFAULT) - 2), '''''', '''') ELSE y.COLUMN_DEFAULT END";
        String extra = "CASE WHEN y.IS_IDENTITY = 'YES' THEN 'auto_increment'"
                + " WHEN y.COLUMN_ON_UPDATE IS NOT NULL THEN 'on update ' || y.COLUMN_ON_UPDATE"
                + " WHEN y.IS_GENERATED = 'ALWAYS' THEN 'STORED GENERATED' ELSE '' END";
        views.put("COLUMNS", "SELECT " + text("'def'", "TABLE_CATALOG") + ", " + text("y.TABLE_SCHEMA", "TABLE_SCHEMA") + ", " + text("y.TABLE_NAME", "TABLE_NAME") + ", "
                + text("y.COLUMN_NAME", "COLUMN_NAME") + ", CAST(y.ORDINAL_POSITION AS BIGINT) AS ORDINAL_POSITION, " + text(dflt, "COLUMN_DEFAULT") + ", "
                + text("y.IS_NULLABLE", "IS_NULLABLE") + ", " + text("y.DT", "DATA_TYPE") + ", CAST(" + length + " AS BIGINT) AS CHARACTER_MAXIMUM_LENGTH,"
                + " CAST(CASE WHEN " + isText + " THEN 4 ELSE 1 END * " + length + " AS BIGINT) AS CHARACTER_OCTET_LENGTH,"
                + " CAST(" + precision + " AS BIGINT) AS NUMERIC_PRECISION, CAST(" + scale + " AS BIGINT) AS NUMERIC_SCALE,"
                + " CAST(CASE WHEN y.DT IN ('time', 'datetime', 'timestamp') THEN COALESCE(y.DATETIME_PRECISION, 0) END AS BIGINT) AS DATETIME_PRECISION, "
                + text("CASE WHEN " + isText + " THEN 'utf8mb4' END", "CHARACTER_SET_NAME") + ", "
                + text("CASE WHEN " + isText + " THEN " + DEFAULT_COLLATION + " END", "COLLATION_NAME") + ", "
                + text("y.COLUMN_TYPE", "COLUMN_TYPE") + ", " + text("COALESCE(" + key + ", '')", "COLUMN_KEY") + ", " + text(extra, "EXTRA") + ", "
                + text("'select,insert,update,references'", "PRIVILEGES") + ", " + text("COALESCE(y.REMARKS, '')", "COLUMN_COMMENT") + ", "
                + text("COALESCE(y.GENERATION_EXPRESSION, '')", "GENERATION_EXPRESSION") + ", CAST(NULL AS INT) AS SRS_ID"
                + " FROM (SELECT x.*, CASE WHEN LOCATE('(', x.COLUMN_TYPE) > 0 THEN LEFT(x.COLUMN_TYPE, LOCATE('(', x.COLUMN_TYPE) - 1)"
                + " WHEN LOCATE(' ', x.COLUMN_TYPE) > 0 THEN LEFT(x.COLUMN_TYPE, LOCATE(' ', x.COLUMN_TYPE) - 1) ELSE x.COLUMN_TYPE END AS DT"
                + " FROM \"" + Catalog.META + "\".\"column_types\" x) y");

        String owner = "(SELECT MIN(tc.CONSTRAINT_NAME) FROM " + H2 + "TABLE_CONSTRAINTS tc WHERE tc.INDEX_SCHEMA = i.INDEX_SCHEMA AND tc.INDEX_NAME = i.INDEX_NAME"
                + " AND tc.TABLE_NAME = i.TABLE_NAME AND tc.CONSTRAINT_TYPE IN ('UNIQUE', 'FOREIGN KEY'))";
        views.put("STATISTICS", "SELECT " + text("'def'", "TABLE_CATALOG") + ", " + text("i.TABLE_SCHEMA", "TABLE_SCHEMA") + ", " + text("i.TABLE_NAME", "TABLE_NAME") + ","
                + " CAST(CASE WHEN i.INDEX_TYPE_NAME IN ('PRIMARY KEY', 'UNIQUE INDEX') THEN 0 ELSE 1 END AS INT) AS NON_UNIQUE, " + text("i.INDEX_SCHEMA", "INDEX_SCHEMA") + ", "
                + text("CASE WHEN i.INDEX_TYPE_NAME = 'PRIMARY KEY' THEN 'PRIMARY' ELSE " + stripTable("COALESCE(" + owner + ", i.INDEX_NAME)", "i.TABLE_NAME") + " END", "INDEX_NAME")
                + ", CAST(ic.ORDINAL_POSITION AS INT) AS SEQ_IN_INDEX, " + text("ic.COLUMN_NAME", "COLUMN_NAME") + ", "
                + text("CASE WHEN ic.ORDERING_SPECIFICATION = 'DESC' THEN 'D' ELSE 'A' END", "COLLATION") + ", CAST(NULL AS BIGINT) AS CARDINALITY,"
                + " CAST(NULL AS BIGINT) AS SUB_PART, " + text("NULL", "PACKED") + ", "
                + text("CASE WHEN c.IS_NULLABLE = 'YES' THEN 'YES' ELSE '' END", "NULLABLE") + ", " + text("'BTREE'", "INDEX_TYPE") + ", " + text("''", "COMMENT") + ", "
                + text("COALESCE(i.REMARKS, '')", "INDEX_COMMENT") + ", " + text("'YES'", "IS_VISIBLE") + ", " + text("NULL", "EXPRESSION")
                + " FROM " + H2 + "INDEXES i JOIN " + H2 + "INDEX_COLUMNS ic ON ic.INDEX_SCHEMA = i.INDEX_SCHEMA AND ic.INDEX_NAME = i.INDEX_NAME AND ic.TABLE_NAME = i.TABLE_NAME"
                + " JOIN " + H2 + "COLUMNS c ON c.TABLE_SCHEMA = ic.TABLE_SCHEMA AND c.TABLE_NAME = ic.TABLE_NAME AND c.COLUMN_NAME = ic.COLUMN_NAME"
                + " WHERE CAST(i.TABLE_SCHEMA AS VARCHAR) NOT IN " + HIDDEN);

        String constraintName = "CASE WHEN tc.CONSTRAINT_TYPE = 'PRIMARY KEY' THEN 'PRIMARY' WHEN tc.CONSTRAINT_TYPE = 'UNIQUE' THEN "
                + stripTable("tc.CONSTRAINT_NAME", "tc.TABLE_NAME") + " ELSE tc.CONSTRAINT_NAME END";
        views.put("TABLE_CONSTRAINTS", "SELECT " + text("'def'", "CONSTRAINT_CATALOG") + ", " + text("tc.CONSTRAINT_SCHEMA", "CONSTRAINT_SCHEMA") + ", "
                + text(constraintName, "CONSTRAINT_NAME") + ", " + text("tc.TABLE_SCHEMA", "TABLE_SCHEMA") + ", " + text("tc.TABLE_NAME", "TABLE_NAME") + ", "
                + text("tc.CONSTRAINT_TYPE", "CONSTRAINT_TYPE") + ", " + text("'YES'", "ENFORCED")
                + " FROM " + H2 + "TABLE_CONSTRAINTS tc WHERE CAST(tc.TABLE_SCHEMA AS VARCHAR) NOT IN " + HIDDEN);

        String refName = "(SELECT CASE WHEN u.CONSTRAINT_TYPE = 'PRIMARY KEY' THEN 'PRIMARY' WHEN u.CONSTRAINT_TYPE = 'UNIQUE' THEN "
                + stripTable("u.CONSTRAINT_NAME", "u.TABLE_NAME") + " ELSE u.CONSTRAINT_NAME END FROM " + H2 + "TABLE_CONSTRAINTS u"
                + " WHERE u.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA AND u.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME)";
        String refTable = "(SELECT u.TABLE_NAME FROM " + H2 + "TABLE_CONSTRAINTS u WHERE u.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
                + " AND u.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME)";
        views.put("KEY_COLUMN_USAGE", "SELECT " + text("'def'", "CONSTRAINT_CATALOG") + ", " + text("k.CONSTRAINT_SCHEMA", "CONSTRAINT_SCHEMA") + ", "
                + text(constraintName, "CONSTRAINT_NAME") + ", " + text("'def'", "TABLE_CATALOG") + ", " + text("k.TABLE_SCHEMA", "TABLE_SCHEMA") + ", "
                + text("k.TABLE_NAME", "TABLE_NAME") + ", " + text("k.COLUMN_NAME", "COLUMN_NAME") + ", CAST(k.ORDINAL_POSITION AS BIGINT) AS ORDINAL_POSITION,"
                + " CAST(k.POSITION_IN_UNIQUE_CONSTRAINT AS BIGINT) AS POSITION_IN_UNIQUE_CONSTRAINT, "
                + text("rc.UNIQUE_CONSTRAINT_SCHEMA", "REFERENCED_TABLE_SCHEMA") + ", " + text(refTable, "REFERENCED_TABLE_NAME") + ", "
                + text("(SELECT r.COLUMN_NAME FROM " + H2 + "KEY_COLUMN_USAGE r WHERE r.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
                        + " AND r.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME AND r.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT)", "REFERENCED_COLUMN_NAME")
                + " FROM " + H2 + "KEY_COLUMN_USAGE k JOIN " + H2 + "TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " LEFT JOIN " + H2 + "REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " WHERE CAST(k.TABLE_SCHEMA AS VARCHAR) NOT IN " + HIDDEN + " AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')");

        views.put("REFERENTIAL_CONSTRAINTS", "SELECT " + text("'def'", "CONSTRAINT_CATALOG") + ", " + text("rc.CONSTRAINT_SCHEMA", "CONSTRAINT_SCHEMA") + ", "
                + text("rc.CONSTRAINT_NAME", "CONSTRAINT_NAME") + ", " + text("'def'", "UNIQUE_CONSTRAINT_CATALOG") + ", "
                + text("rc.UNIQUE_CONSTRAINT_SCHEMA", "UNIQUE_CONSTRAINT_SCHEMA") + ", " + text(refName, "UNIQUE_CONSTRAINT_NAME") + ", "
                + text("'NONE'", "MATCH_OPTION") + ", " + text("rc.UPDATE_RULE", "UPDATE_RULE") + ", " + text("rc.DELETE_RULE", "DELETE_RULE") + ", "
                + text("(SELECT t.TABLE_NAME FROM " + H2 + "TABLE_CONSTRAINTS t WHERE t.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = rc.CONSTRAINT_NAME)", "TABLE_NAME")
                + ", " + text(refTable, "REFERENCED_TABLE_NAME")
                + " FROM " + H2 + "REFERENTIAL_CONSTRAINTS rc WHERE CAST(rc.CONSTRAINT_SCHEMA AS VARCHAR) NOT IN " + HIDDEN);

        // H2 has no stored procedures reachable from MySQL SQL: these are truthfully empty, with MySQL's columns.
        views.put("ROUTINES", "SELECT " + nulls("SPECIFIC_NAME", "ROUTINE_CATALOG", "ROUTINE_SCHEMA", "ROUTINE_NAME", "ROUTINE_TYPE", "DATA_TYPE")
                + ", CAST(NULL AS BIGINT) AS CHARACTER_MAXIMUM_LENGTH, CAST(NULL AS BIGINT) AS CHARACTER_OCTET_LENGTH, CAST(NULL AS BIGINT) AS NUMERIC_PRECISION,"
                + " CAST(NULL AS BIGINT) AS NUMERIC_SCALE, CAST(NULL AS BIGINT) AS DATETIME_PRECISION, "
                + nulls("CHARACTER_SET_NAME", "COLLATION_NAME", "DTD_IDENTIFIER", "ROUTINE_BODY", "ROUTINE_DEFINITION", "EXTERNAL_NAME", "EXTERNAL_LANGUAGE",
                        "PARAMETER_STYLE", "IS_DETERMINISTIC", "SQL_DATA_ACCESS", "SQL_PATH", "SECURITY_TYPE")
                + ", CAST(NULL AS TIMESTAMP) AS CREATED, CAST(NULL AS TIMESTAMP) AS LAST_ALTERED, "
                + nulls("SQL_MODE", "ROUTINE_COMMENT", "DEFINER", "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION", "DATABASE_COLLATION") + " FROM DUAL WHERE 1 = 0");
        views.put("PARAMETERS", "SELECT " + nulls("SPECIFIC_CATALOG", "SPECIFIC_SCHEMA", "SPECIFIC_NAME") + ", CAST(NULL AS BIGINT) AS ORDINAL_POSITION, "
                + nulls("PARAMETER_MODE", "PARAMETER_NAME", "DATA_TYPE") + ", CAST(NULL AS BIGINT) AS CHARACTER_MAXIMUM_LENGTH, CAST(NULL AS BIGINT) AS CHARACTER_OCTET_LENGTH,"
                + " CAST(NULL AS BIGINT) AS NUMERIC_PRECISION, CAST(NULL AS BIGINT) AS NUMERIC_SCALE, CAST(NULL AS BIGINT) AS DATETIME_PRECISION, "
                + nulls("CHARACTER_SET_NAME", "COLLATION_NAME", "DTD_IDENTIFIER", "ROUTINE_TYPE") + " FROM DUAL WHERE 1 = 0");
        // No triggers and no tablespace files on this backend; mysqldump/mariadb-dump query both.
        views.put("TRIGGERS", "SELECT " + nulls("TRIGGER_CATALOG", "TRIGGER_SCHEMA", "TRIGGER_NAME", "EVENT_MANIPULATION",
                "EVENT_OBJECT_CATALOG", "EVENT_OBJECT_SCHEMA", "EVENT_OBJECT_TABLE") + ", CAST(NULL AS BIGINT) AS ACTION_ORDER, "
                + nulls("ACTION_CONDITION", "ACTION_STATEMENT", "ACTION_ORIENTATION", "ACTION_TIMING", "ACTION_REFERENCE_OLD_TABLE",
                        "ACTION_REFERENCE_NEW_TABLE", "ACTION_REFERENCE_OLD_ROW", "ACTION_REFERENCE_NEW_ROW")
                + ", CAST(NULL AS TIMESTAMP) AS CREATED, " + nulls("SQL_MODE", "DEFINER", "CHARACTER_SET_CLIENT", "COLLATION_CONNECTION",
                        "DATABASE_COLLATION") + " FROM DUAL WHERE 1 = 0");
        views.put("FILES", "SELECT CAST(NULL AS BIGINT) AS FILE_ID, " + nulls("FILE_NAME", "FILE_TYPE", "TABLESPACE_NAME", "TABLE_CATALOG",
                "TABLE_SCHEMA", "TABLE_NAME", "LOGFILE_GROUP_NAME") + ", CAST(NULL AS BIGINT) AS LOGFILE_GROUP_NUMBER, "
                + nulls("ENGINE", "FULLTEXT_KEYS") + ", CAST(NULL AS BIGINT) AS DELETED_ROWS, CAST(NULL AS BIGINT) AS UPDATE_COUNT,"
                + " CAST(NULL AS BIGINT) AS FREE_EXTENTS, CAST(NULL AS BIGINT) AS TOTAL_EXTENTS, CAST(NULL AS BIGINT) AS EXTENT_SIZE,"
                + " CAST(NULL AS BIGINT) AS INITIAL_SIZE, CAST(NULL AS BIGINT) AS MAXIMUM_SIZE, CAST(NULL AS BIGINT) AS AUTOEXTEND_SIZE, "
                + nulls("STATUS", "EXTRA") + " FROM DUAL WHERE 1 = 0");
        // Tables are never partitioned here: one row per base table with NULL partition columns, as MySQL
        // shows a table without partitions.
        views.put("PARTITIONS", "SELECT " + text("'def'", "TABLE_CATALOG") + ", " + text("TABLE_SCHEMA", "TABLE_SCHEMA") + ", "
                + text("TABLE_NAME", "TABLE_NAME") + ", " + nulls("PARTITION_NAME", "SUBPARTITION_NAME")
                + ", CAST(NULL AS BIGINT) AS PARTITION_ORDINAL_POSITION, CAST(NULL AS BIGINT) AS SUBPARTITION_ORDINAL_POSITION, "
                + nulls("PARTITION_METHOD", "SUBPARTITION_METHOD", "PARTITION_EXPRESSION", "SUBPARTITION_EXPRESSION", "PARTITION_DESCRIPTION")
                + ", CAST(ROW_COUNT_ESTIMATE AS BIGINT) AS TABLE_ROWS, " + nulls("PARTITION_COMMENT", "NODEGROUP", "TABLESPACE_NAME")
                + " FROM " + H2 + "TABLES t WHERE TABLE_TYPE = 'BASE TABLE' AND CAST(TABLE_SCHEMA AS VARCHAR) NOT IN " + HIDDEN);
        CharsetViews.addTo(views);
        VIEWS = java.util.Collections.unmodifiableMap(views);
    }

    private static String nulls(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append(text("NULL", n));
        }
        return sb.toString();
    }
}
