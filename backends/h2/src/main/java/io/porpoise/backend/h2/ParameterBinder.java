package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Binds parameter values (the Java types RowWriter documents) to a JDBC PreparedStatement.
 * Values go in their own type and H2 converts them to what the statement needs, as MySQL does
 * ('42' for an INT column, a LONGLONG for a DECIMAL one); a value that does not convert fails at
 * execution with the mapped MySQL error (1366, 1292, 1264).
 */
final class ParameterBinder {
    private static final Duration DAY = Duration.ofDays(1);

    private ParameterBinder() {
    }

    /** Binds {@code values} (one per client parameter) to H2 parameter {@code j + 1} from client parameter {@code h2ToClient[j]}. */
    static void bind(PreparedStatement ps, int[] h2ToClient, int[] nullTypes, List<Object> values) throws BackendException, SQLException {
        for (int j = 0; j < h2ToClient.length; j++) {
            set(ps, j + 1, values.get(h2ToClient[j]), nullTypes[j]);
        }
    }

    private static void set(PreparedStatement ps, int i, Object v, int nullType) throws BackendException, SQLException {
        if (v == null) {
            ps.setNull(i, nullType);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            ps.setLong(i, ((Number) v).longValue());
        } else if (v instanceof String) {
            ps.setString(i, (String) v);
        } else if (v instanceof byte[]) {
            ps.setBytes(i, (byte[]) v);
        } else if (v instanceof BigInteger) {
            ps.setBigDecimal(i, new BigDecimal((BigInteger) v));
        } else if (v instanceof BigDecimal) {
            ps.setBigDecimal(i, (BigDecimal) v);
        } else if (v instanceof Double) {
            ps.setDouble(i, (Double) v);
        } else if (v instanceof Float) {
            ps.setFloat(i, (Float) v);
        } else if (v instanceof Boolean) {
            ps.setBoolean(i, (Boolean) v);
        } else if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime) {
            ps.setObject(i, v);
        } else if (v instanceof Duration) {
            ps.setObject(i, timeOfDay((Duration) v));
        } else {
            ps.setString(i, v.toString());
        }
    }

    /**
     * A TIME value as H2 holds it. MySQL's TIME is an interval (-838:59:59 to 838:59:59); H2's
     * is a time of day, so values outside 00:00:00..23:59:59.999999999 are refused the way MySQL
     * refuses a TIME it cannot store.
     */
    static LocalTime timeOfDay(Duration d) throws BackendException {
        if (d.isNegative() || d.compareTo(DAY) >= 0) {
            throw new BackendException(1292, "22007", "Incorrect time value: '" + format(d) + "' (the H2 backend stores TIME from 00:00:00 to 23:59:59.999999)");
        }
        return LocalTime.ofNanoOfDay(d.toNanos());
    }

    /** MySQL's spelling of a TIME value: [-]h:mm:ss[.ffffff]. */
    private static String format(Duration d) {
        Duration a = d.abs();
        StringBuilder sb = new StringBuilder(d.isNegative() ? "-" : "");
        sb.append(String.format("%02d:%02d:%02d", a.toHours(), a.toMinutesPart(), a.toSecondsPart()));
        if (a.toNanosPart() != 0) {
            sb.append(String.format(".%06d", a.toNanosPart() / 1000));
        }
        return sb.toString();
    }
}
