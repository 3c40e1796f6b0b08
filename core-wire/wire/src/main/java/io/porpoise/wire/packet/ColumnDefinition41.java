package io.porpoise.wire.packet;

import io.netty.buffer.ByteBuf;
import io.porpoise.wire.MalformedPacketException;
import io.porpoise.wire.PayloadReader;
import io.porpoise.wire.PayloadWriter;
import java.nio.charset.Charset;

/**
 * A column definition. The catalog is always {@code def}; {@code characterSet} is the collation
 * id as sent (63 for binary); {@code columnLength} is in bytes of the result charset. Names are
 * encoded with the result charset, which the caller passes.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_column_definition.html">Protocol::ColumnDefinition41</a>
 */
public record ColumnDefinition41(
        String schema,
        String table,
        String orgTable,
        String name,
        String orgName,
        int characterSet,
        long columnLength,
        int type,
        int flags,
        int decimals) {

    private static final byte[] CATALOG = {'d', 'e', 'f'};
    private static final int FIXED_FIELDS_LENGTH = 0x0C;

    public void encode(ByteBuf out, Charset names) {
        PayloadWriter.writeLengthEncodedBytes(out, CATALOG);
        PayloadWriter.writeLengthEncodedBytes(out, schema.getBytes(names));
        PayloadWriter.writeLengthEncodedBytes(out, table.getBytes(names));
        PayloadWriter.writeLengthEncodedBytes(out, orgTable.getBytes(names));
        PayloadWriter.writeLengthEncodedBytes(out, name.getBytes(names));
        PayloadWriter.writeLengthEncodedBytes(out, orgName.getBytes(names));
        PayloadWriter.writeInt1(out, FIXED_FIELDS_LENGTH);
        PayloadWriter.writeInt2(out, characterSet);
        PayloadWriter.writeInt4(out, columnLength);
        PayloadWriter.writeInt1(out, type);
        PayloadWriter.writeInt2(out, flags);
        PayloadWriter.writeInt1(out, decimals);
        PayloadWriter.writeInt2(out, 0);
    }

    public static ColumnDefinition41 decode(PayloadReader in, Charset names) {
        String catalog = in.readLengthEncodedString(names);
        if (!"def".equals(catalog)) {
            throw new MalformedPacketException("catalog: " + catalog + " (expected: def)");
        }
        String schema = in.readLengthEncodedString(names);
        String table = in.readLengthEncodedString(names);
        String orgTable = in.readLengthEncodedString(names);
        String name = in.readLengthEncodedString(names);
        String orgName = in.readLengthEncodedString(names);
        long fixed = in.readLengthEncodedInt();
        if (fixed != FIXED_FIELDS_LENGTH) {
            throw new MalformedPacketException("fixed fields length: " + fixed + " (expected: 12)");
        }
        int charset = in.readInt2();
        long length = in.readInt4();
        int type = in.readInt1();
        int flags = in.readInt2();
        int decimals = in.readInt1();
        in.skip(2);
        return new ColumnDefinition41(schema, table, orgTable, name, orgName, charset, length, type, flags, decimals);
    }
}
