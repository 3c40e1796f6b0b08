package io.porpoise.auth;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Privileges of one account at one level: global ({@code *.*}, both names null), a database
 * ({@code db.*}, table null) or a table ({@code db.tbl}). Names are compared exactly, as MySQL
 * does on Linux ({@code lower_case_table_names=0}); wildcards in database names are not
 * interpreted.
 */
public record Grant(String database, String table, Set<Privilege> privileges, boolean grantOption) {
    public Grant {
        if (database == null && table != null) {
            throw new IllegalArgumentException("table: " + table + " (expected: null when database is null)");
        }
        privileges = privileges.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Privilege.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(privileges));
    }

    public static Grant global(Set<Privilege> privileges, boolean grantOption) {
        return new Grant(null, null, privileges, grantOption);
    }

    public Privilege.Level level() {
        return database == null ? Privilege.Level.GLOBAL : table == null ? Privilege.Level.DATABASE : Privilege.Level.TABLE;
    }

    /** Whether this grant is for the same level and object as {@code other}. */
    public boolean sameObject(Grant other) {
        return Objects.equals(database, other.database) && Objects.equals(table, other.table);
    }

    /** Whether it applies to {@code db} (any table in it, or the database itself). */
    boolean covers(String db) {
        return database == null || database.equals(db);
    }

    /** Whether it applies to table {@code tbl} of {@code db}. */
    boolean covers(String db, String tbl) {
        return database == null || database.equals(db) && (table == null || table.equals(tbl));
    }

    /** {@code *.*}, {@code `db`.*} or {@code `db`.`tbl`}, as SHOW GRANTS writes the object. */
    public String objectSql() {
        if (database == null) {
            return "*.*";
        }
        return quote(database) + "." + (table == null ? "*" : quote(table));
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
