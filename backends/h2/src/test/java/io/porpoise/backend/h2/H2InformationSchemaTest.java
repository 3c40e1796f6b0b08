package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INFORMATION_SCHEMA in MySQL's shape, exercised with the statements MariaDB Connector/J 3.5's
 * DatabaseMetaData sends (text taken from its DatabaseMetaData class, literals in place of
 * parameters) and the shapes Connector/J's information-schema metadata reads.
 */
final class H2InformationSchemaTest {
    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "shop");
        db.ok("CREATE TABLE customer (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100) NOT NULL, flag TINYINT(1),"
                + " created DATETIME(6), note TEXT, UNIQUE KEY uk_email (email))");
        db.ok("CREATE TABLE orders (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT UNSIGNED,"
                + " CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void characterSetsAndCollationsAreTheServersTable() {
        assertEquals("[41]", db.column("SELECT COUNT(*) FROM INFORMATION_SCHEMA.CHARACTER_SETS", 0).toString());
        assertEquals("[286]", db.column("SELECT COUNT(*) FROM information_schema.COLLATIONS", 0).toString());
        assertEquals("[286]", db.column("SELECT COUNT(*) FROM information_schema.collation_character_set_applicability", 0).toString());
        assertEquals("[[latin1, latin1_swedish_ci, cp1252 West European, 1]]",
                db.rows("SELECT * FROM INFORMATION_SCHEMA.CHARACTER_SETS WHERE CHARACTER_SET_NAME = 'LATIN1'").toString());
        assertEquals("[[utf8mb4_0900_ai_ci, utf8mb4, 255, Yes, Yes, 0, NO PAD], [utf8mb4_ja_0900_as_cs_ks, utf8mb4, 304, , Yes, 24, NO PAD]]",
                db.rows("SELECT * FROM INFORMATION_SCHEMA.COLLATIONS WHERE ID IN (255, 304) ORDER BY ID").toString());
        assertEquals(List.of("gbk_bin", "gbk_chinese_ci"), db.column("SELECT COLLATION_NAME FROM INFORMATION_SCHEMA.COLLATION_CHARACTER_SET_APPLICABILITY"
                + " WHERE CHARACTER_SET_NAME = 'gbk' ORDER BY 1", 0));
    }

    @Test
    void mariadbGetCatalogsAndSchemas() {
        assertEquals(List.of("information_schema", "shop"), db.column("SELECT SCHEMA_NAME TABLE_CAT FROM INFORMATION_SCHEMA.SCHEMATA  ORDER BY SCHEMA_NAME", 0));
        assertEquals(List.of("def", "def"), db.column("SELECT SCHEMA_NAME as TABLE_SCHEM, CATALOG_NAME as TABLE_CATALOG FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME", 1));
    }

    @Test
    void mariadbGetTables() {
        List<List<Object>> r = db.rows("SELECT TABLE_SCHEMA TABLE_CAT, NULL TABLE_SCHEM, TABLE_NAME,   IF(TABLE_SCHEMA IN ('mysql', 'performance_schema', 'sys'),"
                + " IF(TABLE_TYPE='BASE TABLE', 'SYSTEM TABLE', IF(TABLE_TYPE='VIEW', 'SYSTEM VIEW', TABLE_TYPE)), IF(TABLE_TYPE='BASE TABLE' or TABLE_TYPE='SYSTEM VERSIONED',"
                + " 'TABLE', IF(TABLE_TYPE='TEMPORARY', 'LOCAL TEMPORARY', TABLE_TYPE))) as TABLE_TYPE,  TABLE_COMMENT REMARKS, NULL TYPE_CAT, NULL TYPE_SCHEM, NULL TYPE_NAME,"
                + " NULL SELF_REFERENCING_COL_NAME,  NULL REF_GENERATION FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = database() AND TABLE_NAME LIKE '%'"
                + " AND TABLE_TYPE IN ('BASE TABLE','SYSTEM VERSIONED','VIEW') ORDER BY TABLE_TYPE,TABLE_CAT,TABLE_SCHEMA,TABLE_NAME");
        assertEquals(2, r.size());
        assertEquals(Arrays.asList("shop", null, "customer", "TABLE", ""), r.get(0).subList(0, 5));
        assertEquals("orders", r.get(1).get(2));
    }

    @Test
    void mariadbGetColumns() {
        List<List<Object>> r = db.rows("SELECT TABLE_SCHEMA TABLE_CAT, NULL TABLE_SCHEM, TABLE_NAME, COLUMN_NAME,"
                + " CASE data_type WHEN 'bit' THEN -7 WHEN 'tinyblob' THEN -3 WHEN 'mediumblob' THEN -4 WHEN 'longblob' THEN -4 WHEN 'blob' THEN -4"
                + " WHEN 'tinytext' THEN 12 WHEN 'mediumtext' THEN -1 WHEN 'longtext' THEN -1 WHEN 'text' THEN -1 WHEN 'date' THEN 91 WHEN 'datetime' THEN 93"
                + " WHEN 'decimal' THEN 3 WHEN 'double' THEN 8 WHEN 'enum' THEN 12 WHEN 'float' THEN 7 WHEN 'int' THEN IF( COLUMN_TYPE like '%unsigned%', 4,4)"
                + " WHEN 'bigint' THEN -5 WHEN 'tinyint' THEN IF(COLUMN_TYPE like 'tinyint(1)%', -7, -6) WHEN 'varchar' THEN 12 ELSE 1111 END DATA_TYPE,"
                + " UCASE(IF( COLUMN_TYPE LIKE '%(%)%', CONCAT(SUBSTRING( COLUMN_TYPE,1, LOCATE('(',COLUMN_TYPE) - 1 ), SUBSTRING(COLUMN_TYPE ,1+locate(')', COLUMN_TYPE))), COLUMN_TYPE)) TYPE_NAME,"
                + "  CASE DATA_TYPE  WHEN 'time' THEN IF(DATETIME_PRECISION = 0, 10, CAST(11 + DATETIME_PRECISION as signed integer))  WHEN 'date' THEN 10"
                + "  WHEN 'datetime' THEN IF(DATETIME_PRECISION = 0, 19, CAST(20 + DATETIME_PRECISION as signed integer))  WHEN 'timestamp' THEN IF(DATETIME_PRECISION = 0, 19,"
                + " CAST(20 + DATETIME_PRECISION as signed integer))  ELSE   IF(NUMERIC_PRECISION IS NULL, LEAST(CHARACTER_MAXIMUM_LENGTH,2147483647), NUMERIC_PRECISION)  END COLUMN_SIZE,"
                + " 65535 BUFFER_LENGTH,  CONVERT (CASE DATA_TYPE WHEN 'year' THEN NUMERIC_SCALE WHEN 'tinyint' THEN 0 ELSE NUMERIC_SCALE END, UNSIGNED INTEGER) DECIMAL_DIGITS,"
                + " 10 NUM_PREC_RADIX, IF(IS_NULLABLE = 'yes',1,0) NULLABLE,COLUMN_COMMENT REMARKS, COLUMN_DEFAULT COLUMN_DEF, 0 SQL_DATA_TYPE, 0 SQL_DATETIME_SUB,"
                + "   LEAST(CHARACTER_OCTET_LENGTH,2147483647) CHAR_OCTET_LENGTH, ORDINAL_POSITION, IS_NULLABLE, NULL SCOPE_CATALOG, NULL SCOPE_SCHEMA, NULL SCOPE_TABLE,"
                + " NULL SOURCE_DATA_TYPE, IF(EXTRA = 'auto_increment','YES','NO') IS_AUTOINCREMENT,  IF(EXTRA in ('VIRTUAL', 'PERSISTENT', 'VIRTUAL GENERATED',"
                + " 'STORED GENERATED') ,'YES','NO') IS_GENERATEDCOLUMN  FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = database() AND TABLE_NAME LIKE 'customer'"
                + " AND COLUMN_NAME LIKE '%' ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION");
        assertEquals(5, r.size());
        List<Object> id = r.get(0);
        assertEquals("id", id.get(3));
        assertEquals(-5L, ((Number) id.get(4)).longValue());
        assertEquals("BIGINT UNSIGNED", id.get(5));
        assertEquals(20L, ((Number) id.get(6)).longValue());
        assertEquals(0L, ((Number) id.get(10)).longValue());
        assertEquals("YES", id.get(22));
        List<Object> flag = r.get(2);
        assertEquals(-7L, ((Number) flag.get(4)).longValue());
        assertEquals(1L, ((Number) flag.get(10)).longValue());
        List<Object> created = r.get(3);
        assertEquals(93L, ((Number) created.get(4)).longValue());
        assertEquals(26L, ((Number) created.get(6)).longValue());
        assertEquals(-1L, ((Number) r.get(4).get(4)).longValue());
    }

    @Test
    void mariadbPrimaryKeysIndexesAndImportedKeys() {
        List<List<Object>> pk = db.rows("SELECT TABLE_SCHEMA TABLE_CAT, NULL TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, SEQ_IN_INDEX KEY_SEQ, INDEX_NAME PK_NAME"
                + "  FROM INFORMATION_SCHEMA.STATISTICS WHERE INDEX_NAME='PRIMARY' AND TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'customer' ORDER BY COLUMN_NAME");
        assertEquals(List.of(Arrays.asList("shop", null, "customer", "id", 1, "PRIMARY")), pk);
        List<List<Object>> idx = db.rows("SELECT TABLE_SCHEMA TABLE_CAT, NULL TABLE_SCHEM, TABLE_NAME, NON_UNIQUE, TABLE_SCHEMA INDEX_QUALIFIER, INDEX_NAME, 3 TYPE,"
                + " SEQ_IN_INDEX ORDINAL_POSITION, COLUMN_NAME, COLLATION ASC_OR_DESC, CARDINALITY, NULL PAGES, NULL FILTER_CONDITION FROM INFORMATION_SCHEMA.STATISTICS"
                + " WHERE TABLE_NAME = 'customer' AND TABLE_SCHEMA = 'shop' AND NON_UNIQUE = 0 ORDER BY NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION");
        assertEquals(List.of("PRIMARY", "uk_email"), List.of(idx.get(0).get(5), idx.get(1).get(5)));
        List<List<Object>> fk = db.rows("SELECT KCU.REFERENCED_TABLE_SCHEMA PKTABLE_CAT, NULL PKTABLE_SCHEM,  KCU.REFERENCED_TABLE_NAME PKTABLE_NAME,"
                + " KCU.REFERENCED_COLUMN_NAME PKCOLUMN_NAME, KCU.TABLE_SCHEMA FKTABLE_CAT, NULL FKTABLE_SCHEM, KCU.TABLE_NAME FKTABLE_NAME, KCU.COLUMN_NAME FKCOLUMN_NAME,"
                + " KCU.POSITION_IN_UNIQUE_CONSTRAINT KEY_SEQ, CASE update_rule    WHEN 'RESTRICT' THEN 1   WHEN 'NO ACTION' THEN 3   WHEN 'CASCADE' THEN 0"
                + "   WHEN 'SET NULL' THEN 2   WHEN 'SET DEFAULT' THEN 4 END UPDATE_RULE, CASE DELETE_RULE  WHEN 'RESTRICT' THEN 1  WHEN 'NO ACTION' THEN 3"
                + "  WHEN 'CASCADE' THEN 0  WHEN 'SET NULL' THEN 2  WHEN 'SET DEFAULT' THEN 4 END DELETE_RULE, RC.CONSTRAINT_NAME FK_NAME,"
                + " RC.UNIQUE_CONSTRAINT_NAME PK_NAME,7 DEFERRABILITY FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE KCU INNER JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS RC"
                + " ON KCU.CONSTRAINT_CATALOG = RC.CONSTRAINT_CATALOG AND KCU.CONSTRAINT_SCHEMA = RC.CONSTRAINT_SCHEMA AND KCU.CONSTRAINT_NAME = RC.CONSTRAINT_NAME"
                + " AND KCU.TABLE_NAME = RC.TABLE_NAME WHERE KCU.TABLE_SCHEMA = 'shop' AND KCU.TABLE_NAME = 'orders' ORDER BY PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, KEY_SEQ");
        assertEquals(1, fk.size());
        assertEquals(Arrays.asList("shop", null, "customer", "id", "shop", null, "orders", "customer_id"), fk.get(0).subList(0, 8));
        assertEquals(0L, ((Number) fk.get(0).get(10)).longValue());
        assertEquals("fk_customer", fk.get(0).get(11));
        assertEquals("PRIMARY", fk.get(0).get(12));
    }

    @Test
    void connectorJGetColumnsComparesWithCollate() {
        // The parts of Connector/J 9.5's information-schema getColumns that H2 does not parse as sent.
        List<List<Object>> r = db.rows("SELECT COLUMN_NAME, CASE WHEN IS_NULLABLE COLLATE utf8mb4_0900_ai_ci= 'NO' THEN 0 ELSE CASE WHEN IS_NULLABLE"
                + " COLLATE utf8mb4_0900_ai_ci= 'YES' THEN 1 ELSE 2 END END AS NULLABLE, IF (EXTRA COLLATE utf8mb4_0900_ai_ci LIKE '%auto_increment%','YES','NO')"
                + " AS IS_AUTOINCREMENT, IF (EXTRA COLLATE 'utf8mb4_bin' LIKE '%GENERATED%','YES','NO') AS IS_GENERATEDCOLUMN FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'customer' AND COLUMN_NAME LIKE '%' ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION");
        assertEquals(Arrays.asList("id", 0, "YES", "NO"), r.get(0));
        assertEquals(Arrays.asList("flag", 1, "NO", "NO"), r.get(2));
    }

    @Test
    void columnsViewShape() {
        List<List<Object>> r = db.rows("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, COLUMN_KEY, EXTRA, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
                + " DATETIME_PRECISION, IS_NULLABLE FROM information_schema.columns WHERE table_schema = 'shop' AND table_name = 'customer' ORDER BY ORDINAL_POSITION");
        assertEquals(Arrays.asList("id", "bigint", "bigint unsigned", "PRI", "auto_increment", null, 20L, 0L, null, "NO"), r.get(0));
        assertEquals(Arrays.asList("email", "varchar", "varchar(100)", "UNI", "", 100L, null, null, null, "NO"), r.get(1));
        assertEquals(Arrays.asList("flag", "tinyint", "tinyint(1)", "", "", null, 3L, 0L, null, "YES"), r.get(2));
        assertEquals(Arrays.asList("created", "datetime", "datetime(6)", "", "", null, null, null, 6L, "YES"), r.get(3));
        assertEquals(Arrays.asList("note", "text", "text", "", "", 65535L, null, null, null, "YES"), r.get(4));
    }

    @Test
    void useInformationSchema() throws Exception {
        db.session.useSchema("INFORMATION_SCHEMA");
        assertEquals("information_schema", db.session.currentSchema());
        assertTrue(db.column("SELECT TABLE_NAME FROM TABLES WHERE TABLE_SCHEMA = 'shop'", 0).contains("customer"));
        assertTrue(db.column("SHOW TABLES", 0).contains("COLUMNS"));
        assertEquals(1, db.rows("SELECT 1 FROM `information_schema`.`KEY_COLUMN_USAGE` WHERE CONSTRAINT_NAME = 'fk_customer'").size());
    }
}
