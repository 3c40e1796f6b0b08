package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.EncodedString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;

/**
 * Binds parameter values (the Java types RowWriter documents, and EncodedString) to a JDBC PreparedStatement.
 * Values go in their own type and H2 converts them to what the statement needs, as MySQL does
 * ('42' for an INT column, a LONGLONG for a DECIMAL one); a value that does not convert fails at
 * execution with the mapped MySQL error (1366, 1292, 1264).
 */
final class ParameterBinder {
    private static final Duration DAY = Duration.ofDays(1);

    private ParameterBinder() {
    }

    /**
     * Binds {@code values} (one per client parameter) to H2 parameter {@code j + 1} from client
     * parameter {@code h2ToClient[j]}; {@code targets} (per client parameter, may be null) says
     * which are stored into a column, {@code columnOf} names the column of a target that has none.
     */
    static void bind(PreparedStatement ps, int[] h2ToClient, int[] nullTypes, List<Object> values, AssignmentTargets.Target[] targets,
            Function<AssignmentTargets.Target, String> columnOf) throws BackendException, SQLException {
        for (int j = 0; j < h2ToClient.length; j++) {
            int client = h2ToClient[j];
            Object v = values.get(client);
            AssignmentTargets.Target target = targets == null || client >= targets.length ? null : targets[client];
            if (v instanceof EncodedString) {
                setEncoded(ps, j + 1, (EncodedString) v, nullTypes[j], target, columnOf);
            } else if (v instanceof byte[] && isText(nullTypes[j]) && target != null) {
                setBinaryIntoText(ps, j + 1, (byte[]) v, target, columnOf);
            } else {
                set(ps, j + 1, v, nullTypes[j]);
            }
        }
    }

    /**
     * A string by where it goes, as MySQL converts it: the client's bytes into a binary column,
     * its text into anything else. Bytes that are no text, stored into a text column, are
     * 1366; compared with one (no target) they are text with replacement characters, which
     * matches nothing stored (MySQL warns and compares too); elsewhere H2 converts the bytes.
     */
    private static void setEncoded(PreparedStatement ps, int i, EncodedString v, int type, AssignmentTargets.Target target,
            Function<AssignmentTargets.Target, String> columnOf) throws BackendException, SQLException {
        if (isBinary(type)) {
            ps.setBytes(i, v.bytes());
        } else if (v.isText()) {
            ps.setString(i, v.text());
        } else if (isText(type) && target != null) {
            String column = target.column() != null ? target.column() : columnOf.apply(target);
            throw new BackendException(1366, "HY000", AssignmentTargets.incorrectString(v.printable(), column, target.row()));
        } else if (isText(type)) {
            ps.setString(i, v.lenientText());
        } else {
            ps.setBytes(i, v.bytes());
        }
    }

    /**
     * A binary string (a BLOB parameter, a hex literal) stored into a text column: MySQL takes
     * the bytes as the column's charset (UTF-8 here) and, in strict mode, refuses bytes that are
     * no text in it with 1366 (H2 would store U+FFFD).
     */
    private static void setBinaryIntoText(PreparedStatement ps, int i, byte[] v, AssignmentTargets.Target target,
            Function<AssignmentTargets.Target, String> columnOf) throws BackendException, SQLException {
        EncodedString utf8;
        try {
            utf8 = new EncodedString(v, StandardCharsets.UTF_8, "binary", StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(v)).toString());
        } catch (CharacterCodingException e) {
            utf8 = new EncodedString(v, StandardCharsets.UTF_8, "binary", null);
        }
        setEncoded(ps, i, utf8, Types.VARCHAR, target, columnOf);
    }

    private static boolean isBinary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    private static boolean isText(int type) {
        return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.CLOB || type == Types.NCHAR
                || type == Types.NVARCHAR || type == Types.LONGNVARCHAR || type == Types.NCLOB;
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
