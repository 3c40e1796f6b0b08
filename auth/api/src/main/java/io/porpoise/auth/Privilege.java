package io.porpoise.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL's static privileges, in the order SHOW GRANTS lists them, with the levels they can be
 * granted at. {@code USAGE} means no privilege and {@code GRANT OPTION} is a flag of a
 * {@link Grant}, so neither is here. Dynamic privileges (SYSTEM_VARIABLES_ADMIN, ...) are not
 * supported: {@link #SUPER} stands for them.
 *
 * @see <a href="https://dev.mysql.com/doc/refman/8.4/en/privileges-provided.html">Privileges Provided by MySQL</a>
 */
public enum Privilege {
    SELECT("SELECT", Level.TABLE),
    INSERT("INSERT", Level.TABLE),
    UPDATE("UPDATE", Level.TABLE),
    DELETE("DELETE", Level.TABLE),
    CREATE("CREATE", Level.TABLE),
    DROP("DROP", Level.TABLE),
    RELOAD("RELOAD", Level.GLOBAL),
    SHUTDOWN("SHUTDOWN", Level.GLOBAL),
    PROCESS("PROCESS", Level.GLOBAL),
    FILE("FILE", Level.GLOBAL),
    REFERENCES("REFERENCES", Level.TABLE),
    INDEX("INDEX", Level.TABLE),
    ALTER("ALTER", Level.TABLE),
    SHOW_DATABASES("SHOW DATABASES", Level.GLOBAL),
    SUPER("SUPER", Level.GLOBAL),
    CREATE_TEMPORARY_TABLES("CREATE TEMPORARY TABLES", Level.DATABASE),
    LOCK_TABLES("LOCK TABLES", Level.DATABASE),
    EXECUTE("EXECUTE", Level.DATABASE),
    REPLICATION_SLAVE("REPLICATION SLAVE", Level.GLOBAL),
    REPLICATION_CLIENT("REPLICATION CLIENT", Level.GLOBAL),
    CREATE_VIEW("CREATE VIEW", Level.TABLE),
    SHOW_VIEW("SHOW VIEW", Level.TABLE),
    CREATE_ROUTINE("CREATE ROUTINE", Level.DATABASE),
    ALTER_ROUTINE("ALTER ROUTINE", Level.DATABASE),
    CREATE_USER("CREATE USER", Level.GLOBAL),
    EVENT("EVENT", Level.DATABASE),
    TRIGGER("TRIGGER", Level.TABLE),
    CREATE_TABLESPACE("CREATE TABLESPACE", Level.GLOBAL),
    CREATE_ROLE("CREATE ROLE", Level.GLOBAL),
    DROP_ROLE("DROP ROLE", Level.GLOBAL);

    /** Where a privilege can be granted: a TABLE privilege also at database and global level, and so on. */
    public enum Level { GLOBAL, DATABASE, TABLE }

    private final String sql;
    private final Level lowest;

    Privilege(String sql, Level lowest) {
        this.sql = sql;
        this.lowest = lowest;
    }

    /** The name as SQL writes it ({@code SHOW DATABASES}). */
    public String sql() {
        return sql;
    }

    /** Whether this privilege can be granted at {@code level}. */
    public boolean grantableAt(Level level) {
        return level.ordinal() <= lowest.ordinal();
    }

    /** Everything {@code ALL [PRIVILEGES]} means at {@code level}. */
    public static Set<Privilege> all(Level level) {
        EnumSet<Privilege> s = EnumSet.noneOf(Privilege.class);
        for (Privilege p : values()) {
            if (p.grantableAt(level)) {
                s.add(p);
            }
        }
        return s;
    }

    /** By SQL name, case-insensitively, with words separated by single spaces. */
    public static Optional<Privilege> bySql(String name) {
        String n = name.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        for (Privilege p : values()) {
            if (p.sql.equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
