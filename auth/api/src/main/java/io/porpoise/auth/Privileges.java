package io.porpoise.auth;

import java.util.List;
import java.util.Set;

/**
 * What one account may do: its grants, evaluated the way MySQL's access checks combine levels
 * (a privilege held globally holds for every database, one held on a database for each of its
 * tables). Immutable.
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/request-access.html">Access Control, Stage 2: Request Verification</a>
 */
public final class Privileges {
    public static final Privileges NONE = new Privileges(List.of());

    private final List<Grant> grants;

    public Privileges(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    public List<Grant> grants() {
        return grants;
    }

    public boolean hasGlobal(Privilege p) {
        return grants.stream().anyMatch(g -> g.level() == Privilege.Level.GLOBAL && g.privileges().contains(p));
    }

    /** All of {@code privileges} at global level. */
    public boolean hasGlobal(Set<Privilege> privileges) {
        return grants.stream().anyMatch(g -> g.level() == Privilege.Level.GLOBAL && g.privileges().containsAll(privileges));
    }

    /** {@code p} on database {@code db} (globally or on the database). */
    public boolean has(Privilege p, String db) {
        return grants.stream().anyMatch(g -> g.level() != Privilege.Level.TABLE && g.covers(db) && g.privileges().contains(p));
    }

    /** {@code p} on table {@code tbl} of {@code db} (at any level that covers it). */
    public boolean has(Privilege p, String db, String tbl) {
        return grants.stream().anyMatch(g -> g.covers(db, tbl) && g.privileges().contains(p));
    }

    /**
     * Any database-level privilege on {@code db} at global or database level, or any privilege on
     * one of its tables: what USE, COM_INIT_DB and SHOW DATABASES require.
     */
    public boolean hasAnyOn(String db) {
        Set<Privilege> dbLevel = Privilege.all(Privilege.Level.DATABASE);
        return grants.stream().anyMatch(g -> g.covers(db)
                && (g.level() == Privilege.Level.TABLE ? !g.privileges().isEmpty() || g.grantOption()
                        : g.privileges().stream().anyMatch(dbLevel::contains) || g.grantOption() && g.level() != Privilege.Level.GLOBAL));
    }

    /** Any privilege on table {@code tbl} (SHOW COLUMNS, DESCRIBE, SHOW CREATE TABLE). */
    public boolean hasAnyOn(String db, String tbl) {
        Set<Privilege> tableLevel = Privilege.all(Privilege.Level.TABLE);
        return grants.stream().anyMatch(g -> g.covers(db, tbl) && g.privileges().stream().anyMatch(tableLevel::contains));
    }

    /** Whether the account may grant {@code privileges} on the object of {@code target}: it holds them and the grant option, at that level or above. */
    public boolean canGrant(Grant target) {
        for (Privilege p : target.privileges()) {
            if (!holds(p, target)) {
                return false;
            }
        }
        return grants.stream().anyMatch(g -> g.grantOption() && covers(g, target));
    }

    private boolean holds(Privilege p, Grant target) {
        return grants.stream().anyMatch(g -> g.privileges().contains(p) && covers(g, target));
    }

    private static boolean covers(Grant held, Grant target) {
        switch (target.level()) {
            case GLOBAL:
                return held.level() == Privilege.Level.GLOBAL;
            case DATABASE:
                return held.level() != Privilege.Level.TABLE && held.covers(target.database());
            default:
                return held.covers(target.database(), target.table());
        }
    }
}
