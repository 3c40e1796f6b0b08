package io.porpoise.command.statements;

import io.porpoise.command.sql.Tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ShowFilterTest {
    private static final List<String> COLUMNS = List.of("Collation", "Charset", "Id", "Default");
    private static final Object[] LATIN1_BIN = {"latin1_bin", "latin1", 47L, ""};
    private static final Object[] LATIN1_SWEDISH = {"latin1_swedish_ci", "latin1", 8L, "Yes"};

    private static Predicate<Object[]> filter(String tail) {
        Tokens t = Tokens.of("SHOW COLLATION " + tail);
        t.next();
        t.next();
        return ShowFilter.parse(t, COLUMNS, 0);
    }

    @Test
    void likeMatchesTheFirstColumnWithoutCase() {
        assertTrue(filter("LIKE 'LATIN1%'").test(LATIN1_BIN));
        assertFalse(filter("LIKE 'utf8%'").test(LATIN1_BIN));
        assertTrue(filter("").test(LATIN1_BIN));
    }

    @Test
    void whereComparesTextAndNumbers() {
        assertTrue(filter("WHERE Charset = 'LATIN1' AND `Default` = 'Yes'").test(LATIN1_SWEDISH));
        assertFalse(filter("WHERE Charset = 'latin1' AND `Default` = 'Yes'").test(LATIN1_BIN));
        assertTrue(filter("WHERE Id > 40 OR Id = 8").test(LATIN1_SWEDISH));
        assertTrue(filter("WHERE Id >= 47 AND Id <= 47 AND Id <> 48 AND Id != 9").test(LATIN1_BIN));
        assertTrue(filter("WHERE Id IN (1, 47) AND NOT (Collation LIKE '%ci')").test(LATIN1_BIN));
        assertTrue(filter("WHERE Collation NOT LIKE '%bin';").test(LATIN1_SWEDISH));
    }

    @Test
    void unknownColumnsAndSyntaxAreNotClaimed() {
        assertNull(filter("WHERE Nope = 1"));
        assertNull(filter("WHERE Id = "));
        assertNull(filter("LIKE 'a' extra"));
        assertEquals(null, filter("WHERE Id BETWEEN 1 AND 2"));
    }
}
