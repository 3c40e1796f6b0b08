package io.porpoise.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.backend.EncodedString;
import io.porpoise.backend.StringLiteral;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The literals a statement carries as bytes: non-ASCII literals of a client charset other than
 * UTF-8, and literals whose bytes are no text (whatever the charset), each at its place in its
 * own statement of a batch.
 */
class QueryTextLiteralsTest {
    private static final Charset GBK = Charset.forName("GBK");

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            byte[] b = p instanceof byte[] ? (byte[]) p : ((String) p).getBytes(GBK);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    @Test
    void nonAsciiLiteralsOfAGbkClientCarryTheirBytesAtTheirPlaceInTheirStatement() throws Exception {
        QueryStatements s = QueryText.split(concat("SELECT 'a'; INSERT INTO t VALUES ('縗', 'x', \"中\")"), GBK, "gbk");
        assertEquals(List.of(), s.statements().get(0).literals());
        QueryStatements.Statement insert = s.statements().get(1);
        assertEquals("INSERT INTO t VALUES ('縗', 'x', \"中\")", insert.sql());
        List<StringLiteral> literals = insert.literals();
        assertEquals(2, literals.size());
        assertEquals("'縗'", insert.sql().substring(literals.get(0).start(), literals.get(0).end()));
        assertArrayEquals(new byte[] {(byte) 0xBF, 0x5C}, literals.get(0).value().bytes());
        assertEquals("縗", literals.get(0).value().text());
        assertEquals("gbk", literals.get(0).value().charsetName());
        assertEquals("\"中\"", insert.sql().substring(literals.get(1).start(), literals.get(1).end()));
    }

    @Test
    void utf8LiteralsNeedNoBytesUnlessTheyAreNoText() throws Exception {
        byte[] sql = concat("INSERT INTO t VALUES ('", "é".getBytes(StandardCharsets.UTF_8), "', 'a", new byte[] {(byte) 0xE9}, "\\'b')");
        QueryStatements.Statement st = QueryText.split(sql, StandardCharsets.UTF_8, "utf8mb4").statements().get(0);
        assertEquals("INSERT INTO t VALUES ('é', X'61e92762')", st.sql());
        assertEquals(1, st.literals().size());
        StringLiteral l = st.literals().get(0);
        assertEquals("X'61e92762'", st.sql().substring(l.start(), l.end()));
        EncodedString v = l.value();
        assertNull(v.text());
        assertEquals("\\xE9'b", v.printable());
    }

    @Test
    void binaryIntroducedLiteralsAreBytesNotLiteralsToConvert() throws Exception {
        QueryStatements.Statement st = QueryText.split(concat("INSERT INTO t VALUES (_binary'", new byte[] {(byte) 0xFF}, "')"),
                GBK, "gbk").statements().get(0);
        assertEquals("INSERT INTO t VALUES (X'ff')", st.sql());
        assertTrue(st.literals().isEmpty());
    }

    @Test
    void stringParametersAreTextWhenTheTextCarriesTheBytes() {
        assertEquals("abc", ClientStrings.value("abc".getBytes(GBK), GBK, "gbk"));
        assertEquals("é", ClientStrings.value("é".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, "utf8mb4"));
        EncodedString e = (EncodedString) ClientStrings.value("é".getBytes(GBK), GBK, "gbk");
        assertEquals("é", e.text());
        EncodedString bad = (EncodedString) ClientStrings.value(new byte[] {'a', (byte) 0xC3}, StandardCharsets.UTF_8, "utf8mb4");
        assertNull(bad.text());
        assertEquals("\\xC3", bad.printable());
    }
}
