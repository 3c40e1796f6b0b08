package io.porpoise.backend.h2;

import static io.porpoise.backend.h2.H2PreparedTypesTest.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.BackendSession;
import io.porpoise.backend.Prepared;
import io.porpoise.backend.RowCursor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cursors over prepared statements, and statements released by closeStatement, reset and close. */
final class H2PreparedCursorTest {
    @TempDir
    Path dir;
    H2Fixture db;

    @BeforeEach
    void setUp() throws Exception {
        db = new H2Fixture(dir, "cur");
        db.ok("CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(20))");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private H2Session session() {
        return (H2Session) db.session;
    }

    @Test
    void cursorStreamsAHundredThousandRowsInOrder() throws Exception {
        db.ok("INSERT INTO big SELECT X, CONCAT('v', X) FROM SYSTEM_RANGE(1, 100000)");
        Prepared p = db.session.prepare("SELECT id, v FROM big WHERE id > ? ORDER BY id");
        RowCursor c = db.session.openCursor(p, List.of(0));
        assertEquals(p.columns(), c.columns());
        int expected = 1;
        // Read in fetch-sized batches, as COM_STMT_FETCH does.
        for (Object[] row = c.next(); row != null; row = c.next()) {
            assertEquals(expected, ((Number) row[0]).intValue());
            assertEquals("v" + expected, row[1]);
            expected++;
        }
        assertEquals(100_001, expected);
        assertNull(c.next());
        c.close();
        // The statement runs again, as a cursor and plainly.
        try (RowCursor again = db.session.openCursor(p, List.of(99_998))) {
            assertEquals(99_999, ((Number) again.next()[0]).intValue());
        }
        assertEquals(2, execute(db, p, 99_998).expectRows().size());
    }

    @Test
    void cursorClosedEarlyAndStatementClosedUnderACursor() throws Exception {
        db.ok("INSERT INTO big SELECT X, 'x' FROM SYSTEM_RANGE(1, 1000)");
        Prepared p = db.session.prepare("SELECT id FROM big ORDER BY id");
        RowCursor c = db.session.openCursor(p, List.of());
        assertEquals(1, ((Number) c.next()[0]).intValue());
        c.close();
        assertNull(c.next());
        c = db.session.openCursor(p, List.of());
        assertNotNull(c.next());
        db.session.closeStatement(p);
        assertThrows(BackendException.class, c::next);
        c.close();
        assertEquals(0, session().openStatements());
    }

    @Test
    void cursorsOverDeferredAndRowlessStatementsAreBuffered() throws Exception {
        try (RowCursor c = db.session.openCursor(db.session.prepare("SHOW TABLES"), List.of())) {
            assertEquals("Tables_in_cur", c.columns().get(0).name());
            assertEquals("big", c.next()[0]);
            assertNull(c.next());
        }
        try (RowCursor c = db.session.openCursor(db.session.prepare("INSERT INTO big VALUES (?, ?)"), List.of(1, "a"))) {
            assertEquals(List.of(), c.columns());
            assertNull(c.next());
        }
        assertEquals(1L, ((Number) db.run("SELECT COUNT(*) FROM big").expectSingleValue()).longValue());
    }

    @Test
    void tenThousandPrepareCloseCyclesLeaveNothingOpen() throws Exception {
        for (int i = 0; i < 10_000; i++) {
            Prepared p = db.session.prepare(i % 2 == 0 ? "SELECT id, v FROM big WHERE id = ?" : "SHOW TABLES");
            if (i % 1000 == 0) {
                execute(db, p, i % 2 == 0 ? new Object[] {i} : new Object[0]).expectRows();
            }
            db.session.closeStatement(p);
        }
        assertEquals(0, session().openStatements());
    }

    @Test
    void resetAndCloseReleaseEveryStatement() throws Exception {
        Prepared a = db.session.prepare("SELECT id FROM big WHERE id = ?");
        db.session.prepare("SHOW TABLES");
        db.session.prepare("INSERT INTO big VALUES (?, ?)");
        assertEquals(3, session().openStatements());
        db.session.reset();
        assertEquals(0, session().openStatements());
        assertEquals(1243, execute(db, a, 1).expectError().errorCode());

        BackendSession other = db.open("cur");
        other.prepare("SELECT id FROM big WHERE id = ?");
        other.prepare("SELECT 1");
        assertEquals(2, ((H2Session) other).openStatements());
        other.close();
        assertEquals(0, ((H2Session) other).openStatements());
    }
}
