package io.porpoise.command.stmtexecute;

import io.porpoise.command.ServerStatement;
import io.porpoise.wire.binary.BinaryParameters;
import io.porpoise.wire.binary.BinaryTypes;
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
                values.add(isText(params.types().type(i)) ? textOrBytes(data, text) : data);
            } else {
                values.add(params.value(i));
            }
        }
        return values;
    }

    /**
     * Long data bound with a string type is text when it decodes in the client's charset; bytes
     * that do not (a binary stream bound as a string) stay bytes, so nothing is replaced on the way
     * into a binary column.
     */
    static Object textOrBytes(byte[] data, Charset text) {
        try {
            return text.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(data)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return data;
        }
    }

    /** Long data for a parameter bound as a string type is text in the client's charset. */
    private static boolean isText(int type) {
        return type == BinaryTypes.MYSQL_TYPE_STRING || type == BinaryTypes.MYSQL_TYPE_VAR_STRING
                || type == BinaryTypes.MYSQL_TYPE_VARCHAR || type == BinaryTypes.MYSQL_TYPE_JSON
                || type == BinaryTypes.MYSQL_TYPE_ENUM || type == BinaryTypes.MYSQL_TYPE_SET;
    }
}
