package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DROP [TEMPORARY] TABLE [IF EXISTS] a, b}: every named table is checked before any is
 * dropped (MySQL drops none when one is unknown), then each goes with its recorded types.
 */
final class DropTable {
    private DropTable() {
    }

    static void run(DdlExecutor ddl, List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("DROP");
        boolean temporary = c.accept("TEMPORARY");
        c.accept("TABLE");
        boolean ifExists = c.accept("IF", "EXISTS");
        List<String[]> targets = new ArrayList<>();
        for (List<Token> part : TokenCursor.splitCommas(c.rest())) {
            TokenCursor p = new TokenCursor(part);
            String[] n = p.qualifiedName();
            if (n == null) {
                continue;
            }
            String schema = ddl.schemaOf(n);
            String stored = Catalog.tableName(ddl.connection(), schema, n[1]);
            if (stored == null && !temporary && !ifExists) {
                throw Errors.unknownTable(schema, n[1]);
            }
            if (stored != null) {
                targets.add(new String[] {schema, stored});
            }
        }
        for (String[] t : targets) {
            ddl.exec("DROP TABLE " + DdlExecutor.qualified(t[0], t[1]) + " CASCADE");
            Catalog.forget(ddl.connection(), t[0], t[1]);
        }
    }
}
