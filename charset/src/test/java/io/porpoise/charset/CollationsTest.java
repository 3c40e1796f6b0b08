package io.porpoise.charset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CollationsTest {

    @Test
    void theTableHasMysql84sCollationsAndCharacterSets() {
        assertEquals(286, Collations.all().size());
        assertEquals(41, Collations.characterSets().size());
        Set<Integer> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Collation c : Collations.all()) {
            assertTrue(ids.add(c.id()), "duplicate id " + c.id());
            assertTrue(names.add(c.name()), "duplicate name " + c.name());
            assertTrue(c.name().equals("binary") || c.name().startsWith(c.charsetName() + "_"), c.name());
            assertTrue(c.padAttribute().equals("PAD SPACE") || c.padAttribute().equals("NO PAD"), c.padAttribute());
        }
        assertEquals(1, Collations.all().get(0).id());
        assertEquals(323, Collations.all().get(Collations.all().size() - 1).id());
    }

    @Test
    void eachCharacterSetHasOneDefaultAndConsistentFacts() {
        Map<String, Collation> first = new HashMap<>();
        Map<String, Integer> defaults = new HashMap<>();
        for (Collation c : Collations.all()) {
            Collation f = first.putIfAbsent(c.charsetName(), c);
            if (f != null) {
                assertEquals(f.maxBytesPerChar(), c.maxBytesPerChar(), c.name());
                assertEquals(f.charsetDescription(), c.charsetDescription(), c.name());
                assertEquals(f.javaCharset(), c.javaCharset(), c.name());
            }
            if (c.defaultForCharset()) {
                defaults.merge(c.charsetName(), 1, Integer::sum);
            }
        }
        assertEquals(first.keySet(), defaults.keySet());
        assertTrue(defaults.values().stream().allMatch(n -> n == 1));
    }

    @Test
    void knownRowsAsMysqlShowsThem() {
        Collation ai = Collations.byId(255).orElseThrow();
        assertEquals("utf8mb4_0900_ai_ci", ai.name());
        assertTrue(ai.defaultForCharset());
        assertEquals(0, ai.sortLength());
        assertEquals("NO PAD", ai.padAttribute());
        assertEquals(4, ai.maxBytesPerChar());
        Collation ks = Collations.byName("utf8mb4_ja_0900_as_cs_ks").orElseThrow();
        assertEquals(304, ks.id());
        assertEquals(24, ks.sortLength());
        assertEquals(1, Collations.byName("binary").orElseThrow().sortLength());
        assertEquals("NO PAD", Collations.byName("binary").orElseThrow().padAttribute());
        assertEquals(2, Collations.byName("latin1_german2_ci").orElseThrow().sortLength());
        assertEquals(8, Collations.byName("utf8mb4_unicode_ci").orElseThrow().sortLength());
        assertEquals("PAD SPACE", Collations.byName("utf8mb4_bin").orElseThrow().padAttribute());
        assertEquals(28, Collations.defaultFor("GBK").orElseThrow().id());
        assertEquals("gbk_chinese_ci", Collations.byId(28).orElseThrow().name());
        assertEquals(33, Collations.defaultFor("utf8").orElseThrow().id());
        assertEquals(83, Collations.byName("utf8_bin").orElseThrow().id());
        assertEquals(95, Collations.defaultFor("cp932").orElseThrow().id());
        assertEquals("latin1_swedish_ci", Collations.defaultFor("latin1").orElseThrow().name());
        assertEquals(List.of("armscii8", "ascii", "big5", "binary"),
                Collations.characterSets().subList(0, 4).stream().map(CharacterSet::name).collect(Collectors.toList()));
        CharacterSet latin1 = Collations.characterSets().stream().filter(c -> c.name().equals("latin1")).findFirst().orElseThrow();
        assertEquals(new CharacterSet("latin1", "cp1252 West European", "latin1_swedish_ci", 1), latin1);
    }

    @Test
    void everyCharacterSetConverts() {
        Set<String> none = Collations.characterSets().stream().map(CharacterSet::name)
                .filter(n -> Collations.defaultFor(n).orElseThrow().javaCharset().isEmpty()).collect(Collectors.toSet());
        assertEquals(Set.of(), none);
        assertEquals("x-mysql-geostd8", Collations.defaultFor("geostd8").orElseThrow().charset().name());
        assertEquals("GBK", Collations.defaultFor("gbk").orElseThrow().charset().name());
        assertEquals("windows-31j", Collations.defaultFor("cp932").orElseThrow().charset().name());
        assertEquals("Shift_JIS", Collations.defaultFor("sjis").orElseThrow().charset().name());
        assertEquals(StandardCharsets.UTF_8, Collations.defaultFor("utf8mb4").orElseThrow().charset());
    }

    @Test
    void parserCharsets() {
        assertFalse(Collations.defaultFor("ucs2").orElseThrow().isParserCharset());
        assertFalse(Collations.defaultFor("utf16le").orElseThrow().isParserCharset());
        assertFalse(Collations.defaultFor("utf32").orElseThrow().isParserCharset());
        assertTrue(Collations.defaultFor("gbk").orElseThrow().isParserCharset());
        assertTrue(Collations.defaultFor("binary").orElseThrow().isParserCharset());
    }
}
