package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * RENAME TABLE and ALTER TABLE ... RENAME TO: the table moves (also to another database), and
 * with it its recorded MySQL types and the {@code table.} prefix of its index and constraint
 * names (see {@link IndexElement}), which would otherwise keep the old table's name.
 */
final class RenameTable {
    private RenameTable() {
    }

    /** RENAME TABLE a TO b [, c TO d], in order (MySQL allows swapping names through a third). */
    static void run(DdlExecutor ddl, List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("RENAME");
        c.accept("TABLE");
        for (List<Token> pair : TokenCursor.splitCommas(c.rest())) {
            TokenCursor p = new TokenCursor(pair);
            String[] from = p.qualifiedName();
            p.accept("TO");
            String[] to = p.qualifiedName();
            String schema = ddl.schemaOf(from);
            String table = ddl.existingTable(schema, from[1]);
            rename(ddl, schema, table, to[0] == null ? ddl.schemaOf(new String[] {null, to[1]}) : to[0], to[1]);
        }
    }

    /** Renames {@code schema.table} to {@code toSchema.to}; returns the new name. */
    static String rename(DdlExecutor ddl, String schema, String table, String toSchema, String to) throws SQLException {
        ddl.exec("ALTER TABLE " + DdlExecutor.qualified(schema, table) + " RENAME TO "
                + (toSchema.equals(schema) ? Token.quoteIdentifier(to) : DdlExecutor.qualified(toSchema, to)));
        Catalog.rename(ddl.connection(), schema, table, toSchema, to);
        for (String[] idx : prefixedNames(ddl, toSchema, to, table)) {
            String renamed = Token.quoteIdentifier(to + "." + idx[0].substring(table.length() + 1));
            if (idx[1] != null) {
                ddl.exec("ALTER TABLE " + DdlExecutor.qualified(toSchema, to) + " RENAME CONSTRAINT " + Token.quoteIdentifier(idx[0]) + " TO " + renamed);
            } else {
                ddl.exec("ALTER INDEX " + DdlExecutor.qualified(toSchema, idx[0]) + " RENAME TO " + renamed);
            }
        }
        return to;
    }

    /** Index and unique-constraint names of a table starting with {@code prefix.}: {name, "c" for constraints}. */
    private static List<String[]> prefixedNames(DdlExecutor ddl, String schema, String table, String prefix) throws SQLException {
        List<String[]> out = new ArrayList<>();
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%";
        try (java.sql.PreparedStatement p = ddl.connection().prepareStatement("SELECT CONSTRAINT_NAME, 'c' FROM \"INFORMATION_SCHEMA\".\"TABLE_CONSTRAINTS\""
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME LIKE ? UNION ALL SELECT INDEX_NAME, NULL FROM \"INFORMATION_SCHEMA\".\"INDEXES\""
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME LIKE ? AND INDEX_TYPE_NAME = 'INDEX'")) {
            p.setString(1, schema);
            p.setString(2, table);
            p.setString(3, like);
            p.setString(4, schema);
            p.setString(5, table);
            p.setString(6, like);
            try (java.sql.ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }
}
