package io.porpoise.command.stmtexecute;

import io.porpoise.command.ClientStrings;
import io.porpoise.command.ServerStatement;
import io.porpoise.command.SessionContext;
import io.porpoise.wire.binary.BinaryParameters;
import io.porpoise.wire.binary.BinaryTypes;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The values an execution binds: the packet's, with long data substituted where it was sent, and
 * string-typed values as {@link ClientStrings} makes them (text, or the bytes with their charset
 * where the text would not carry them: a binary column must get the client's bytes).
 */
final class ParameterValues {
    private ParameterValues() {
    }

    static List<Object> of(ServerStatement s, BinaryParameters params, SessionContext session) {
        Charset charset = session.clientCharset();
        String name = session.variables().getString("character_set_client");
        String mysqlCharset = name == null ? "utf8mb4" : name;
        List<Object> values = new ArrayList<>(params.count());
        for (int i = 0; i < params.count(); i++) {
            Object v = params.isLongData(i) ? s.longData(i) : params.value(i);
            values.add(v instanceof byte[] && isText(params.types().type(i)) ? ClientStrings.value((byte[]) v, charset, mysqlCharset) : v);
        }
        return values;
    }

    /** The string types (a byte array bound with one of them is text in the client's charset, or bytes that are not). */
    private static boolean isText(int type) {
        return type == BinaryTypes.MYSQL_TYPE_STRING || type == BinaryTypes.MYSQL_TYPE_VAR_STRING
                || type == BinaryTypes.MYSQL_TYPE_VARCHAR || type == BinaryTypes.MYSQL_TYPE_JSON
                || type == BinaryTypes.MYSQL_TYPE_ENUM || type == BinaryTypes.MYSQL_TYPE_SET;
    }
}
