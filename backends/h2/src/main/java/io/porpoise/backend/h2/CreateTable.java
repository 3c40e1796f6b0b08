package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (elements) [options]}: columns and
 * indexes translated one by one, the declared types recorded, and of the table options the two
 * H2 can keep (AUTO_INCREMENT start, COMMENT); ENGINE, CHARSET and the rest are storage details
 * H2 has no use for.
 */
final class CreateTable {
    private CreateTable() {
    }

    /** Runs the statement; returns false when the form is not one it translates (LIKE, AS SELECT). */
    static boolean run(DdlExecutor ddl, List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("CREATE");
        boolean temporary = c.accept("TEMPORARY");
        c.accept("TABLE");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String[] name = c.qualifiedName();
        if (name == null || !c.peek().isSymbol("(")) {
            return false;
        }
        String schema = ddl.schemaOf(name);
        String table = name[1];
        List<List<Token>> elements = TokenCursor.splitCommas(c.group());
        Map<String, DeclaredType> declared = new LinkedHashMap<>();
        Set<String> indexNames = new HashSet<>();
        List<String> defs = new ArrayList<>();
        for (List<Token> e : elements) {
            String d = IndexElement.isIndex(e) ? IndexElement.toH2(table, e, indexNames, null) : ColumnDefinition.toH2(e, declared);
            if (d != null) {
                defs.add(d);
            }
        }
        Long autoIncrement = null;
        String comment = null;
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.is("AUTO_INCREMENT")) {
                c.acceptSymbol("=");
                autoIncrement = Long.parseLong(c.next().text());
            } else if (t.is("COMMENT")) {
                c.acceptSymbol("=");
                comment = c.next().value();
            }
        }
        if (ifNotExists && Catalog.tableName(ddl.connection(), schema, table) != null) {
            return true;
        }
        ddl.exec("CREATE " + (temporary ? "LOCAL TEMPORARY " : "") + "TABLE " + DdlExecutor.qualified(schema, table) + " (" + String.join(", ", defs) + ")");
        ddl.afterTableChange(schema, table, declared, autoIncrement, comment);
        return true;
    }
}
