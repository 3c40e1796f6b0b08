package io.porpoise.command.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatementAccessTest {

    /** Requirements as {@code PRIVILEGE db.table} (or {@code ANY db.table}), in order. */
    private static String needs(String sql) {
        return needs(sql, "cur");
    }

    private static String needs(String sql, String current) {
        List<Requirement> r = StatementAccess.of(sql, current);
        return r.stream().map(x -> (x.anyPrivilege() ? "ANY" : x.privilege().sql()) + " " + x.database()
                + (x.table() == null ? "" : "." + x.table())).collect(Collectors.joining(", "));
    }

    @Test
    void selects() {
        assertEquals("SELECT cur.t", needs("SELECT * FROM t"));
        assertEquals("SELECT db.t, SELECT cur.u", needs("SELECT a FROM db.t AS x, u y WHERE 1"));
        assertEquals("SELECT cur.t, SELECT cur.u, SELECT d.v", needs("select * from t join u on t.a = u.a left join d.v using (a)"));
        assertEquals("SELECT cur.t, SELECT cur.u", needs("SELECT * FROM t WHERE a IN (SELECT a FROM u)"));
        assertEquals("SELECT cur.t", needs("SELECT EXTRACT(YEAR FROM d), SUBSTRING(s FROM 2) FROM t"), "FROM inside functions");
        assertEquals("SELECT cur.t", needs("SELECT * FROM (SELECT * FROM t) AS x"));
        assertEquals("", needs("SELECT 1"));
        assertEquals("", needs("SELECT 1 FROM DUAL"));
        assertEquals("", needs("SELECT * FROM t", null), "unqualified names without a database: the backend says 1046");
        assertEquals("", needs("SELECT * FROM information_schema.tables"));
        assertEquals("SELECT cur.t", needs("WITH x AS (SELECT * FROM t) SELECT * FROM x"), "a CTE is not a table");
        assertEquals("SELECT cur.t, SELECT d.x", needs("WITH RECURSIVE x (n) AS (SELECT 1 FROM t), y AS (SELECT 2) SELECT * FROM x, y, d.x"));
        assertEquals("SELECT cur.t", needs("TABLE t"));
        assertEquals("SELECT cur.t", needs("EXPLAIN SELECT * FROM t"));
        assertEquals("ANY cur.t", needs("DESCRIBE t"));
    }

    @Test
    void writes() {
        assertEquals("INSERT cur.t", needs("INSERT INTO t VALUES (1)"));
        assertEquals("INSERT d.t, SELECT cur.u", needs("INSERT IGNORE d.t SELECT * FROM u"));
        assertEquals("INSERT cur.t, DELETE cur.t", needs("REPLACE INTO t VALUES (1)"));
        assertEquals("INSERT cur.t, UPDATE cur.t", needs("INSERT INTO t VALUES (1) ON DUPLICATE KEY UPDATE a = 1"));
        assertEquals("UPDATE cur.t, SELECT cur.u", needs("UPDATE t SET a = (SELECT max(a) FROM u)"));
        assertEquals("DELETE cur.t", needs("DELETE FROM t WHERE a = 1"));
        assertEquals("DELETE cur.t, SELECT cur.u", needs("DELETE FROM t WHERE a IN (SELECT a FROM u)"));
        assertEquals("DELETE cur.t, SELECT cur.t, SELECT cur.u", needs("DELETE t FROM t JOIN u ON t.a = u.a"));
    }

    @Test
    void ddl() {
        assertEquals("CREATE shop", needs("CREATE DATABASE IF NOT EXISTS shop"));
        assertEquals("DROP shop", needs("DROP SCHEMA shop"));
        assertEquals("CREATE cur.t", needs("CREATE TABLE t (a INT)"));
        assertEquals("CREATE cur.t, SELECT d.u", needs("CREATE TABLE IF NOT EXISTS t LIKE d.u"));
        assertEquals("CREATE cur.t, SELECT cur.u", needs("CREATE TABLE t AS SELECT * FROM u"));
        assertEquals("CREATE TEMPORARY TABLES cur", needs("CREATE TEMPORARY TABLE t (a INT)"));
        assertEquals("INDEX cur.t", needs("CREATE UNIQUE INDEX i ON t (a)"));
        assertEquals("INDEX cur.t", needs("DROP INDEX i ON t"));
        assertEquals("CREATE VIEW cur.v, SELECT cur.t", needs("CREATE OR REPLACE ALGORITHM=MERGE VIEW v AS SELECT * FROM t"));
        assertEquals("DROP cur.t, DROP d.u", needs("DROP TABLE IF EXISTS t, d.u"));
        assertEquals("ALTER cur.t", needs("ALTER TABLE t ADD COLUMN b INT"));
        assertEquals("DROP cur.t", needs("TRUNCATE TABLE t"));
        assertEquals("ALTER cur.a, DROP cur.a, CREATE cur.b, INSERT cur.b", needs("RENAME TABLE a TO b"));
        assertEquals("", needs("CREATE USER x"), "account statements check themselves");
    }

    @Test
    void shows() {
        assertEquals("ANY cur", needs("SHOW TABLES"));
        assertEquals("ANY shop", needs("SHOW FULL TABLES FROM shop LIKE 'x%'"));
        assertEquals("ANY shop", needs("SHOW TABLE STATUS IN shop"));
        assertEquals("ANY cur.t", needs("SHOW FULL COLUMNS FROM t"));
        assertEquals("ANY shop.t", needs("SHOW INDEX FROM t FROM shop"));
        assertEquals("ANY shop.t", needs("SHOW CREATE TABLE shop.t"));
        assertEquals("ANY shop", needs("SHOW CREATE DATABASE shop"));
        assertEquals("", needs("SHOW VARIABLES"));
        assertEquals("LOCK TABLES cur, SELECT cur.t, LOCK TABLES d, SELECT d.u", needs("LOCK TABLES t READ, d.u AS x WRITE"));
    }
}
