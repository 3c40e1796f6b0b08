package io.porpoise.command.statements;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void likeMatching() {
        assertTrue(Results.like("character_set_client", "character\\_set\\_%"));
        assertTrue(Results.like("SQL_MODE", "sql_mode"));
        assertFalse(Results.like("sql_mode", "sql_mod"));
        assertTrue(Results.like("version", "v_rsion"));
    }
}
