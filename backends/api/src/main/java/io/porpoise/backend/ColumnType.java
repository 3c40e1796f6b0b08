package io.porpoise.backend;

/**
 * MySQL column type codes ({@code enum_field_types}). Legacy codes the server never sends
 * (TIMESTAMP2, DATETIME2, TIME2, NEWDATE, VARCHAR in results) are still listed so decoders can
 * name them.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/field__types_8h.html">field_types.h</a>
 */
public enum ColumnType {
    DECIMAL(0x00),
    TINY(0x01),
    SHORT(0x02),
    LONG(0x03),
    FLOAT(0x04),
    DOUBLE(0x05),
    NULL(0x06),
    TIMESTAMP(0x07),
    LONGLONG(0x08),
    INT24(0x09),
    DATE(0x0A),
    TIME(0x0B),
    DATETIME(0x0C),
    YEAR(0x0D),
    NEWDATE(0x0E),
    VARCHAR(0x0F),
    BIT(0x10),
    TIMESTAMP2(0x11),
    DATETIME2(0x12),
    TIME2(0x13),
    TYPED_ARRAY(0x14),
    VECTOR(0xF2),
    INVALID(0xF3),
    BOOL(0xF4),
    JSON(0xF5),
    NEWDECIMAL(0xF6),
    ENUM(0xF7),
    SET(0xF8),
    TINY_BLOB(0xF9),
    MEDIUM_BLOB(0xFA),
    LONG_BLOB(0xFB),
    BLOB(0xFC),
    VAR_STRING(0xFD),
    STRING(0xFE),
    GEOMETRY(0xFF);

    private static final ColumnType[] BY_CODE = new ColumnType[256];

    static {
        for (ColumnType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    ColumnType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for a wire code; IllegalArgumentException for a code MySQL does not define. */
    public static ColumnType ofCode(int code) {
        ColumnType t = code >= 0 && code < 256 ? BY_CODE[code] : null;
        if (t == null) {
            throw new IllegalArgumentException("column type code: " + code + " (expected: a MySQL enum_field_types value)");
        }
        return t;
    }

    /** Whether values are numbers (right-aligned by clients, sent without charset). */
    public boolean isNumeric() {
        switch (this) {
            case DECIMAL: case TINY: case SHORT: case LONG: case FLOAT: case DOUBLE: case LONGLONG:
            case INT24: case YEAR: case NEWDECIMAL: case BIT:
                return true;
            default:
                return false;
        }
    }
}
