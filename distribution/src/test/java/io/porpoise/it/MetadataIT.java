package io.porpoise.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DatabaseMetaData of Connector/J in each of its modes and of MariaDB Connector/J against the H2
 * backend, with the values asserted, plus the result metadata and errors applications read by
 * name. Connector/J 9.x answers metadata from INFORMATION_SCHEMA by default
 * ({@code useInformationSchema=true}) and from SHOW statements with
 * {@code useInformationSchema=false}; {@code databaseTerm=SCHEMA} reports databases as schemas
 * (catalog "def") instead of catalogs.
 */
class MetadataIT {
    static ServerFixture fx;

    /** Connector/J URL options: the default, both metadata implementations, each with both database terms. */
    static List<String> modes() {
        return List.of("", "&useInformationSchema=true", "&databaseTerm=SCHEMA", "&useInformationSchema=false", "&useInformationSchema=false&databaseTerm=SCHEMA");
    }

    @BeforeAll
    static void start() throws SQLException {
        fx = ServerFixture.start();
        try (Connection c = fx.mysql(""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE meta_db");
            s.execute("CREATE DATABASE other_db");
            s.execute("USE meta_db");
            s.execute("CREATE TABLE parent (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
            s.execute("CREATE TABLE child (id INT NOT NULL AUTO_INCREMENT, parent_id BIGINT NOT NULL, code CHAR(8) NOT NULL, note TEXT, amount DECIMAL(10,2),"
                    + " PRIMARY KEY (id), UNIQUE KEY uk_code (code), KEY idx_amount (amount),"
                    + " CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE)");
            s.execute("CREATE TABLE pair (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (b, a))");
            s.execute("CREATE VIEW v_parent AS SELECT id, name FROM parent");
            s.execute("CREATE TABLE other_db.elsewhere (x INT)");
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static boolean schemaTerm(String mode) {
        return mode.contains("databaseTerm=SCHEMA");
    }

    /** The catalog argument for meta_db in this mode. */
    private static String cat(String mode) {
        return schemaTerm(mode) ? null : "meta_db";
    }

    /** The schema-pattern argument for meta_db in this mode. */
    private static String sch(String mode) {
        return schemaTerm(mode) ? "meta_db" : null;
    }

    /** Where meta_db shows up in a row: TABLE_CAT-like column for catalogs, TABLE_SCHEM-like for schemas. */
    private static void assertDatabase(String mode, ResultSet rs, String catColumn, String schemColumn) throws SQLException {
        if (schemaTerm(mode)) {
            assertEquals("meta_db", rs.getString(schemColumn), schemColumn);
            assertEquals("def", rs.getString(catColumn), catColumn);
        } else {
            assertEquals("meta_db", rs.getString(catColumn), catColumn);
            assertNull(rs.getString(schemColumn), schemColumn);
        }
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(column));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("modes")
    void catalogsAndSchemas(String mode) throws SQLException {
        try (Connection c = fx.mysql(mode)) {
            DatabaseMetaData md = c.getMetaData();
            List<String> catalogs = strings(md.getCatalogs(), "TABLE_CAT");
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                    assertEquals("def", rs.getString("TABLE_CATALOG"));
                }
            }
            if (schemaTerm(mode)) {
                assertEquals(List.of(), catalogs);
                assertTrue(schemas.containsAll(List.of("information_schema", "meta_db", "other_db")), schemas.toString());
                assertEquals(List.of("meta_db"), strings(md.getSchemas(null, "meta%"), "TABLE_SCHEM"));
            } else {
                assertTrue(catalogs.containsAll(List.of("information_schema", "meta_db", "other_db")), catalogs.toString());
                assertEquals(List.of(), schemas);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void tables(String mode) throws SQLException {
        try (Connection c = fx.mysql(mode)) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(cat(mode), sch(mode), "%", new String[] {"TABLE"})) {
                for (String name : List.of("child", "pair", "parent")) {
                    assertTrue(rs.next(), name);
                    assertEquals(name, rs.getString("TABLE_NAME"));
                    assertEquals("TABLE", rs.getString("TABLE_TYPE"));
                    assertDatabase(mode, rs, "TABLE_CAT", "TABLE_SCHEM");
                }
                assertFalse(rs.next());
            }
            assertEquals(List.of("v_parent"), strings(md.getTables(cat(mode), sch(mode), "%", new String[] {"VIEW"}), "TABLE_NAME"));
            assertEquals(List.of("VIEW"), strings(md.getTables(cat(mode), sch(mode), "v%", new String[] {"TABLE", "VIEW"}), "TABLE_TYPE"));
            assertEquals(List.of("child", "pair", "parent", "v_parent"), strings(md.getTables(cat(mode), sch(mode), "%", null), "TABLE_NAME"));
            assertEquals(List.of("parent"), strings(md.getTables(cat(mode), sch(mode), "par%", new String[] {"TABLE"}), "TABLE_NAME"));
        }
    }

    private static void assertColumn(ResultSet rs, String name, int dataType, String typeName, int size, int nullable, String autoIncrement)
            throws SQLException {
        assertTrue(rs.next(), name);
        assertEquals(name, rs.getString("COLUMN_NAME"));
        assertEquals("child", rs.getString("TABLE_NAME"));
        assertEquals(dataType, rs.getInt("DATA_TYPE"), name + " DATA_TYPE");
        assertEquals(typeName, rs.getString("TYPE_NAME"), name + " TYPE_NAME");
        assertEquals(size, rs.getInt("COLUMN_SIZE"), name + " COLUMN_SIZE");
        assertEquals(nullable, rs.getInt("NULLABLE"), name + " NULLABLE");
        assertEquals(nullable == DatabaseMetaData.columnNoNulls ? "NO" : "YES", rs.getString("IS_NULLABLE"), name + " IS_NULLABLE");
        assertEquals(autoIncrement, rs.getString("IS_AUTOINCREMENT"), name + " IS_AUTOINCREMENT");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void columns(String mode) throws SQLException {
        try (Connection c = fx.mysql(mode); ResultSet rs = c.getMetaData().getColumns(cat(mode), sch(mode), "child", "%")) {
            assertColumn(rs, "id", Types.INTEGER, "INT", 10, DatabaseMetaData.columnNoNulls, "YES");
            assertDatabase(mode, rs, "TABLE_CAT", "TABLE_SCHEM");
            assertEquals(1, rs.getInt("ORDINAL_POSITION"));
            assertColumn(rs, "parent_id", Types.BIGINT, "BIGINT", 19, DatabaseMetaData.columnNoNulls, "NO");
            assertColumn(rs, "code", Types.CHAR, "CHAR", 8, DatabaseMetaData.columnNoNulls, "NO");
            assertColumn(rs, "note", Types.LONGVARCHAR, "TEXT", 65535, DatabaseMetaData.columnNullable, "NO");
            assertColumn(rs, "amount", Types.DECIMAL, "DECIMAL", 10, DatabaseMetaData.columnNullable, "NO");
            assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
            assertEquals(5, rs.getInt("ORDINAL_POSITION"));
            assertFalse(rs.next());
        }
        try (Connection c = fx.mysql(mode)) {
            assertEquals(List.of("name"), strings(c.getMetaData().getColumns(cat(mode), sch(mode), "parent", "n%"), "COLUMN_NAME"));
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void primaryKeysAndIndexes(String mode) throws SQLException {
        try (Connection c = fx.mysql(mode)) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getPrimaryKeys(cat(mode), sch(mode), "pair")) {
                assertTrue(rs.next());
                assertEquals("a", rs.getString("COLUMN_NAME"));
                assertEquals(2, rs.getInt("KEY_SEQ"));
                assertEquals("PRIMARY", rs.getString("PK_NAME"));
                assertDatabase(mode, rs, "TABLE_CAT", "TABLE_SCHEM");
                assertTrue(rs.next());
                assertEquals("b", rs.getString("COLUMN_NAME"));
                assertEquals(1, rs.getInt("KEY_SEQ"));
                assertFalse(rs.next());
            }
            List<String> all = new ArrayList<>();
            try (ResultSet rs = md.getIndexInfo(cat(mode), sch(mode), "child", false, false)) {
                while (rs.next()) {
                    assertEquals("child", rs.getString("TABLE_NAME"));
                    assertEquals(DatabaseMetaData.tableIndexOther, rs.getShort("TYPE"));
                    all.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME") + ":" + rs.getBoolean("NON_UNIQUE") + ":" + rs.getInt("ORDINAL_POSITION"));
                }
            }
            assertEquals(List.of("PRIMARY:id:false:1", "uk_code:code:false:1", "fk_child_parent:parent_id:true:1", "idx_amount:amount:true:1"), all);
            assertEquals(List.of("PRIMARY", "uk_code"), strings(md.getIndexInfo(cat(mode), sch(mode), "child", true, false), "INDEX_NAME"));
            assertEquals(List.of("PRIMARY", "PRIMARY"), strings(md.getIndexInfo(cat(mode), sch(mode), "pair", true, false), "INDEX_NAME"));
        }
    }

    private static void assertForeignKey(String mode, ResultSet rs) throws SQLException {
        assertTrue(rs.next());
        assertEquals("parent", rs.getString("PKTABLE_NAME"));
        assertEquals("id", rs.getString("PKCOLUMN_NAME"));
        assertEquals("child", rs.getString("FKTABLE_NAME"));
        assertEquals("parent_id", rs.getString("FKCOLUMN_NAME"));
        assertEquals(1, rs.getInt("KEY_SEQ"));
        assertEquals(DatabaseMetaData.importedKeyCascade, rs.getInt("DELETE_RULE"));
        assertEquals("fk_child_parent", rs.getString("FK_NAME"));
        assertDatabase(mode, rs, "PKTABLE_CAT", "PKTABLE_SCHEM");
        assertDatabase(mode, rs, "FKTABLE_CAT", "FKTABLE_SCHEM");
        assertFalse(rs.next());
    }

    @ParameterizedTest
    @MethodSource("modes")
    void foreignKeys(String mode) throws SQLException {
        try (Connection c = fx.mysql(mode)) {
            DatabaseMetaData md = c.getMetaData();
            assertForeignKey(mode, md.getImportedKeys(cat(mode), sch(mode), "child"));
            assertForeignKey(mode, md.getExportedKeys(cat(mode), sch(mode), "parent"));
            assertForeignKey(mode, md.getCrossReference(cat(mode), sch(mode), "parent", cat(mode), sch(mode), "child"));
            assertFalse(md.getImportedKeys(cat(mode), sch(mode), "parent").next());
        }
    }

    @Test
    void mariadbConnectorMetadata() throws SQLException {
        try (Connection c = fx.mariadb("")) {
            DatabaseMetaData md = c.getMetaData();
            assertTrue(strings(md.getCatalogs(), "TABLE_CAT").containsAll(List.of("information_schema", "meta_db", "other_db")));
            try (ResultSet rs = md.getTables("meta_db", null, "%", new String[] {"TABLE"})) {
                for (String name : List.of("child", "pair", "parent")) {
                    assertTrue(rs.next(), name);
                    assertEquals(name, rs.getString("TABLE_NAME"));
                    assertEquals("TABLE", rs.getString("TABLE_TYPE"));
                    assertEquals("meta_db", rs.getString("TABLE_CAT"));
                }
                assertFalse(rs.next());
            }
            assertEquals(List.of("v_parent"), strings(md.getTables("meta_db", null, "%", new String[] {"VIEW"}), "TABLE_NAME"));
            try (ResultSet rs = md.getColumns("meta_db", null, "child", "%")) {
                assertColumn(rs, "id", Types.INTEGER, "INT", 10, DatabaseMetaData.columnNoNulls, "YES");
                assertColumn(rs, "parent_id", Types.BIGINT, "BIGINT", 19, DatabaseMetaData.columnNoNulls, "NO");
                assertColumn(rs, "code", Types.CHAR, "CHAR", 8, DatabaseMetaData.columnNoNulls, "NO");
                assertColumn(rs, "note", Types.LONGVARCHAR, "TEXT", 65535, DatabaseMetaData.columnNullable, "NO");
                assertColumn(rs, "amount", Types.DECIMAL, "DECIMAL", 10, DatabaseMetaData.columnNullable, "NO");
                assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
                assertFalse(rs.next());
            }
            try (ResultSet rs = md.getPrimaryKeys("meta_db", null, "pair")) {
                assertTrue(rs.next());
                assertEquals("a", rs.getString("COLUMN_NAME"));
                assertEquals(2, rs.getInt("KEY_SEQ"));
                assertTrue(rs.next());
                assertEquals("b", rs.getString("COLUMN_NAME"));
                assertEquals(1, rs.getInt("KEY_SEQ"));
                assertEquals("PRIMARY", rs.getString("PK_NAME"));
                assertFalse(rs.next());
            }
            List<String> all = new ArrayList<>();
            try (ResultSet rs = md.getIndexInfo("meta_db", null, "child", false, false)) {
                while (rs.next()) {
                    all.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME") + ":" + rs.getBoolean("NON_UNIQUE") + ":" + rs.getInt("ORDINAL_POSITION"));
                }
            }
            assertEquals(List.of("PRIMARY:id:false:1", "uk_code:code:false:1", "fk_child_parent:parent_id:true:1", "idx_amount:amount:true:1"), all);
            try (ResultSet rs = md.getImportedKeys("meta_db", null, "child")) {
                assertTrue(rs.next());
                assertEquals("meta_db", rs.getString("PKTABLE_CAT"));
                assertEquals("parent", rs.getString("PKTABLE_NAME"));
                assertEquals("id", rs.getString("PKCOLUMN_NAME"));
                assertEquals("child", rs.getString("FKTABLE_NAME"));
                assertEquals("parent_id", rs.getString("FKCOLUMN_NAME"));
                assertEquals(1, rs.getInt("KEY_SEQ"));
                assertEquals(DatabaseMetaData.importedKeyCascade, rs.getInt("DELETE_RULE"));
                assertEquals("fk_child_parent", rs.getString("FK_NAME"));
                assertEquals("PRIMARY", rs.getString("PK_NAME"));
                assertFalse(rs.next());
            }
            assertEquals(List.of("parent_id"), strings(md.getExportedKeys("meta_db", null, "parent"), "FKCOLUMN_NAME"));
        }
    }

    private static List<String> labels(ResultSetMetaData md) throws SQLException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnLabel(i));
        }
        return out;
    }

    @Test
    void expressionColumnsAreNamedAsWritten() throws SQLException {
        try (Connection c = fx.mysql("&databaseTerm=SCHEMA"); Statement s = c.createStatement()) {
            s.execute("USE meta_db");
            s.execute("INSERT INTO parent (name) VALUES ('p1'), ('p2')");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), 1+1, concat('a','b'), 'hello', MAX(id) + 0 FROM parent")) {
                assertEquals(List.of("COUNT(*)", "1+1", "concat('a','b')", "hello", "MAX(id) + 0"), labels(rs.getMetaData()));
                assertTrue(rs.next());
                assertEquals(2, rs.getInt("COUNT(*)"));
                assertEquals(2, rs.getInt("1+1"));
                assertEquals("ab", rs.getString("concat('a','b')"));
                assertEquals("hello", rs.getString("hello"));
            }
            try (ResultSet rs = s.executeQuery("SELECT id, name, id * 2 AS twice, name n FROM parent ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(List.of("id", "name", "twice", "n"), labels(md));
                assertEquals("id", md.getColumnName(1));
                assertEquals("parent", md.getTableName(1));
                assertEquals("name", md.getColumnName(4));
                assertTrue(rs.next());
                assertEquals(2, rs.getInt("twice"));
            }
            try (ResultSet rs = s.executeQuery("SELECT *, UPPER(name) FROM parent ORDER BY id")) {
                assertTrue(rs.next());
                assertEquals("P1", rs.getString("UPPER(name)"));
                assertEquals("p1", rs.getString("name"));
            }
        }
        try (Connection c = fx.mariadb(""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM meta_db.parent")) {
            assertEquals("COUNT(*)", rs.getMetaData().getColumnLabel(1));
            assertTrue(rs.next());
            assertTrue(rs.getInt("COUNT(*)") >= 2);
        }
    }

    @Test
    void tableInMissingDatabaseIsMissingTable() throws SQLException {
        for (String url : List.of("mysql", "mariadb")) {
            try (Connection c = url.equals("mysql") ? fx.mysql("") : fx.mariadb(""); Statement s = c.createStatement()) {
                for (String sql : List.of("SELECT * FROM nodb.t", "INSERT INTO nodb.t VALUES (1)", "UPDATE nodb.t SET x = 1", "DELETE FROM nodb.t")) {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                    assertEquals(1146, e.getErrorCode(), url + ": " + sql + ": " + e.getMessage());
                    assertEquals("42S02", e.getSQLState(), sql);
                    assertTrue(e.getMessage().contains("Table 'nodb.t' doesn't exist"), e.getMessage());
                }
                SQLException missing = assertThrows(SQLException.class, () -> s.execute("SELECT * FROM meta_db.missing"));
                assertEquals(1146, missing.getErrorCode(), "a qualified table with no database selected");
                assertTrue(missing.getMessage().contains("Table 'meta_db.missing' doesn't exist"), missing.getMessage());
                assertEquals(1049, assertThrows(SQLException.class, () -> s.execute("CREATE TABLE nodb.t (x INT)")).getErrorCode());
                assertEquals(1049, assertThrows(SQLException.class, () -> s.execute("USE nodb")).getErrorCode());
                assertEquals(1046, assertThrows(SQLException.class, () -> s.execute("SELECT * FROM t")).getErrorCode());
            }
        }
    }
}
