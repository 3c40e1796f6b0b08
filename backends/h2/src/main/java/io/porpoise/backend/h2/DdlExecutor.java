package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs MySQL table DDL on H2: translates column types (see {@link DeclaredType}), records the
 * declared types, drops MySQL-only table and column options, and gives index names a
 * {@code table.} prefix because H2 index and constraint names are unique per schema while
 * MySQL's are unique per table (views and SHOW strip the prefix again).
 */
final class DdlExecutor {
    private static final System.Logger LOG = System.getLogger(DdlExecutor.class.getName());

    private final Connection conn;
    private final String currentSchema;

    DdlExecutor(Connection conn, String currentSchema) {
        this.conn = conn;
        this.currentSchema = currentSchema;
    }

    private String schemaOf(String[] name) throws BackendException {
        if (name[0] != null) {
            return name[0];
        }
        if (currentSchema == null) {
            throw Errors.noDatabase();
        }
        return currentSchema;
    }

    private static String qualified(String schema, String table) {
        return Token.quoteIdentifier(schema) + "." + Token.quoteIdentifier(table);
    }

    private void exec(String sql) throws SQLException {
        LOG.log(Level.DEBUG, "h2 ddl: {0}", sql);
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    /** CREATE [TEMPORARY] TABLE; returns false when the form is not one it translates (LIKE, AS SELECT). */
    boolean createTable(List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("CREATE");
        boolean temporary = c.accept("TEMPORARY");
        c.accept("TABLE");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String[] name = c.qualifiedName();
        if (name == null || !c.peek().isSymbol("(")) {
            return false;
        }
        String schema = schemaOf(name);
        String table = name[1];
        List<List<Token>> elements = TokenCursor.splitCommas(c.group());
        Map<String, DeclaredType> declared = new LinkedHashMap<>();
        Set<String> indexNames = new HashSet<>();
        List<String> defs = new ArrayList<>();
        for (List<Token> e : elements) {
            String d = isIndexElement(e) ? indexElement(table, e, indexNames, null) : columnDefinition(e, declared);
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
        if (ifNotExists && Catalog.tableName(conn, schema, table) != null) {
            return true;
        }
        exec("CREATE " + (temporary ? "LOCAL TEMPORARY " : "") + "TABLE " + qualified(schema, table) + " (" + String.join(", ", defs) + ")");
        afterTableChange(schema, table, declared, autoIncrement, comment);
        return true;
    }

    private void afterTableChange(String schema, String table, Map<String, DeclaredType> declared, Long autoIncrement, String comment) throws SQLException {
        String stored = Catalog.tableName(conn, schema, table);
        if (stored == null) {
            return;
        }
        Catalog.recordColumns(conn, schema, stored, declared);
        if (autoIncrement != null) {
            String identity = identityColumn(schema, stored);
            if (identity != null) {
                exec("ALTER TABLE " + qualified(schema, stored) + " ALTER COLUMN " + Token.quoteIdentifier(identity) + " RESTART WITH " + autoIncrement);
            }
        }
        if (comment != null) {
            exec("COMMENT ON TABLE " + qualified(schema, stored) + " IS " + Token.quoteString(comment));
        }
    }

    private String identityColumn(String schema, String table) throws SQLException {
        try (java.sql.PreparedStatement p = conn.prepareStatement(
                "SELECT COLUMN_NAME FROM \"INFORMATION_SCHEMA\".\"COLUMNS\" WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND IS_IDENTITY = 'YES'")) {
            p.setString(1, schema);
            p.setString(2, table);
            try (java.sql.ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean isIndexElement(List<Token> e) {
        Token f = e.isEmpty() ? Token.of(Token.Kind.SYMBOL, "") : e.get(0);
        if (f.kind() != Token.Kind.WORD) {
            return false;
        }
        switch (f.upper()) {
            case "KEY": case "INDEX": case "FULLTEXT": case "SPATIAL":
                // A column may be called `key` or `index`: then a type follows the name.
                return !(e.size() > 1 && e.get(1).kind() == Token.Kind.WORD && TYPE_WORDS.contains(e.get(1).upper()));
            case "PRIMARY": case "UNIQUE": case "CONSTRAINT": case "FOREIGN": case "CHECK":
                return true;
            default:
                return false;
        }
    }

    private static final Set<String> TYPE_WORDS = Set.of("BIT", "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "DECIMAL", "NUMERIC",
            "FLOAT", "DOUBLE", "REAL", "BOOL", "BOOLEAN", "CHAR", "VARCHAR", "BINARY", "VARBINARY", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT",
            "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB", "DATE", "TIME", "DATETIME", "TIMESTAMP", "YEAR", "JSON", "ENUM", "SET");

    /**
     * One index or constraint element as H2 SQL (inside CREATE TABLE when {@code alterTable} is
     * null, else a complete statement on that table). Returns null for ones H2 cannot build
     * (FULLTEXT, SPATIAL), which are skipped with a log line.
     */
    private String indexElement(String table, List<Token> e, Set<String> used, String alterTable) {
        TokenCursor c = new TokenCursor(e);
        String symbol = null;
        if (c.accept("CONSTRAINT")) {
            if (!c.peek().is("PRIMARY") && !c.peek().is("UNIQUE") && !c.peek().is("FOREIGN") && !c.peek().is("CHECK")) {
                symbol = c.identifier();
            }
        }
        if (c.accept("PRIMARY", "KEY")) {
            skipIndexType(c);
            String cols = keyParts(c.group());
            return alterTable == null ? "PRIMARY KEY (" + cols + ")" : "ALTER TABLE " + alterTable + " ADD PRIMARY KEY (" + cols + ")";
        }
        if (c.accept("FULLTEXT") || c.accept("SPATIAL")) {
            LOG.log(Level.INFO, "h2 backend: FULLTEXT/SPATIAL index on {0} skipped (not supported by H2)", table);
            return null;
        }
        if (c.peek().is("FOREIGN") || c.peek().is("CHECK")) {
            List<Token> rest = new ArrayList<>();
            if (c.accept("FOREIGN", "KEY")) {
                rest.add(Token.of(Token.Kind.WORD, "FOREIGN"));
                rest.add(Token.of(Token.Kind.WORD, "KEY"));
                // MySQL allows an index name between FOREIGN KEY and the columns; H2 does not.
                c.identifier();
            }
            rest.addAll(c.rest());
            String body = (symbol != null ? "CONSTRAINT " + Token.quoteIdentifier(symbol) + " " : "") + TokenCursor.toH2(rest);
            return alterTable == null ? body : "ALTER TABLE " + alterTable + " ADD " + body;
        }
        boolean unique = c.accept("UNIQUE");
        if (!c.accept("KEY")) {
            c.accept("INDEX");
        }
        String name = c.peek().isSymbol("(") || c.peek().is("USING") ? null : c.identifier();
        skipIndexType(c);
        List<Token> parts = c.group();
        name = name != null ? name : symbol;
        if (name == null) {
            // MySQL names an unnamed index after its first column, adding _2, _3 on collisions.
            String base = parts.isEmpty() ? "key" : parts.get(0).value();
            name = base;
            for (int i = 2; used.contains(name.toLowerCase(Locale.ROOT)); i++) {
                name = base + "_" + i;
            }
        }
        used.add(name.toLowerCase(Locale.ROOT));
        String h2Name = Token.quoteIdentifier(table + "." + name);
        String cols = keyParts(parts);
        if (alterTable == null) {
            return unique ? "CONSTRAINT " + h2Name + " UNIQUE (" + cols + ")" : "INDEX " + h2Name + " (" + cols + ")";
        }
        return unique ? "ALTER TABLE " + alterTable + " ADD CONSTRAINT " + h2Name + " UNIQUE (" + cols + ")"
                : "CREATE INDEX " + h2Name + " ON " + alterTable + " (" + cols + ")";
    }

    private static void skipIndexType(TokenCursor c) {
        if (c.accept("USING")) {
            c.next();
        }
    }

    /** Key parts without MySQL's prefix lengths ({@code name(10)}), which H2 does not have. */
    private static String keyParts(List<Token> parts) {
        List<String> out = new ArrayList<>();
        for (List<Token> p : TokenCursor.splitCommas(parts)) {
            TokenCursor c = new TokenCursor(p);
            StringBuilder sb = new StringBuilder(Token.quoteIdentifier(c.next().value()));
            if (c.peek().isSymbol("(")) {
                c.group();
            }
            if (c.accept("DESC")) {
                sb.append(" DESC");
            }
            out.add(sb.toString());
        }
        return String.join(", ", out);
    }

    /** One column definition as H2 SQL; records its declared type under the lower-cased name. */
    String columnDefinition(List<Token> e, Map<String, DeclaredType> declared) {
        TokenCursor c = new TokenCursor(e);
        String name = c.identifier();
        StringBuilder words = new StringBuilder(c.next().text());
        while (c.peek().is("PRECISION") || c.peek().is("VARYING") || (words.toString().equalsIgnoreCase("national") && c.peek().kind() == Token.Kind.WORD)
                || (words.toString().equalsIgnoreCase("long") && (c.peek().is("VARCHAR") || c.peek().is("VARBINARY")))) {
            words.append(' ').append(c.next().text());
        }
        List<String> args = new ArrayList<>();
        if (c.peek().isSymbol("(")) {
            for (Token t : c.group()) {
                if (!t.isSymbol(",")) {
                    args.add(t.kind() == Token.Kind.STRING ? Token.quoteString(t.value()) : t.text());
                }
            }
        }
        boolean unsigned = false;
        while (c.peek().is("UNSIGNED") || c.peek().is("SIGNED") || c.peek().is("ZEROFILL")) {
            unsigned |= !c.next().is("SIGNED");
        }
        String w = words.toString();
        if (w.equalsIgnoreCase("long varchar")) {
            w = "mediumtext";
        } else if (w.equalsIgnoreCase("long varbinary")) {
            w = "mediumblob";
        }
        List<Token> attrs = new ArrayList<>();
        boolean autoIncrement = w.equalsIgnoreCase("serial");
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.is("CHARACTER") && c.peek().is("SET") || t.is("CHARSET")) {
                c.accept("SET");
                c.next();
            } else if (t.is("COLLATE") || t.is("COLUMN_FORMAT") || t.is("STORAGE") || t.is("SRID")) {
                c.next();
            } else if (t.is("BINARY") || t.is("ASCII") || t.is("UNICODE")) {
                continue;
            } else {
                autoIncrement |= t.is("AUTO_INCREMENT");
                attrs.add(t);
            }
        }
        if (w.equalsIgnoreCase("serial")) {
            attrs.addAll(SqlLexer.significant(SqlLexer.lex("NOT NULL AUTO_INCREMENT UNIQUE")));
        }
        DeclaredType type = DeclaredType.of(w, args, unsigned);
        declared.put(name.toLowerCase(Locale.ROOT), type);
        return Token.quoteIdentifier(name) + " " + type.h2Type(autoIncrement) + (attrs.isEmpty() ? "" : " " + TokenCursor.toH2(attrs));
    }

    /** ALTER TABLE with one or more MySQL alter specifications, each run as its own H2 statement. */
    void alterTable(List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("ALTER");
        c.accept("IGNORE");
        c.accept("TABLE");
        String[] name = c.qualifiedName();
        String schema = schemaOf(name);
        String table = Catalog.tableName(conn, schema, name[1]);
        if (table == null) {
            throw Errors.noSuchTable(schema, name[1]);
        }
        String q = qualified(schema, table);
        for (List<Token> spec : TokenCursor.splitCommas(c.rest())) {
            table = alterSpec(schema, table, q, spec);
            q = qualified(schema, table);
        }
    }

    private String alterSpec(String schema, String table, String q, List<Token> spec) throws SQLException {
        TokenCursor c = new TokenCursor(spec);
        Map<String, DeclaredType> declared = new LinkedHashMap<>();
        Token first = c.peek();
        if (c.accept("ADD")) {
            c.accept("COLUMN");
            if (isIndexElement(c.remaining())) {
                String sql = indexElement(table, c.rest(), new HashSet<>(), q);
                if (sql != null) {
                    exec(sql);
                }
            } else if (c.peek().isSymbol("(")) {
                for (List<Token> col : TokenCursor.splitCommas(c.group())) {
                    exec("ALTER TABLE " + q + " ADD COLUMN " + columnDefinition(col, declared));
                }
            } else {
                exec("ALTER TABLE " + q + " ADD COLUMN " + columnDefinition(c.rest(), declared));
            }
        } else if (c.accept("MODIFY")) {
            c.accept("COLUMN");
            exec("ALTER TABLE " + q + " MODIFY COLUMN " + columnDefinition(c.rest(), declared));
        } else if (c.accept("CHANGE")) {
            c.accept("COLUMN");
            String old = c.identifier();
            List<Token> def = c.rest();
            exec("ALTER TABLE " + q + " CHANGE COLUMN " + Token.quoteIdentifier(old) + " " + columnDefinition(def, declared));
            Catalog.renameColumn(conn, schema, table, old, def.get(0).value());
        } else if (c.accept("DROP")) {
            if (c.accept("INDEX") || c.accept("KEY")) {
                dropIndex(schema, table, c.identifier());
            } else if (c.accept("FOREIGN", "KEY") || c.accept("CONSTRAINT") || c.accept("CHECK")) {
                exec("ALTER TABLE " + q + " DROP CONSTRAINT " + Token.quoteIdentifier(c.identifier()));
            } else {
                exec("ALTER TABLE " + q + " DROP " + TokenCursor.toH2(c.rest()));
            }
        } else if (c.accept("RENAME")) {
            if (c.accept("COLUMN")) {
                String from = c.identifier();
                c.accept("TO");
                String to = c.identifier();
                exec("ALTER TABLE " + q + " ALTER COLUMN " + Token.quoteIdentifier(from) + " RENAME TO " + Token.quoteIdentifier(to));
                Catalog.renameColumn(conn, schema, table, from, to);
            } else if (c.accept("INDEX") || c.accept("KEY")) {
                String from = c.identifier();
                c.accept("TO");
                renameIndex(schema, table, from, c.identifier());
            } else {
                if (!c.accept("TO")) {
                    c.accept("AS");
                }
                String[] to = c.qualifiedName();
                return renameTable(schema, table, to[0] == null ? schema : to[0], to[1]);
            }
        } else if (first.is("AUTO_INCREMENT")) {
            c.next();
            c.acceptSymbol("=");
            afterTableChange(schema, table, declared, Long.parseLong(c.next().text()), null);
        } else if (first.is("COMMENT")) {
            c.next();
            c.acceptSymbol("=");
            afterTableChange(schema, table, declared, null, c.next().value());
        } else if (first.is("ALTER")) {
            exec("ALTER TABLE " + q + " " + TokenCursor.toH2(c.rest()));
        } else {
            // DISABLE/ENABLE KEYS, ENGINE, CHARSET, CONVERT TO, ROW_FORMAT, ALGORITHM, LOCK, FORCE: storage options H2 has no use for.
            LOG.log(Level.DEBUG, "h2 backend: ALTER TABLE option ignored: {0}", TokenCursor.toH2(spec));
        }
        afterTableChange(schema, table, declared, null, null);
        return table;
    }

    /** RENAME TABLE / ALTER TABLE RENAME: moves the table, its recorded types and its index prefixes. */
    String renameTable(String schema, String table, String toSchema, String to) throws SQLException {
        exec("ALTER TABLE " + qualified(schema, table) + " RENAME TO " + (toSchema.equals(schema) ? Token.quoteIdentifier(to) : qualified(toSchema, to)));
        Catalog.rename(conn, schema, table, toSchema, to);
        for (String[] idx : prefixedNames(toSchema, to, table)) {
            String renamed = Token.quoteIdentifier(to + "." + idx[0].substring(table.length() + 1));
            if (idx[1] != null) {
                exec("ALTER TABLE " + qualified(toSchema, to) + " RENAME CONSTRAINT " + Token.quoteIdentifier(idx[0]) + " TO " + renamed);
            } else {
                exec("ALTER INDEX " + qualified(toSchema, idx[0]) + " RENAME TO " + renamed);
            }
        }
        return to;
    }

    /** Index and unique-constraint names of a table starting with {@code prefix.}: {name, "c" for constraints}. */
    private List<String[]> prefixedNames(String schema, String table, String prefix) throws SQLException {
        List<String[]> out = new ArrayList<>();
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%";
        try (java.sql.PreparedStatement p = conn.prepareStatement("SELECT CONSTRAINT_NAME, 'c' FROM \"INFORMATION_SCHEMA\".\"TABLE_CONSTRAINTS\""
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

    /** DROP INDEX name ON table / ALTER TABLE DROP INDEX: a unique constraint or a plain index. */
    void dropIndex(String schema, String table, String index) throws SQLException {
        String h2Name = table + "." + index;
        if (index.equalsIgnoreCase("PRIMARY")) {
            exec("ALTER TABLE " + qualified(schema, table) + " DROP PRIMARY KEY");
        } else if (isConstraint(schema, h2Name)) {
            exec("ALTER TABLE " + qualified(schema, table) + " DROP CONSTRAINT " + Token.quoteIdentifier(h2Name));
        } else if (isConstraint(schema, index)) {
            exec("ALTER TABLE " + qualified(schema, table) + " DROP CONSTRAINT " + Token.quoteIdentifier(index));
        } else if (indexExists(schema, h2Name)) {
            exec("DROP INDEX " + qualified(schema, h2Name));
        } else {
            exec("DROP INDEX " + qualified(schema, index));
        }
    }

    private void renameIndex(String schema, String table, String from, String to) throws SQLException {
        String h2From = table + "." + from;
        if (isConstraint(schema, h2From)) {
            exec("ALTER TABLE " + qualified(schema, table) + " RENAME CONSTRAINT " + Token.quoteIdentifier(h2From) + " TO " + Token.quoteIdentifier(table + "." + to));
        } else {
            exec("ALTER INDEX " + qualified(schema, indexExists(schema, h2From) ? h2From : from) + " RENAME TO " + Token.quoteIdentifier(table + "." + to));
        }
    }

    private boolean isConstraint(String schema, String name) throws SQLException {
        return exists("SELECT 1 FROM \"INFORMATION_SCHEMA\".\"TABLE_CONSTRAINTS\" WHERE CONSTRAINT_SCHEMA = ? AND CONSTRAINT_NAME = ?", schema, name);
    }

    private boolean indexExists(String schema, String name) throws SQLException {
        return exists("SELECT 1 FROM \"INFORMATION_SCHEMA\".\"INDEXES\" WHERE INDEX_SCHEMA = ? AND INDEX_NAME = ?", schema, name);
    }

    private boolean exists(String sql, String a, String b) throws SQLException {
        try (java.sql.PreparedStatement p = conn.prepareStatement(sql)) {
            p.setString(1, a);
            p.setString(2, b);
            try (java.sql.ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** CREATE [UNIQUE] INDEX name [USING x] ON table (parts). */
    void createIndex(List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("CREATE");
        boolean unique = c.accept("UNIQUE");
        c.accept("FULLTEXT");
        c.accept("SPATIAL");
        c.accept("INDEX");
        String index = c.identifier();
        skipIndexType(c);
        c.accept("ON");
        String[] name = c.qualifiedName();
        String schema = schemaOf(name);
        String table = Catalog.tableName(conn, schema, name[1]);
        if (table == null) {
            throw Errors.noSuchTable(schema, name[1]);
        }
        String h2Name = Token.quoteIdentifier(table + "." + index);
        exec("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + h2Name + " ON " + qualified(schema, table) + " (" + keyParts(c.group()) + ")");
    }

    /** DROP INDEX name ON table. */
    void dropIndexStatement(List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("DROP");
        c.accept("INDEX");
        String index = c.identifier();
        c.accept("ON");
        String[] name = c.qualifiedName();
        String schema = schemaOf(name);
        String table = Catalog.tableName(conn, schema, name[1]);
        if (table == null) {
            throw Errors.noSuchTable(schema, name[1]);
        }
        dropIndex(schema, table, index);
    }

    /** RENAME TABLE a TO b [, c TO d]. */
    void renameTables(List<Token> sig) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        c.accept("RENAME");
        c.accept("TABLE");
        for (List<Token> pair : TokenCursor.splitCommas(c.rest())) {
            TokenCursor p = new TokenCursor(pair);
            String[] from = p.qualifiedName();
            p.accept("TO");
            String[] to = p.qualifiedName();
            String schema = schemaOf(from);
            String table = Catalog.tableName(conn, schema, from[1]);
            if (table == null) {
                throw Errors.noSuchTable(schema, from[1]);
            }
            renameTable(schema, table, to[0] == null ? schemaOf(new String[] {null, to[1]}) : to[0], to[1]);
        }
    }

    /** DROP [TEMPORARY] TABLE [IF EXISTS] a, b: the tables go, and so do their records. */
    void dropTables(List<Token> sig) throws BackendException, SQLException {
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
            String schema = schemaOf(n);
            String stored = Catalog.tableName(conn, schema, n[1]);
            if (stored == null && !temporary && !ifExists) {
                throw Errors.unknownTable(schema, n[1]);
            }
            if (stored != null) {
                targets.add(new String[] {schema, stored});
            }
        }
        for (String[] t : targets) {
            exec("DROP TABLE " + qualified(t[0], t[1]) + " CASCADE");
            Catalog.forget(conn, t[0], t[1]);
        }
    }
}
