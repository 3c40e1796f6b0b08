package io.porpoise.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivilegesTest {

    @Test
    void levelsCombine() {
        Privileges p = new Privileges(List.of(
                new Grant("shop", null, Set.of(Privilege.SELECT), false),
                new Grant("shop", "orders", Set.of(Privilege.INSERT), false)));
        assertTrue(p.has(Privilege.SELECT, "shop", "anything"));
        assertTrue(p.has(Privilege.INSERT, "shop", "orders"));
        assertFalse(p.has(Privilege.INSERT, "shop", "other"));
        assertFalse(p.has(Privilege.INSERT, "shop"), "a table grant is not a database grant");
        assertFalse(p.has(Privilege.SELECT, "Shop", "x"), "names compare exactly");
        assertTrue(p.hasAnyOn("shop"));
        assertFalse(p.hasAnyOn("other"));
        assertTrue(new Privileges(List.of(new Grant("db", "t", Set.of(Privilege.SELECT), false))).hasAnyOn("db"),
                "a table grant gives access to its database (USE)");
        Privileges global = new Privileges(List.of(Grant.global(Set.of(Privilege.SELECT), false)));
        assertTrue(global.has(Privilege.SELECT, "any", "t"));
        assertTrue(global.hasAnyOn("any"));
        assertFalse(new Privileges(List.of(Grant.global(Set.of(Privilege.PROCESS), false))).hasAnyOn("any"),
                "a global-only privilege gives no database access");
    }

    @Test
    void grantingNeedsThePrivilegesAndTheGrantOption() {
        Privileges p = new Privileges(List.of(new Grant("shop", null, Set.of(Privilege.SELECT, Privilege.INSERT), true)));
        assertTrue(p.canGrant(new Grant("shop", null, Set.of(Privilege.SELECT), false)));
        assertTrue(p.canGrant(new Grant("shop", "t", Set.of(Privilege.INSERT), false)));
        assertFalse(p.canGrant(new Grant("shop", null, Set.of(Privilege.DELETE), false)));
        assertFalse(p.canGrant(new Grant("other", null, Set.of(Privilege.SELECT), false)));
        assertFalse(p.canGrant(Grant.global(Set.of(Privilege.SELECT), false)));
        assertFalse(new Privileges(List.of(new Grant("shop", null, Set.of(Privilege.SELECT), false)))
                .canGrant(new Grant("shop", null, Set.of(Privilege.SELECT), false)), "no grant option");
    }

    @Test
    void allMeansEveryPrivilegeOfTheLevel() {
        assertEquals(30, Privilege.all(Privilege.Level.GLOBAL).size());
        assertEquals(18, Privilege.all(Privilege.Level.DATABASE).size());
        assertEquals(12, Privilege.all(Privilege.Level.TABLE).size());
        assertFalse(Privilege.all(Privilege.Level.DATABASE).contains(Privilege.CREATE_USER));
        assertEquals(Privilege.SHOW_DATABASES, Privilege.bySql("show   databases").orElseThrow());
        assertEquals("`my``db`.`t`", new Grant("my`db", "t", Set.of(), false).objectSql());
    }
}
