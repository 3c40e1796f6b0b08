package io.porpoise.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.porpoise.auth.Account;
import io.porpoise.auth.ClientHost;
import io.porpoise.auth.Grant;
import io.porpoise.auth.Privilege;
import io.porpoise.auth.Privileges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAccountStoreTest {
    @TempDir
    Path dir;

    @Test
    void accountsAndGrantsSurviveReopeningWithAwkwardNames() {
        FileAccountStore s = FileAccountStore.open(dir, List.of(new Account("root", "localhost", "p", "")));
        Account odd = new Account("tab\tuser\\x", "10.0.0.0/8", "p", "*ABC");
        s.save(odd);
        s.savePrivileges(odd.user(), odd.host(), new Privileges(List.of(
                new Grant("my\tdb", null, Set.of(Privilege.SELECT, Privilege.SHOW_VIEW), false),
                new Grant("d", "t\nx", Set.of(Privilege.INSERT), true))));
        FileAccountStore again = FileAccountStore.open(dir, List.of());
        assertEquals(s.all(), again.all());
        assertEquals(s.privileges(odd.user(), odd.host()).grants(), again.privileges(odd.user(), "10.0.0.0/8").grants());
        assertTrue(again.privileges("root", "LOCALHOST").hasGlobal(Privilege.CREATE_USER), "root starts with everything");
        assertEquals("tab\tuser\\x", again.find("tab\tuser\\x", ClientHost.of("10.1.2.3")).orElseThrow().user());
        assertTrue(again.remove(odd.user(), odd.host()));
        assertEquals(Privileges.NONE, FileAccountStore.open(dir, List.of()).privileges(odd.user(), odd.host()), "grants go with the account");
    }

    @Test
    void aDataDirectoryFromBeforeGrantsKeepsFullAccess() throws IOException {
        Files.writeString(dir.resolve("accounts.tsv"), "root\tlocalhost\tcaching_sha2_password\t\napp\t%\tmysql_native_password\t*ABC\n");
        FileAccountStore s = FileAccountStore.open(dir, List.of());
        assertTrue(s.privileges("app", "%").hasGlobal(Privilege.DROP));
        assertTrue(s.privileges("root", "localhost").canGrant(Grant.global(Privilege.all(Privilege.Level.GLOBAL), true)));
        assertTrue(Files.exists(dir.resolve("grants.tsv")));
        assertFalse(Files.readString(dir.resolve("accounts.tsv")).contains("\\"), "the old format is kept");
    }
}
