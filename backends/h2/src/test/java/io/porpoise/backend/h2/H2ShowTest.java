package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.testkit.RecordingResultSink;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHOW statements in the shapes Connector/J's DatabaseMetaData parses. */
final class H2ShowTest {
    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "shop");
        db.ok("CREATE TABLE customer (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, email VARCHAR(100) NOT NULL, name VARCHAR(50) DEFAULT 'anon',"
                + " score DECIMAL(10,2), created DATETIME(6), PRIMARY KEY (id), UNIQUE KEY uk_email (email), KEY idx_name (name, score)) COMMENT='people'");
        db.ok("CREATE TABLE orders (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT UNSIGNED, total DECIMAL(10,2),"
                + " KEY idx_name (total), CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE)");
        db.ok("CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void showDatabases() {
        db.ok("CREATE DATABASE other");
        RecordingResultSink s = db.run("SHOW DATABASES");
        assertEquals(List.of("Database"), s.columnNames());
        assertEquals(List.of("information_schema", "other", "shop"), db.column("SHOW DATABASES", 0));
        assertEquals(List.of("shop"), db.column("SHOW DATABASES LIKE 'sh%'", 0));
        assertEquals(List.of("other"), db.column("SHOW SCHEMAS WHERE `Database` = 'other'", 0));
    }

    @Test
    void showTables() {
        RecordingResultSink s = db.run("SHOW TABLES");
        assertEquals(List.of("Tables_in_shop"), s.columnNames());
        assertEquals(List.of("big_orders", "customer", "orders"), db.column("SHOW TABLES", 0));
        RecordingResultSink full = db.run("SHOW FULL TABLES FROM `shop` LIKE '%'");
        assertEquals(List.of("Tables_in_shop (%)", "Table_type"), full.columnNames());
        assertEquals(List.of(Arrays.asList("big_orders", "VIEW"), Arrays.asList("customer", "BASE TABLE"), Arrays.asList("orders", "BASE TABLE")), full.expectRows());
        assertEquals(List.of("customer"), db.column("SHOW TABLES LIKE 'cust%'", 0));
        assertTrue(db.column("SHOW TABLES FROM information_schema", 0).containsAll(List.of("COLUMNS", "TABLES", "SCHEMATA", "STATISTICS", "KEY_COLUMN_USAGE")));
    }

    @Test
    void showFullColumns() {
        RecordingResultSink s = db.run("SHOW FULL COLUMNS FROM `customer` FROM `shop` LIKE '%'");
        assertEquals(List.of("Field", "Type", "Collation", "Null", "Key", "Default", "Extra", "Privileges", "Comment"), s.columnNames());
        List<List<Object>> r = s.expectRows();
        assertEquals(Arrays.asList("id", "bigint unsigned", null, "NO", "PRI", null, "auto_increment", "select,insert,update,references", ""), r.get(0));
        assertEquals(Arrays.asList("email", "varchar(100)", "utf8mb4_0900_ai_ci", "NO", "UNI", null, "", "select,insert,update,references", ""), r.get(1));
        assertEquals(Arrays.asList("name", "varchar(50)", "utf8mb4_0900_ai_ci", "YES", "MUL", "anon", "", "select,insert,update,references", ""), r.get(2));
        assertEquals(Arrays.asList("score", "decimal(10,2)", null, "YES", "", null, "", "select,insert,update,references", ""), r.get(3));
        assertEquals(Arrays.asList("created", "datetime(6)", null, "YES", "", null, "", "select,insert,update,references", ""), r.get(4));
        assertEquals(List.of("Field", "Type", "Null", "Key", "Default", "Extra"), db.run("SHOW COLUMNS FROM customer").columnNames());
        assertEquals(List.of("email"), db.column("SHOW COLUMNS FROM shop.customer LIKE 'em%'", 0));
        assertEquals(List.of("id"), db.column("SHOW COLUMNS FROM customer WHERE Extra LIKE '%auto_increment%'", 0));
        assertEquals(5, db.rows("DESCRIBE customer").size());
        assertEquals(1146, db.error("SHOW COLUMNS FROM nope").errorCode());
    }

    @Test
    void showIndex() {
        RecordingResultSink s = db.run("SHOW KEYS FROM `customer` FROM `shop`");
        assertEquals(List.of("Table", "Non_unique", "Key_name", "Seq_in_index", "Column_name", "Collation", "Cardinality", "Sub_part", "Packed", "Null",
                "Index_type", "Comment", "Index_comment", "Visible", "Expression"), s.columnNames());
        List<List<Object>> r = s.expectRows();
        assertEquals(4, r.size());
        assertEquals(Arrays.asList("customer", 0, "PRIMARY", 1, "id", "A"), r.get(0).subList(0, 6));
        assertEquals(Arrays.asList("customer", 0, "uk_email", 1, "email", "A"), r.get(1).subList(0, 6));
        assertEquals(Arrays.asList("customer", 1, "idx_name", 1, "name", "A"), r.get(2).subList(0, 6));
        assertEquals(Arrays.asList("customer", 1, "idx_name", 2, "score", "A"), r.get(3).subList(0, 6));
        assertEquals("BTREE", r.get(0).get(10));
        assertEquals("YES", r.get(2).get(9));
        // The same index name on two tables is legal in MySQL.
        assertTrue(db.column("SHOW INDEX FROM orders", 2).contains("idx_name"));
    }

    @Test
    void showCreateTable() {
        RecordingResultSink s = db.run("SHOW CREATE TABLE customer");
        assertEquals(List.of("Table", "Create Table"), s.columnNames());
        assertEquals("CREATE TABLE `customer` (\n"
                + "  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n"
                + "  `email` varchar(100) NOT NULL,\n"
                + "  `name` varchar(50) DEFAULT 'anon',\n"
                + "  `score` decimal(10,2) DEFAULT NULL,\n"
                + "  `created` datetime(6) DEFAULT NULL,\n"
                + "  PRIMARY KEY (`id`),\n"
                + "  UNIQUE KEY `uk_email` (`email`),\n"
                + "  KEY `idx_name` (`name`,`score`)\n"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='people'", s.expectRows().get(0).get(1));
        String orders = (String) db.rows("SHOW CREATE TABLE orders").get(0).get(1);
        assertTrue(orders.contains("CONSTRAINT `fk_customer` FOREIGN KEY (`customer_id`) REFERENCES `customer` (`id`) ON DELETE CASCADE"), orders);
        assertEquals(List.of("View", "Create View", "character_set_client", "collation_connection"), db.run("SHOW CREATE TABLE big_orders").columnNames());
        assertEquals("shop", db.rows("SHOW CREATE DATABASE shop").get(0).get(0));
        assertTrue(((String) db.rows("SHOW CREATE DATABASE shop").get(0).get(1)).startsWith("CREATE DATABASE `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4"));
    }

    @Test
    void showTableStatusAndEmptyOnes() {
        RecordingResultSink s = db.run("SHOW TABLE STATUS LIKE 'customer'");
        assertEquals("Name", s.columnNames().get(0));
        assertEquals(18, s.columnNames().size());
        assertEquals(Arrays.asList("customer", "InnoDB"), s.expectRows().get(0).subList(0, 2));
        assertEquals("people", s.expectRows().get(0).get(17));
        assertEquals(0, db.rows("SHOW TRIGGERS").size());
        assertEquals(0, db.rows("SHOW PROCEDURE STATUS WHERE Db = 'shop'").size());
    }
}
