package io.porpoise.backend.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MySQL's HAVING: select aliases resolve first, and without GROUP BY or aggregates it filters rows. */
final class H2HavingTest {
    /** Connector/J 9.5's getTables(null, "h", "%", {"TABLE"}) with databaseTerm=SCHEMA, as it sends it. */
    private static final String CONNECTOR_J_TABLES = "SELECT TABLE_CATALOG AS TABLE_CAT, TABLE_SCHEMA AS TABLE_SCHEM, TABLE_NAME, CASE WHEN TABLE_TYPE = 'BASE TABLE'"
            + " THEN CASE WHEN TABLE_SCHEMA = 'mysql' OR TABLE_SCHEMA = 'performance_schema' OR TABLE_SCHEMA = 'sys' THEN 'SYSTEM TABLE' ELSE 'TABLE' END"
            + " WHEN TABLE_TYPE = 'TEMPORARY' THEN 'LOCAL_TEMPORARY' ELSE TABLE_TYPE END AS TABLE_TYPE, TABLE_COMMENT AS REMARKS, NULL AS TYPE_CAT,"
            + " NULL AS TYPE_SCHEM, NULL AS TYPE_NAME, NULL AS SELF_REFERENCING_COL_NAME, NULL AS REF_GENERATION FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_SCHEMA LIKE 'h' AND TABLE_NAME LIKE '%' HAVING TABLE_TYPE IN (TYPES) ORDER BY TABLE_TYPE, TABLE_SCHEMA, TABLE_NAME";

    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "h");
        db.ok("CREATE TABLE t (a INT, b VARCHAR(10), kind VARCHAR(20))");
        db.ok("INSERT INTO t VALUES (1, 'x', 'BASE'), (1, 'y', 'VIEW'), (2, 'z', 'BASE'), (3, 'x', 'OTHER')");
        db.ok("CREATE VIEW v AS SELECT a FROM t");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static String tables(String types) {
        return CONNECTOR_J_TABLES.replace("TYPES", types);
    }

    @Test
    void connectorJGetTablesFiltersOnTheAliasNotTheColumn() {
        List<List<Object>> tables = db.rows(tables("'TABLE',null,null,null,null"));
        assertEquals(List.of(Arrays.asList("def", "h", "t", "TABLE", "", null, null, null, null, null)), tables);
        assertEquals(List.of("v"), db.column(tables("'VIEW',null,null,null,null"), 2));
        assertEquals(List.of("t", "v"), db.column(tables("'TABLE','VIEW',null,null,null"), 2));
        assertEquals(List.of(), db.rows(tables("'BASE TABLE',null,null,null,null")));
    }

    @Test
    void aliasWinsOverTheColumnOfTheSameName() {
        assertEquals(List.of("BASIC", "BASIC"), db.column("SELECT CASE WHEN kind = 'BASE' THEN 'BASIC' ELSE kind END AS kind FROM t HAVING kind = 'BASIC'", 0));
        assertEquals(List.of(), db.rows("SELECT CASE WHEN kind = 'BASE' THEN 'BASIC' ELSE kind END AS kind FROM t HAVING kind = 'BASE'"));
        assertEquals(List.of("BASIC"), db.column("SELECT IF(kind = 'BASE', 'BASIC', kind) `Kind` FROM t WHERE a = 1 HAVING `kind` <> 'VIEW'", 0));
    }

    @Test
    void ungroupedHavingJoinsWhereAndKeepsOrderAndLimit() {
        assertEquals(List.of("30", "20"), db.column("SELECT a * 10 AS ten, b FROM t WHERE b <> 'y' HAVING ten >= 20 ORDER BY ten DESC LIMIT 5", 0));
        assertEquals(List.of("20", "30"), db.column("SELECT a * 10 AS ten FROM t HAVING ten > 10 OR ten IS NULL ORDER BY 1", 0));
        assertEquals(List.of("1"), db.column("SELECT 1 AS one HAVING one = 1", 0));
        assertEquals(List.of("x", "x", "x"), db.column("SELECT DISTINCT b AS bee FROM t HAVING bee = 'x' UNION ALL SELECT b AS c FROM t HAVING c = 'x'", 0));
    }

    @Test
    void subqueriesInHavingKeepTheirOwnNames() {
        // Inside the subquery k is its own alias (a + 1 over the 'x' rows: 2 and 4), outside it is a.
        assertEquals(List.of("2"), db.column("SELECT a AS k FROM t HAVING k IN (SELECT a + 1 AS k FROM t WHERE b = 'x') ORDER BY k", 0));
    }

    @Test
    void aggregatesKeepHavingOnTheGroup() {
        assertEquals(List.of("4"), db.column("SELECT COUNT(*) AS n FROM t HAVING n > 3", 0));
        assertEquals(List.of(), db.rows("SELECT COUNT(*) AS n FROM t HAVING n > 4"));
        assertEquals(List.of(List.of(1, 2L)), db.rows("SELECT a AS k, COUNT(*) AS n FROM t GROUP BY a HAVING n > 1"));
    }

    @Test
    void groupedAliasesResolveToTheirExpressions() {
        assertEquals(List.of(List.of(2, 1L), List.of(3, 1L)), db.rows("SELECT a AS k, COUNT(*) AS n FROM t GROUP BY a HAVING k > 1 ORDER BY k"));
        assertEquals(List.of("3", "4"), db.column("SELECT a + 1 AS k, COUNT(*) FROM t GROUP BY a + 1 HAVING k > 2 ORDER BY 1", 0));
        // GROUP BY names a column: HAVING means that column (MySQL prefers it over the alias).
        assertEquals(List.of(List.of("X", 2L)), db.rows("SELECT UPPER(b) AS b, COUNT(*) FROM t GROUP BY b HAVING b = 'x'"));
    }
}
