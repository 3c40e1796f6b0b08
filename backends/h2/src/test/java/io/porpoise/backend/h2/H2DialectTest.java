package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.ColumnFlag;
import io.porpoise.testkit.RecordingResultSink;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MySQL statements H2 does not take as they are: mysqldump output, table options, ALTER forms, identifiers. */
final class H2DialectTest {
    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "d");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    // The SET lines of a dump are the server's (query interceptors); they never reach the backend.
    void mysqldumpStyleScript() {
        db.ok("DROP TABLE IF EXISTS `posts`");
        db.ok("CREATE TABLE `posts` (\n  `id` int unsigned NOT NULL AUTO_INCREMENT,\n  `title` varchar(200) COLLATE utf8mb4_unicode_ci NOT NULL,\n"
                + "  `body` mediumtext CHARACTER SET utf8mb4,\n  `created_at` timestamp NULL DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  KEY `idx_title` (`title`(50)) USING BTREE\n"
                + ") ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC;");
        db.ok("LOCK TABLES `posts` WRITE;");
        db.ok("/*!40000 ALTER TABLE `posts` DISABLE KEYS */;");
        RecordingResultSink ins = db.run("INSERT INTO `posts` VALUES (NULL,'it\\'s \\\"quoted\\\"',_utf8mb4'b\\nody',NULL)");
        assertEquals(42, ins.expectOk().lastInsertId());
        db.ok("/*!40000 ALTER TABLE `posts` ENABLE KEYS */;");
        db.ok("UNLOCK TABLES;");
        assertEquals(List.of(List.of("it's \"quoted\"", "b\nody")), db.rows("SELECT title, body FROM posts"));
        // Another table may reuse the index name: MySQL index names are per table.
        db.ok("CREATE TABLE `comments` (`id` int NOT NULL, `title` varchar(10), KEY `idx_title` (`title`), UNIQUE KEY (`id`))");
        assertEquals(List.of("id", "idx_title"), db.column("SHOW INDEX FROM comments", 2));
    }

    @Test
    void identifiersAreCaseInsensitiveAndBackquotable() {
        db.ok("CREATE TABLE T (A INT, `Mixed Case` VARCHAR(5))");
        db.ok("INSERT INTO t (a, `mixed case`) VALUES (1, 'x')");
        RecordingResultSink s = db.run("SELECT a, `MIXED CASE` FROM T");
        assertEquals(List.of(List.of(1, "x")), s.expectRows());
        db.ok("CREATE TABLE kw (`key` INT, value INT, `order` INT, year INT, user VARCHAR(5))");
        db.ok("INSERT INTO kw VALUES (1, 2, 3, 2024, 'me')");
        assertEquals(List.of(List.of(1, 2, 3, 2024, "me")), db.rows("SELECT `key`, value, `order`, year, user FROM kw"));
        assertEquals(List.of(List.of("yes")), db.rows("SELECT IF(value = 2, \"yes\", 'no') FROM kw"));
        assertEquals(7L, ((Number) db.run("SELECT CAST('7' AS UNSIGNED) + CAST(0 AS SIGNED INTEGER) FROM kw").expectSingleValue()).longValue());
        assertEquals("7", db.run("SELECT CAST(7 AS CHAR) FROM kw").expectSingleValue());
    }

    @Test
    void hexIsMysqls() {
        db.ok("CREATE TABLE hx (id INT, i INT, s VARCHAR(5), b VARBINARY(4), d DECIMAL(5,1))");
        db.ok("INSERT INTO hx VALUES (1, 255, '\u00e9a', X'00E9', 12.5), (2, -1, NULL, NULL, 0)");
        assertEquals(List.of(List.of("FF", "C3A961", "00E9", "D", "6162"), java.util.Arrays.asList("FFFFFFFFFFFFFFFF", null, null, "0", "6162")),
                db.rows("SELECT HEX(i), hex(s), HEX(b), HEX(d), HEX(CONCAT('a', 'b')) FROM hx ORDER BY id"));
        assertEquals(List.of("0", "A", "7A"), db.rows("SELECT HEX(0), HEX(10), HEX('z') FROM hx WHERE id = 1").get(0));
    }

    @Test
    // go-sql-driver's prepared-statement-reuse check: CONCAT('x', ?) with a NULL parameter gave 'x'.
    void concatIsNullWhenAnArgumentIsNull() {
        db.ok("CREATE TABLE c (id INT, s VARCHAR(5), b VARBINARY(4))");
        db.ok("INSERT INTO c VALUES (1, 'y', X'0102'), (2, NULL, NULL)");
        assertEquals(List.of(List.of("xy", "x1y", "y"), java.util.Arrays.asList(null, null, null)),
                db.rows("SELECT CONCAT('x', s), concat('x', id, s), CONCAT(s) FROM c ORDER BY id"));
        assertEquals(java.util.Arrays.asList(null, "ab(c)", "1"),
                db.rows("SELECT CONCAT('a', NULL, 'c'), CONCAT('a', CONCAT('b', '(c)')), CONCAT(1) FROM c WHERE id = 1").get(0));
        assertEquals(List.of("a,b"), db.rows("SELECT CONCAT_WS(',', 'a', NULL, 'b') FROM c WHERE id = 1").get(0));
    }

    @Test
    void alterTableForms() {
        db.ok("CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(10))");
        db.ok("ALTER TABLE a ADD COLUMN n BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER id, ADD INDEX idx_v (v), ADD UNIQUE KEY uk_n (n)");
        db.ok("ALTER TABLE a MODIFY COLUMN v VARCHAR(30) NOT NULL");
        db.ok("ALTER TABLE a CHANGE COLUMN v title TEXT");
        db.ok("ALTER TABLE a ENGINE=InnoDB, ALGORITHM=INPLACE");
        db.ok("ALTER TABLE a RENAME INDEX uk_n TO uk_num");
        List<List<Object>> cols = db.rows("SHOW COLUMNS FROM a");
        assertEquals(List.of("id", "n", "title"), db.column("SHOW COLUMNS FROM a", 0));
        assertEquals("bigint unsigned", cols.get(1).get(1));
        assertEquals("text", cols.get(2).get(1));
        assertEquals(List.of("PRIMARY", "uk_num", "idx_v"), db.column("SHOW INDEX FROM a", 2));
        db.ok("ALTER TABLE a DROP INDEX idx_v");
        db.ok("RENAME TABLE a TO b");
        assertEquals(List.of("PRIMARY", "uk_num"), db.column("SHOW INDEX FROM b", 2));
        assertEquals("bigint unsigned", db.rows("SHOW COLUMNS FROM b").get(1).get(1));
        db.ok("CREATE INDEX idx_t ON b (n)");
        db.ok("DROP INDEX idx_t ON b");
        db.ok("TRUNCATE b");
        db.ok("DROP TABLE b");
        assertEquals(List.of(), db.rows("SHOW TABLES"));
    }

    @Test
    void unsignedAndAutoIncrementFlagsOnBigintId() {
        db.ok("CREATE TABLE u (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, x INT)");
        assertEquals(1, db.run("INSERT INTO u (x) VALUES (5)").expectOk().lastInsertId());
        RecordingResultSink s = db.run("SELECT id FROM u");
        assertTrue(s.column("id").has(ColumnFlag.UNSIGNED));
        assertTrue(s.column("id").has(ColumnFlag.AUTO_INCREMENT));
        assertEquals(List.of(List.of(1L)), s.expectRows());
    }

    @Test
    void qualifiedCrossDatabaseAndDatabaseFunction() {
        db.ok("CREATE SCHEMA IF NOT EXISTS other");
        db.ok("CREATE TABLE other.x (a INT)");
        db.ok("INSERT INTO other.x VALUES (3)");
        assertEquals(List.of(List.of(3, "d")), db.rows("SELECT a, DATABASE() FROM other.x"));
        db.ok("DROP DATABASE other");
        assertEquals(1049, db.error("USE other").errorCode());
    }

    @Test
    void mysqlSpellingsFromDumpsAndConnectors() {
        db.ok("CREATE DATABASE IF NOT EXISTS spell");
        db.ok("CREATE TABLE spell.t (id INT PRIMARY KEY, b BLOB)");
        db.ok("INSERT INTO spell.t VALUES (1, _binary 'abc'), (2, _utf8mb4'x')");
        assertEquals(2, db.rows("SELECT /*!40001 SQL_NO_CACHE */ id, b FROM spell.t").size());
        assertEquals(2, db.rows("SELECT SQL_NO_CACHE HIGH_PRIORITY id FROM spell.t").size());
    }

    @Test
    void syntaxErrorInAHugeStatementIsStill1064() {
        String big = "a".repeat(300_000);
        assertEquals(1064, db.error("SELECT 1 '" + big + "' x y z").errorCode());
    }

    @Test
    void mysqlDayTimeLiteralsForTimeColumnsOnly() {
        db.ok("CREATE DATABASE IF NOT EXISTS tl");
        db.ok("CREATE TABLE tl.t (id INT PRIMARY KEY, tm TIME, v VARCHAR(20))");
        db.ok("INSERT INTO tl.t VALUES (1, '0 13:7:59', 'x')");
        db.ok("INSERT INTO tl.t VALUES (2, NULL, '0 13:7:59')");
        List<List<Object>> r = db.rows("SELECT tm, (SELECT v FROM tl.t WHERE id = 2) FROM tl.t WHERE id = 1");
        assertEquals(java.time.LocalTime.of(13, 7, 59), r.get(0).get(0) instanceof java.time.LocalTime
                ? r.get(0).get(0) : java.time.LocalTime.parse(r.get(0).get(0).toString()));
        assertEquals("0 13:7:59", r.get(0).get(1), "a statement H2 accepts keeps the text as given");
    }
}
