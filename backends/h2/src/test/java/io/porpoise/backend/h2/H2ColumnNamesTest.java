package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.testkit.RecordingResultSink;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Result column names as MySQL gives them: expressions by their text as written, aliases, column names. */
final class H2ColumnNamesTest {
    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "n");
        db.ok("CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(10), d DATE)");
        db.ok("INSERT INTO t (name, d) VALUES ('a', '2024-01-31'), ('b', NULL)");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<String> names(String sql) {
        RecordingResultSink s = db.run(sql);
        s.expectRows();
        return s.columnNames();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "SELECT COUNT(*) FROM t|COUNT(*)",
        "SELECT 1+1|1+1",
        "SELECT 1 + 1|1 + 1",
        "select concat('a','b')|concat('a','b')",
        "SELECT 'hello'|hello",
        "SELECT \"dq\"|dq",
        "SELECT -1|-1",
        "SELECT NULL|NULL",
        "select current_date|current_date",
        "SELECT IF(id > 1, 'y', 'n') FROM t|IF(id > 1, 'y', 'n')",
        "SELECT DATABASE()|DATABASE()",
        "SELECT LAST_INSERT_ID()|LAST_INSERT_ID()",
        "SELECT `id` + 1 FROM t|`id` + 1",
        "SELECT name IS NULL FROM t|name IS NULL",
        "SELECT CASE WHEN id = 1 THEN 'one' END FROM t|CASE WHEN id = 1 THEN 'one' END",
        "SELECT CAST(id AS CHAR) FROM t|CAST(id AS CHAR)",
        "SELECT (SELECT MAX(id) FROM t)|(SELECT MAX(id) FROM t)",
        "SELECT DISTINCT UPPER(name) FROM t|UPPER(name)",
        "WITH c AS (SELECT 2 AS x) SELECT x * 2 FROM c|x * 2",
        "SELECT MAX(id) FROM t UNION SELECT MIN(id) FROM t|MAX(id)",
        "SELECT COUNT(*) total FROM t|total",
        "SELECT COUNT(*) AS `Total Rows` FROM t|Total Rows",
        "SELECT 1 AS 'quoted'|quoted",
        "SELECT id FROM t|id",
        "SELECT t.name FROM t|name",
        "SELECT n.t.name FROM t|name",
    })
    void namesOneItem(String sql, String expected) {
        assertEquals(List.of(expected), names(sql));
    }

    /** Item boundaries and aliases, also in SQL H2 cannot run. */
    @Test
    void namesFromTheStatementAlone() {
        ColumnNames n = ColumnNames.of(SqlLexer.lex("SELECT SQL_NO_CACHE d + INTERVAL 1 DAY, 1 day, t.a, 1 DIV 2, b NOT LIKE 'a%', a COLLATE utf8mb4_bin,"
                + " x IS NOT NULL, `q` `r`, 'v' w, ROW_NUMBER() OVER w FROM t WINDOW w AS (ORDER BY a)"));
        assertEquals(Arrays.asList("d + INTERVAL 1 DAY", "day", null, "1 DIV 2", "b NOT LIKE 'a%'", "a COLLATE utf8mb4_bin", "x IS NOT NULL", "r", "w", "ROW_NUMBER() OVER w"), n.names());
    }

    @Test
    void whitespaceAsWrittenAndCommentsAsOneSpace() {
        assertEquals(List.of("1\n  +  2", "3"), names("SELECT 1\n  +  2, 3 /* three */\n FROM t LIMIT 1"));
        assertEquals(List.of("1 + 2"), names("SELECT 1 /* plus */ + 2"));
    }

    @Test
    void starsKeepTheirColumnsAndItemsAroundThemAreNamed() {
        assertEquals(List.of("LENGTH(name)", "id", "name", "d", "id * 2"), names("SELECT LENGTH(name), *, id * 2 FROM t"));
        assertEquals(List.of("id", "name", "d", "id", "name", "d", "1"), names("SELECT t.*, x.*, 1 FROM t, t AS x"));
    }

    @Test
    void renamingKeepsTheRestOfTheMetadata() {
        RecordingResultSink s = db.run("SELECT id, id + 0, id AS k FROM t ORDER BY id");
        assertEquals(2, s.expectRows().size());
        Column k = s.columns().get(2);
        assertEquals("k", k.name());
        assertEquals("id", k.orgName());
        assertEquals("t", k.orgTable());
        assertTrue(k.has(ColumnFlag.PRI_KEY));
        assertEquals("id + 0", s.columns().get(1).name());
        assertEquals("", s.columns().get(1).orgName());
    }

    @Test
    void nonSelectStatementsHaveNoNames() {
        assertNull(ColumnNames.of(SqlLexer.lex("INSERT INTO t (name) VALUES ('c')")));
        assertEquals(List.of("Field", "Type", "Null", "Key", "Default", "Extra"), names("SHOW COLUMNS FROM t"));
    }
}
