package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Runs one MySQL DDL statement on H2: routes it to its translation ({@link CreateTable},
 * {@link AlterTable}, {@link IndexStatements}, {@link RenameTable}, {@link DropTable},
 * {@link SchemaStatements}) and holds what those share: the connection, the session's current
 * database, and recording a table's declared MySQL types and options after it changed. Anything
 * it does not translate goes to H2 as rewritten DML. The caller brackets it with MySQL's implicit
 * commits.
 */
final class DdlExecutor {
    private static final System.Logger LOG = System.getLogger(DdlExecutor.class.getName());

    private final Connection conn;
    private final String currentSchema;
    private final long lastInsertId;

    DdlExecutor(Connection conn, String currentSchema, long lastInsertId) {
        this.conn = conn;
        this.currentSchema = currentSchema;
        this.lastInsertId = lastInsertId;
    }

    /**
     * Runs the statement ({@code tokens}, significant ones {@code sig}); returns the affected-row
     * count MySQL reports. {@code schemaDropped} runs when the current database is dropped.
     */
    long run(List<Token> tokens, List<Token> sig, Runnable schemaDropped) throws BackendException, SQLException {
        TokenCursor c = new TokenCursor(sig);
        if (c.accept("CREATE", "DATABASE") || c.accept("CREATE", "SCHEMA")) {
            return SchemaStatements.create(conn, c);
        } else if (c.accept("DROP", "DATABASE") || c.accept("DROP", "SCHEMA")) {
            return SchemaStatements.drop(conn, c, currentSchema, schemaDropped);
        } else if (c.accept("ALTER", "DATABASE") || c.accept("ALTER", "SCHEMA")) {
            // Only character set and encryption options exist; this backend stores everything as Unicode.
            return 1;
        } else if (c.accept("CREATE", "TABLE") || c.accept("CREATE", "TEMPORARY", "TABLE")) {
            if (!CreateTable.run(this, sig)) {
                passThrough(tokens, sig);
            }
        } else if (c.accept("CREATE", "INDEX") || c.accept("CREATE", "UNIQUE", "INDEX") || c.accept("CREATE", "FULLTEXT", "INDEX") || c.accept("CREATE", "SPATIAL", "INDEX")) {
            IndexStatements.create(this, sig);
        } else if (c.accept("DROP", "INDEX")) {
            IndexStatements.drop(this, sig);
        } else if (c.accept("ALTER", "TABLE") || c.accept("ALTER", "IGNORE", "TABLE")) {
            AlterTable.run(this, sig);
        } else if (c.accept("RENAME", "TABLE")) {
            RenameTable.run(this, sig);
        } else if (c.accept("DROP", "TABLE") || c.accept("DROP", "TEMPORARY", "TABLE")) {
            DropTable.run(this, sig);
        } else if (c.accept("TRUNCATE")) {
            SchemaStatements.truncate(conn, c, currentSchema);
        } else {
            passThrough(tokens, sig);
        }
        return 0;
    }

    /** A statement H2 runs as written (after the DML rewrites): CREATE VIEW, CREATE TABLE ... AS SELECT, ... */
    private void passThrough(List<Token> tokens, List<Token> sig) throws BackendException, SQLException {
        // Statements that create or drop objects without naming a database need a current one.
        if (currentSchema == null && !containsQualifiedName(sig)) {
            throw Errors.noDatabase();
        }
        exec(DmlRewriter.rewrite(tokens, currentSchema, lastInsertId));
    }

    private static boolean containsQualifiedName(List<Token> sig) {
        for (int i = 1; i + 1 < sig.size(); i++) {
            if (sig.get(i).isSymbol(".") && sig.get(i - 1).isIdentifier() && sig.get(i + 1).isIdentifier()) {
                return true;
            }
        }
        return false;
    }

    Connection connection() {
        return conn;
    }

    /** The database of a {@code {schema, name}} pair: its own, else the current one (ER_NO_DB_ERROR without). */
    String schemaOf(String[] name) throws BackendException {
        if (name[0] != null) {
            return name[0];
        }
        if (currentSchema == null) {
            throw Errors.noDatabase();
        }
        return currentSchema;
    }

    /** The stored name of an existing table (H2 keeps the case it was created with), else ER_NO_SUCH_TABLE. */
    String existingTable(String schema, String table) throws BackendException, SQLException {
        String stored = Catalog.tableName(conn, schema, table);
        if (stored == null) {
            throw Errors.noSuchTable(schema, table);
        }
        return stored;
    }

    static String qualified(String schema, String table) {
        return Token.quoteIdentifier(schema) + "." + Token.quoteIdentifier(table);
    }

    /** Runs one H2 statement. */
    void exec(String sql) throws SQLException {
        LOG.log(Level.DEBUG, "h2 ddl: {0}", sql);
        try (Statement s = conn.createStatement()) {
            s.execute(sql);
        }
    }

    /** Whether the query {@code sql} with string parameters {@code a} and {@code b} has a row. */
    boolean exists(String sql, String a, String b) throws SQLException {
        try (java.sql.PreparedStatement p = conn.prepareStatement(sql)) {
            p.setString(1, a);
            p.setString(2, b);
            try (java.sql.ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * After a table was created or altered: records the declared types of its new or changed
     * columns and applies the table options H2 takes as separate statements (AUTO_INCREMENT
     * start, COMMENT; each nullable).
     */
    void afterTableChange(String schema, String table, Map<String, DeclaredType> declared, Long autoIncrement, String comment) throws SQLException {
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
}
