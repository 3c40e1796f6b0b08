package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** CREATE DATABASE, DROP DATABASE (MySQL databases are H2 schemas) and TRUNCATE TABLE, run directly on H2. */
final class SchemaStatements {
    private SchemaStatements() {
    }

    /** CREATE DATABASE [IF NOT EXISTS] name, cursor after DATABASE; the affected-row count MySQL reports. */
    static long create(Connection conn, TokenCursor c) throws BackendException, SQLException {
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        String name = c.identifier();
        if (name == null) {
            throw Errors.syntax(TokenCursor.toH2(c.rest()));
        }
        if (Catalog.schemaName(conn, name) != null || Catalog.isHidden(name)) {
            if (ifNotExists) {
                return 0;
            }
            throw new BackendException(1007, "HY000", "Can't create database '" + name + "'; database exists");
        }
        execute(conn, "CREATE SCHEMA " + Token.quoteIdentifier(name));
        return 1;
    }

    /**
     * DROP DATABASE [IF EXISTS] name, cursor after DATABASE; MySQL reports the number of tables
     * dropped. Dropping the current database leaves the session without one ({@code onCurrent}).
     */
    static long drop(Connection conn, TokenCursor c, String current, Runnable onCurrent) throws BackendException, SQLException {
        boolean ifExists = c.accept("IF", "EXISTS");
        String name = c.identifier();
        String stored = name == null ? null : Catalog.schemaName(conn, name);
        if (Catalog.INFO.equals(stored)) {
            throw new BackendException(1044, "42000", "Access denied to database '" + Catalog.INFO + "'");
        }
        if (stored == null) {
            if (ifExists) {
                return 0;
            }
            throw new BackendException(1008, "HY000", "Can't drop database '" + name + "'; database doesn't exist");
        }
        long tables;
        try (PreparedStatement p = conn.prepareStatement("SELECT COUNT(*) FROM \"INFORMATION_SCHEMA\".\"TABLES\" WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            p.setString(1, stored);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                tables = rs.getLong(1);
            }
        }
        if (stored.equals(current)) {
            execute(conn, "SET SCHEMA PUBLIC");
            onCurrent.run();
        }
        execute(conn, "DROP SCHEMA " + Token.quoteIdentifier(stored) + " CASCADE");
        Catalog.forget(conn, stored, null);
        return tables;
    }

    /** TRUNCATE [TABLE] name, cursor after TRUNCATE. */
    static void truncate(Connection conn, TokenCursor c, String current) throws BackendException, SQLException {
        c.accept("TABLE");
        String[] name = c.qualifiedName();
        String s = name[0] != null ? name[0] : current;
        if (s == null) {
            throw Errors.noDatabase();
        }
        String stored = Catalog.tableName(conn, s, name[1]);
        if (stored == null) {
            throw Errors.noSuchTable(s, name[1]);
        }
        execute(conn, "TRUNCATE TABLE " + Token.quoteIdentifier(s) + "." + Token.quoteIdentifier(stored));
    }

    private static void execute(Connection conn, String h2sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(h2sql);
        }
    }
}
