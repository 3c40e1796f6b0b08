package io.porpoise.backend.h2;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One index or constraint element of CREATE TABLE or ALTER TABLE ADD ({@code PRIMARY KEY (..)},
 * {@code [UNIQUE] KEY name (..)}, {@code [CONSTRAINT x] FOREIGN KEY ..}, {@code CHECK (..)}) as H2
 * SQL. Index and unique-constraint names get a {@code table.} prefix because H2's are unique per
 * schema while MySQL's are unique per table; the catalog views and SHOW strip it again.
 */
final class IndexElement {
    private static final System.Logger LOG = System.getLogger(IndexElement.class.getName());

    /** Type names: after {@code key} or {@code index} they make it a column of that name, not an index. */
    private static final Set<String> TYPE_WORDS = Set.of("BIT", "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "DECIMAL", "NUMERIC",
            "FLOAT", "DOUBLE", "REAL", "BOOL", "BOOLEAN", "CHAR", "VARCHAR", "BINARY", "VARBINARY", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT",
            "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB", "DATE", "TIME", "DATETIME", "TIMESTAMP", "YEAR", "JSON", "ENUM", "SET");

    private IndexElement() {
    }

    /** Whether a table element (or what follows ALTER TABLE ADD) is an index or constraint rather than a column. */
    static boolean isIndex(List<Token> e) {
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

    /**
     * One index or constraint element as H2 SQL (inside CREATE TABLE when {@code alterTable} is
     * null, else a complete statement on that table). Returns null for ones H2 cannot build
     * (FULLTEXT, SPATIAL), which are skipped with a log line.
     *
     * @param used the lower-cased index names the table has so far (unnamed indexes are named after them); takes this one
     */
    static String toH2(String table, List<Token> e, Set<String> used, String alterTable) {
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

    /** Skips {@code USING BTREE|HASH}: H2 chooses its own index structure. */
    static void skipIndexType(TokenCursor c) {
        if (c.accept("USING")) {
            c.next();
        }
    }

    /** Key parts without MySQL's prefix lengths ({@code name(10)}), which H2 does not have. */
    static String keyParts(List<Token> parts) {
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
}
