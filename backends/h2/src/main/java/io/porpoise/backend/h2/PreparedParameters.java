package io.porpoise.backend.h2;

import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import java.sql.ParameterMetaData;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a statement H2 prepared, as COM_STMT_PREPARE announces them: which client
 * parameter each H2 parameter is (H2 numbers the placeholders of its own text, where HAVING may
 * repeat a select item's), and the type H2 inferred for each.
 */
final class PreparedParameters {
    /** MySQL's largest DECIMAL scale: a wider one comes from H2's guess for untyped parameters. */
    private static final int MAX_DECIMAL_SCALE = 30;

    private PreparedParameters() {
    }

    /** For each placeholder of {@code h2Tokens}, the index of the client's placeholder it is (the same token); null if one is foreign. */
    static int[] order(List<Token> tokens, List<Token> h2Tokens) {
        Map<Token, Integer> index = new IdentityHashMap<>();
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.PARAM) {
                index.put(t, index.size());
            }
        }
        int[] out = new int[(int) h2Tokens.stream().filter(t -> t.kind() == Token.Kind.PARAM).count()];
        int j = 0;
        for (Token t : h2Tokens) {
            if (t.kind() == Token.Kind.PARAM) {
                Integer i = index.get(t);
                if (i == null) {
                    return null;
                }
                out[j++] = i;
            }
        }
        return out;
    }

    /** Parameters of a statement H2 does not prepare: their type is the client's. */
    static List<Column> untyped(int count) {
        return Collections.nCopies(count, Column.of("?", ColumnType.VAR_STRING));
    }

    /** One column per client parameter, typed as H2 inferred it at its first use; fills {@code nullTypes} per H2 parameter. */
    static List<Column> of(ParameterMetaData pmd, int[] h2ToClient, int count, int[] nullTypes) throws SQLException {
        Column[] out = new Column[count];
        for (int j = 0; j < h2ToClient.length; j++) {
            int type = pmd.getParameterType(j + 1);
            long precision = pmd.getPrecision(j + 1);
            // H2 reports a parameter it cannot type as CHARACTER VARYING of precision 0.
            boolean known = type != Types.NULL && type != Types.OTHER && !(type == Types.VARCHAR && precision <= 0);
            nullTypes[j] = known ? type : Types.NULL;
            if (out[h2ToClient[j]] == null) {
                out[h2ToClient[j]] = known ? ColumnMapper.parameter(pmd.getParameterTypeName(j + 1), precision, pmd.getScale(j + 1))
                        : Column.of("?", ColumnType.VAR_STRING);
            }
        }
        for (int i = 0; i < count; i++) {
            out[i] = out[i] == null ? Column.of("?", ColumnType.VAR_STRING) : out[i];
        }
        return Arrays.asList(out);
    }

    /**
     * Whether a result column's type depends on the values of parameters H2 could not type
     * ({@code nullTypes} from {@link #of}): H2 makes {@code ? + ?} or {@code -?}
     * NUMERIC(100000, 50000), where MySQL types them by the values (BIGINT for two integers,
     * DOUBLE with a double). Such statements run deferred, with typed literals.
     */
    static boolean resultTypedByValues(ResultSetMetaData md, int[] nullTypes) throws SQLException {
        if (md == null || Arrays.stream(nullTypes).noneMatch(t -> t == Types.NULL)) {
            return false;
        }
        for (int i = 1; i <= md.getColumnCount(); i++) {
            // By name: H2 has no JDBC type code for the UNKNOWN type of a bare {@code SELECT ?}.
            String type = md.getColumnTypeName(i);
            if ((type.equals("NUMERIC") || type.equals("DECIMAL")) && md.getScale(i) > MAX_DECIMAL_SCALE) {
                return true;
            }
        }
        return false;
    }
}
