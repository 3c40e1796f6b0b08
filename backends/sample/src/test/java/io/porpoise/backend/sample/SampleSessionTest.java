package io.porpoise.backend.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSessionTest {

    /** Keeps what the session answers. */
    private static final class Rows implements ResultSink, RowWriter {
        final List<List<Object>> rows = new ArrayList<>();
        List<Column> columns;

        @Override
        public void ok(UpdateResult result) {
        }

        @Override
        public void error(BackendException error) {
        }

        @Override
        public RowWriter columns(List<Column> c) {
            columns = c;
            return this;
        }

        @Override
        public boolean isCompleted() {
            return columns != null;
        }

        @Override
        public void row(Object... values) {
            rows.add(List.of(values));
        }

        @Override
        public void finish() {
        }

        @Override
        public void finish(int warnings) {
        }
    }

    @Test
    void selectsTheTableQualifiedOrNot() throws BackendException {
        SampleSession s = new SampleSession(null);
        Rows all = new Rows();
        s.query("select * from sample.porpoises", all);
        assertEquals(4, all.rows.size());
        assertEquals(List.of("id", "species", "ocean"), all.columns.stream().map(Column::name).toList());
        Rows one = new Rows();
        s.query("SELECT * FROM `porpoises` WHERE id = 2", one);
        assertEquals(List.of(List.of(2, "Vaquita", "Gulf of California")), one.rows);
        Rows count = new Rows();
        s.query("SELECT COUNT(*) FROM porpoises", count);
        assertEquals(List.of(List.of(4L)), count.rows);
    }

    @Test
    void refusesWhatItDoesNotServe() {
        SampleSession s = new SampleSession(null);
        assertEquals(1146, assertThrows(BackendException.class, () -> s.query("SELECT * FROM whales", new Rows())).errorCode());
        assertEquals(1235, assertThrows(BackendException.class, () -> s.query("DELETE FROM porpoises", new Rows())).errorCode());
        assertEquals(1049, assertThrows(BackendException.class, () -> s.useSchema("other")).errorCode());
    }
}
