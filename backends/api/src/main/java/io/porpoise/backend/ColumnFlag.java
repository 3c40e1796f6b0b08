package io.porpoise.backend;

/**
 * Column definition flags.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/group__group__cs__column__definition__flags.html">Column definition flags</a>
 */
public enum ColumnFlag {
    NOT_NULL(1),
    PRI_KEY(2),
    UNIQUE_KEY(4),
    MULTIPLE_KEY(8),
    BLOB(16),
    UNSIGNED(32),
    ZEROFILL(64),
    BINARY(128),
    ENUM(256),
    AUTO_INCREMENT(512),
    TIMESTAMP(1024),
    SET(2048),
    NO_DEFAULT_VALUE(4096),
    ON_UPDATE_NOW(8192),
    PART_KEY(16384),
    NUM(32768);

    private final int mask;

    ColumnFlag(int mask) {
        this.mask = mask;
    }

    public int mask() {
        return mask;
    }
}
