package io.porpoise.server.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnType;
import io.porpoise.charset.Collation;
import io.porpoise.charset.Collations;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How character_set_results shapes column definitions and value charsets (MySQL's send_field_metadata). */
class ResultsCharsetTest {
    private static final Column TEXT = Column.builder("s", ColumnType.VAR_STRING).length(10).build();
    private static final Column BLOB = Column.builder("b", ColumnType.VAR_STRING).length(10).binary().build();

    @Test
    void binaryResultsLabelTextColumnsBinaryAndConvertNothing() {
        Collation binary = Collations.byId(63).orElseThrow();
        assertEquals(63, ResultSetWriter.definition(TEXT, binary).characterSet());
        assertEquals(10, ResultSetWriter.definition(TEXT, binary).columnLength(), "characters times binary's Maxlen 1");
        assertArrayEquals(new Charset[] {StandardCharsets.UTF_8, null}, ResultSetWriter.valueCharsets(List.of(TEXT, BLOB), binary),
                "values as stored (utf8mb4 here), bytes for binary columns");
        assertEquals(StandardCharsets.UTF_8, ResultSetWriter.metadataCharset(binary), "names unconverted from utf8");
    }

    @Test
    void textResultsRelabelAndConvertNullKeepsTheColumns() {
        Collation latin1 = Collations.defaultFor("latin1").orElseThrow();
        assertEquals(8, ResultSetWriter.definition(TEXT, latin1).characterSet());
        assertEquals(latin1.charset(), ResultSetWriter.valueCharsets(List.of(TEXT), latin1)[0]);
        assertEquals(latin1.charset(), ResultSetWriter.metadataCharset(latin1));
        Collation geostd8 = Collations.defaultFor("geostd8").orElseThrow();
        assertEquals(92, ResultSetWriter.definition(TEXT, geostd8).characterSet());
        assertEquals(255, ResultSetWriter.definition(TEXT, null).characterSet());
        assertEquals(40, ResultSetWriter.definition(TEXT, null).columnLength(), "utf8mb4: 4 bytes a character");
        assertEquals(StandardCharsets.UTF_8, ResultSetWriter.metadataCharset(null));
    }
}
