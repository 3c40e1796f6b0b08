package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.sql.SQLException;
import java.util.List;

/**
 * CREATE INDEX and DROP INDEX, and the index parts of ALTER TABLE (DROP INDEX, RENAME INDEX).
 * MySQL's index names are per table, H2's per schema, so H2 holds them as {@code table.name}
 * (see {@link IndexElement}); a unique index is an H2 constraint, any other an H2 index, and
 * the lookups here find either, and fall back to the name without the prefix.
 */
final class IndexStatements {
    private IndexStatements() {
    }

    /** CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name [USING x] ON table (parts). */
    static void create(DdlExecutor ddl, List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("CREATE");
        boolean unique = c.accept("UNIQUE");
        c.accept("FULLTEXT");
        c.accept("SPATIAL");
        c.accept("INDEX");
        String index = c.identifier();
        IndexElement.skipIndexType(c);
        c.accept("ON");
        String[] name = c.qualifiedName();
        String schema = ddl.schemaOf(name);
        String table = ddl.existingTable(schema, name[1]);
        String h2Name = Token.quoteIdentifier(table + "." + index);
        ddl.exec("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + h2Name + " ON " + DdlExecutor.qualified(schema, table)
                + " (" + IndexElement.keyParts(c.group()) + ")");
    }

    /** DROP INDEX name ON table. */
    static void drop(DdlExecutor ddl, List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("DROP");
        c.accept("INDEX");
        String index = c.identifier();
        c.accept("ON");
        String[] name = c.qualifiedName();
        String schema = ddl.schemaOf(name);
        dropIndex(ddl, schema, ddl.existingTable(schema, name[1]), index);
    }

    /** DROP INDEX name ON table / ALTER TABLE DROP INDEX: a unique constraint or a plain index. */
    static void dropIndex(DdlExecutor ddl, String schema, String table, String index) throws SQLException {
        String h2Name = table + "." + index;
        String q = DdlExecutor.qualified(schema, table);
        if (index.equalsIgnoreCase("PRIMARY")) {
            ddl.exec("ALTER TABLE " + q + " DROP PRIMARY KEY");
        } else if (isConstraint(ddl, schema, h2Name)) {
            ddl.exec("ALTER TABLE " + q + " DROP CONSTRAINT " + Token.quoteIdentifier(h2Name));
        } else if (isConstraint(ddl, schema, index)) {
            ddl.exec("ALTER TABLE " + q + " DROP CONSTRAINT " + Token.quoteIdentifier(index));
        } else if (indexExists(ddl, schema, h2Name)) {
            ddl.exec("DROP INDEX " + DdlExecutor.qualified(schema, h2Name));
        } else {
            ddl.exec("DROP INDEX " + DdlExecutor.qualified(schema, index));
        }
    }

    /** ALTER TABLE RENAME INDEX from TO to. */
    static void renameIndex(DdlExecutor ddl, String schema, String table, String from, String to) throws SQLException {
        String h2From = table + "." + from;
        String h2To = Token.quoteIdentifier(table + "." + to);
        if (isConstraint(ddl, schema, h2From)) {
            ddl.exec("ALTER TABLE " + DdlExecutor.qualified(schema, table) + " RENAME CONSTRAINT " + Token.quoteIdentifier(h2From) + " TO " + h2To);
        } else {
            ddl.exec("ALTER INDEX " + DdlExecutor.qualified(schema, indexExists(ddl, schema, h2From) ? h2From : from) + " RENAME TO " + h2To);
        }
    }

    private static boolean isConstraint(DdlExecutor ddl, String schema, String name) throws SQLException {
        return ddl.exists("SELECT 1 FROM \"INFORMATION_SCHEMA\".\"TABLE_CONSTRAINTS\" WHERE CONSTRAINT_SCHEMA = ? AND CONSTRAINT_NAME = ?", schema, name);
    }

    private static boolean indexExists(DdlExecutor ddl, String schema, String name) throws SQLException {
        return ddl.exists("SELECT 1 FROM \"INFORMATION_SCHEMA\".\"INDEXES\" WHERE INDEX_SCHEMA = ? AND INDEX_NAME = ?", schema, name);
    }
}
