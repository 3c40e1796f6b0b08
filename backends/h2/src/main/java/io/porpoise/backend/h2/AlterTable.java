package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ALTER [IGNORE] TABLE name spec [, spec]}: each MySQL alter specification runs as its own
 * H2 statement, in order, so a RENAME in the list applies to the specifications after it.
 * Storage options (ENGINE, CHARSET, ALGORITHM, ...) are accepted and ignored.
 */
final class AlterTable {
    private static final System.Logger LOG = System.getLogger(AlterTable.class.getName());

    private AlterTable() {
    }

    static void run(DdlExecutor ddl, List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("ALTER");
        c.accept("IGNORE");
        c.accept("TABLE");
        String[] name = c.qualifiedName();
        String schema = ddl.schemaOf(name);
        String table = ddl.existingTable(schema, name[1]);
        String q = DdlExecutor.qualified(schema, table);
        for (List<Token> spec : TokenCursor.splitCommas(c.rest())) {
            table = spec(ddl, schema, table, q, spec);
            q = DdlExecutor.qualified(schema, table);
        }
    }

    /** Runs one specification on {@code table} ({@code q} qualified); returns the table's name after it. */
    private static String spec(DdlExecutor ddl, String schema, String table, String q, List<Token> spec) throws SQLException {
        TokenCursor c = new TokenCursor(spec);
        Map<String, DeclaredType> declared = new LinkedHashMap<>();
        Token first = c.peek();
        if (c.accept("ADD")) {
            c.accept("COLUMN");
            if (IndexElement.isIndex(c.remaining())) {
                String sql = IndexElement.toH2(table, c.rest(), new HashSet<>(), q);
                if (sql != null) {
                    ddl.exec(sql);
                }
            } else if (c.peek().isSymbol("(")) {
                for (List<Token> col : TokenCursor.splitCommas(c.group())) {
                    ddl.exec("ALTER TABLE " + q + " ADD COLUMN " + ColumnDefinition.toH2(col, declared));
                }
            } else {
                ddl.exec("ALTER TABLE " + q + " ADD COLUMN " + ColumnDefinition.toH2(c.rest(), declared));
            }
        } else if (c.accept("MODIFY")) {
            c.accept("COLUMN");
            ddl.exec("ALTER TABLE " + q + " MODIFY COLUMN " + ColumnDefinition.toH2(c.rest(), declared));
        } else if (c.accept("CHANGE")) {
            c.accept("COLUMN");
            String old = c.identifier();
            List<Token> def = c.rest();
            ddl.exec("ALTER TABLE " + q + " CHANGE COLUMN " + Token.quoteIdentifier(old) + " " + ColumnDefinition.toH2(def, declared));
            Catalog.renameColumn(ddl.connection(), schema, table, old, def.get(0).value());
        } else if (c.accept("DROP")) {
            if (c.accept("INDEX") || c.accept("KEY")) {
                IndexStatements.dropIndex(ddl, schema, table, c.identifier());
            } else if (c.accept("FOREIGN", "KEY") || c.accept("CONSTRAINT") || c.accept("CHECK")) {
                ddl.exec("ALTER TABLE " + q + " DROP CONSTRAINT " + Token.quoteIdentifier(c.identifier()));
            } else {
                ddl.exec("ALTER TABLE " + q + " DROP " + TokenCursor.toH2(c.rest()));
            }
        } else if (c.accept("RENAME")) {
            if (c.accept("COLUMN")) {
                String from = c.identifier();
                c.accept("TO");
                String to = c.identifier();
                ddl.exec("ALTER TABLE " + q + " ALTER COLUMN " + Token.quoteIdentifier(from) + " RENAME TO " + Token.quoteIdentifier(to));
                Catalog.renameColumn(ddl.connection(), schema, table, from, to);
            } else if (c.accept("INDEX") || c.accept("KEY")) {
                String from = c.identifier();
                c.accept("TO");
                IndexStatements.renameIndex(ddl, schema, table, from, c.identifier());
            } else {
                if (!c.accept("TO")) {
                    c.accept("AS");
                }
                String[] to = c.qualifiedName();
                return RenameTable.rename(ddl, schema, table, to[0] == null ? schema : to[0], to[1]);
            }
        } else if (first.is("AUTO_INCREMENT")) {
            c.next();
            c.acceptSymbol("=");
            ddl.afterTableChange(schema, table, declared, Long.parseLong(c.next().text()), null);
        } else if (first.is("COMMENT")) {
            c.next();
            c.acceptSymbol("=");
            ddl.afterTableChange(schema, table, declared, null, c.next().value());
        } else if (first.is("ALTER")) {
            ddl.exec("ALTER TABLE " + q + " " + TokenCursor.toH2(c.rest()));
        } else {
            // DISABLE/ENABLE KEYS, ENGINE, CHARSET, CONVERT TO, ROW_FORMAT, ALGORITHM, LOCK, FORCE: storage options H2 has no use for.
            LOG.log(Level.DEBUG, "h2 backend: ALTER TABLE option ignored: {0}", TokenCursor.toH2(spec));
        }
        ddl.afterTableChange(schema, table, declared, null, null);
        return table;
    }
}
