package io.porpoise.command.accounts;

import io.porpoise.auth.Privilege;

/**
 * One privilege a statement needs: on a table ({@code table} not null) or on a database. With
 * {@code anyPrivilege}, any privilege on the object will do (SHOW TABLES, DESCRIBE).
 *
 * @param command how ER_TABLEACCESS_DENIED_ERROR names the operation ({@code SELECT}, {@code CREATE VIEW})
 */
record Requirement(Privilege privilege, String command, String database, String table, boolean anyPrivilege) {

    static Requirement table(Privilege p, String db, String table) {
        return new Requirement(p, p.sql(), db, table, false);
    }

    static Requirement database(Privilege p, String db) {
        return new Requirement(p, p.sql(), db, null, false);
    }

    static Requirement anyOnTable(String command, String db, String table) {
        return new Requirement(null, command, db, table, true);
    }

    static Requirement anyOnDatabase(String db) {
        return new Requirement(null, "SHOW", db, null, true);
    }
}
