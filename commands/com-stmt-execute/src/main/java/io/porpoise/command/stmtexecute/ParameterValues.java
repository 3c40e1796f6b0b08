package io.porpoise.command.stmtexecute;

import io.porpoise.command.ServerStatement;
import io.porpoise.wire.binary.BinaryParameters;
import io.porpoise.wire.binary.BinaryTypes;
import io.porpoise.wire.binary.BinaryValueReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/** The values an execution binds: the packet's, with long data substituted where it was sent. */
final class ParameterValues {
    private ParameterValues() {
    }

    static List<Object> of(ServerStatement s, BinaryParameters params, Charset text) {
        List<Object> values = new ArrayList<>(params.count());
        for (int i = 0; i < params.count(); i++) {
            if (params.isLongData(i)) {
                byte[] data = s.longData(i);
                values.add(isText(params.types().type(i)) ? BinaryValueReader.textOrBytes(data, text) : data);
            } else {
                values.add(params.value(i));
            }
        }
        return values;
    }

    /**
     * Long data bound with a string type is text when it decodes in the client's charset; bytes
     * that do not (a binary stream bound as a string) stay bytes.
     */
    private static boolean isText(int type) {
        return type == BinaryTypes.MYSQL_TYPE_STRING || type == BinaryTypes.MYSQL_TYPE_VAR_STRING
                || type == BinaryTypes.MYSQL_TYPE_VARCHAR || type == BinaryTypes.MYSQL_TYPE_JSON
                || type == BinaryTypes.MYSQL_TYPE_ENUM || type == BinaryTypes.MYSQL_TYPE_SET;
    }
}
