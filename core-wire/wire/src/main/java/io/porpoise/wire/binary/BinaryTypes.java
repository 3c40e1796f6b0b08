package io.porpoise.wire.binary;

/**
 * MySQL column and parameter type codes ({@code enum_field_types}) as the wire carries them,
 * in one byte. Codes 14 and 17..19 exist only inside the server (storage formats): no client
 * sends them and no server puts them in column metadata, so the codecs here reject them.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/field__types_8h.html">field_types.h</a>
 */
public final class BinaryTypes {
    public static final int MYSQL_TYPE_DECIMAL = 0x00;
    public static final int MYSQL_TYPE_TINY = 0x01;
    public static final int MYSQL_TYPE_SHORT = 0x02;
    public static final int MYSQL_TYPE_LONG = 0x03;
    public static final int MYSQL_TYPE_FLOAT = 0x04;
    public static final int MYSQL_TYPE_DOUBLE = 0x05;
    public static final int MYSQL_TYPE_NULL = 0x06;
    public static final int MYSQL_TYPE_TIMESTAMP = 0x07;
    public static final int MYSQL_TYPE_LONGLONG = 0x08;
    public static final int MYSQL_TYPE_INT24 = 0x09;
    public static final int MYSQL_TYPE_DATE = 0x0A;
    public static final int MYSQL_TYPE_TIME = 0x0B;
    public static final int MYSQL_TYPE_DATETIME = 0x0C;
    public static final int MYSQL_TYPE_YEAR = 0x0D;
    /** Server-internal; never on the wire. */
    public static final int MYSQL_TYPE_NEWDATE = 0x0E;
    public static final int MYSQL_TYPE_VARCHAR = 0x0F;
    public static final int MYSQL_TYPE_BIT = 0x10;
    /** Server-internal storage format; never on the wire. */
    public static final int MYSQL_TYPE_TIMESTAMP2 = 0x11;
    /** Server-internal storage format; never on the wire. */
    public static final int MYSQL_TYPE_DATETIME2 = 0x12;
    /** Server-internal storage format; never on the wire. */
    public static final int MYSQL_TYPE_TIME2 = 0x13;
    public static final int MYSQL_TYPE_JSON = 0xF5;
    public static final int MYSQL_TYPE_NEWDECIMAL = 0xF6;
    public static final int MYSQL_TYPE_ENUM = 0xF7;
    public static final int MYSQL_TYPE_SET = 0xF8;
    public static final int MYSQL_TYPE_TINY_BLOB = 0xF9;
    public static final int MYSQL_TYPE_MEDIUM_BLOB = 0xFA;
    public static final int MYSQL_TYPE_LONG_BLOB = 0xFB;
    public static final int MYSQL_TYPE_BLOB = 0xFC;
    public static final int MYSQL_TYPE_VAR_STRING = 0xFD;
    public static final int MYSQL_TYPE_STRING = 0xFE;
    public static final int MYSQL_TYPE_GEOMETRY = 0xFF;

    /** The second byte of a COM_STMT_EXECUTE parameter type: the value is unsigned. */
    public static final int UNSIGNED_FLAG = 0x80;

    /**
     * The column-definition {@code decimals} meaning "not fixed" (NOT_FIXED_DEC): DECIMAL values
     * keep their own scale and temporal values keep all six fractional digits.
     */
    public static final int NOT_FIXED_DECIMALS = 0x1F;

    private BinaryTypes() {
    }

    /** Whether {@code type} is a code the binary protocol carries (everything except 14 and 17..19). */
    public static boolean isWireType(int type) {
        return (type >= MYSQL_TYPE_DECIMAL && type <= MYSQL_TYPE_BIT && type != MYSQL_TYPE_NEWDATE)
                || (type >= MYSQL_TYPE_JSON && type <= MYSQL_TYPE_GEOMETRY);
    }

    /** The protocol name of a type code, for messages: {@code MYSQL_TYPE_TINY}, or {@code 0x14} if unknown. */
    public static String name(int type) {
        return switch (type) {
            case MYSQL_TYPE_DECIMAL -> "MYSQL_TYPE_DECIMAL";
            case MYSQL_TYPE_TINY -> "MYSQL_TYPE_TINY";
            case MYSQL_TYPE_SHORT -> "MYSQL_TYPE_SHORT";
            case MYSQL_TYPE_LONG -> "MYSQL_TYPE_LONG";
            case MYSQL_TYPE_FLOAT -> "MYSQL_TYPE_FLOAT";
            case MYSQL_TYPE_DOUBLE -> "MYSQL_TYPE_DOUBLE";
            case MYSQL_TYPE_NULL -> "MYSQL_TYPE_NULL";
            case MYSQL_TYPE_TIMESTAMP -> "MYSQL_TYPE_TIMESTAMP";
            case MYSQL_TYPE_LONGLONG -> "MYSQL_TYPE_LONGLONG";
            case MYSQL_TYPE_INT24 -> "MYSQL_TYPE_INT24";
            case MYSQL_TYPE_DATE -> "MYSQL_TYPE_DATE";
            case MYSQL_TYPE_TIME -> "MYSQL_TYPE_TIME";
            case MYSQL_TYPE_DATETIME -> "MYSQL_TYPE_DATETIME";
            case MYSQL_TYPE_YEAR -> "MYSQL_TYPE_YEAR";
            case MYSQL_TYPE_NEWDATE -> "MYSQL_TYPE_NEWDATE";
            case MYSQL_TYPE_VARCHAR -> "MYSQL_TYPE_VARCHAR";
            case MYSQL_TYPE_BIT -> "MYSQL_TYPE_BIT";
            case MYSQL_TYPE_TIMESTAMP2 -> "MYSQL_TYPE_TIMESTAMP2";
            case MYSQL_TYPE_DATETIME2 -> "MYSQL_TYPE_DATETIME2";
            case MYSQL_TYPE_TIME2 -> "MYSQL_TYPE_TIME2";
            case MYSQL_TYPE_JSON -> "MYSQL_TYPE_JSON";
            case MYSQL_TYPE_NEWDECIMAL -> "MYSQL_TYPE_NEWDECIMAL";
            case MYSQL_TYPE_ENUM -> "MYSQL_TYPE_ENUM";
            case MYSQL_TYPE_SET -> "MYSQL_TYPE_SET";
            case MYSQL_TYPE_TINY_BLOB -> "MYSQL_TYPE_TINY_BLOB";
            case MYSQL_TYPE_MEDIUM_BLOB -> "MYSQL_TYPE_MEDIUM_BLOB";
            case MYSQL_TYPE_LONG_BLOB -> "MYSQL_TYPE_LONG_BLOB";
            case MYSQL_TYPE_BLOB -> "MYSQL_TYPE_BLOB";
            case MYSQL_TYPE_VAR_STRING -> "MYSQL_TYPE_VAR_STRING";
            case MYSQL_TYPE_STRING -> "MYSQL_TYPE_STRING";
            case MYSQL_TYPE_GEOMETRY -> "MYSQL_TYPE_GEOMETRY";
            default -> "0x" + Integer.toHexString(type);
        };
    }
}
