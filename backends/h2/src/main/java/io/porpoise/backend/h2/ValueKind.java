package io.porpoise.backend.h2;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** How one result column is read from JDBC into the Java types RowWriter documents. */
enum ValueKind {
    INT, LONG, UNSIGNED_BIGINT, DECIMAL, FLOAT, DOUBLE, BOOLEAN, STRING, BYTES, DATE, TIME, DATETIME, DATETIME_TZ, BIT, JSON_BYTES, OTHER;

    Object read(ResultSet rs, int i) throws SQLException {
        switch (this) {
            case INT: {
                int v = rs.getInt(i);
                return rs.wasNull() ? null : v;
            }
            case LONG: {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : v;
            }
            case UNSIGNED_BIGINT: {
                BigDecimal v = rs.getBigDecimal(i);
                return v == null ? null : v.toBigIntegerExact();
            }
            case DECIMAL:
                return rs.getBigDecimal(i);
            case FLOAT: {
                float v = rs.getFloat(i);
                return rs.wasNull() ? null : v;
            }
            case DOUBLE: {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : v;
            }
            case BOOLEAN: {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : v;
            }
            case STRING:
                return rs.getString(i);
            case BYTES:
                return rs.getBytes(i);
            case DATE:
                return rs.getObject(i, LocalDate.class);
            case TIME:
                return rs.getObject(i, LocalTime.class);
            case DATETIME:
                return rs.getObject(i, LocalDateTime.class);
            case DATETIME_TZ: {
                OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                return v == null ? null : v.toLocalDateTime();
            }
            case BIT: {
                long v = rs.getLong(i);
                if (rs.wasNull()) {
                    return null;
                }
                // MySQL sends BIT(n) as big-endian bytes, ceil(n/8) long; we keep 8 and trim leading zero bytes to at least one.
                byte[] b = new byte[8];
                for (int k = 7; k >= 0; k--) {
                    b[k] = (byte) v;
                    v >>>= 8;
                }
                int skip = 0;
                while (skip < 7 && b[skip] == 0) {
                    skip++;
                }
                return java.util.Arrays.copyOfRange(b, skip, 8);
            }
            case JSON_BYTES: {
                byte[] v = rs.getBytes(i);
                return v == null ? null : new String(v, StandardCharsets.UTF_8);
            }
            default: {
                Object v = rs.getObject(i);
                return v == null ? null : v.toString();
            }
        }
    }
}
