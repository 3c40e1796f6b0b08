package io.porpoise.backend.h2;

import io.porpoise.backend.Column;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A result's MySQL columns and how to read each value: the one mapping that query results,
 * prepared statement metadata and cursors share, so all three agree.
 *
 * @param columns the MySQL column metadata, named as MySQL names them
 * @param kinds how each column's values are read from JDBC
 */
record ResultShape(List<Column> columns, ValueKind[] kinds) {

    /**
     * The shape of a result with metadata {@code md}.
     *
     * @param names MySQL's names for the select items (nullable: H2's names stay)
     */
    static ResultShape of(ColumnMapper mapper, ResultSetMetaData md, ColumnNames names) throws SQLException {
        List<ColumnMapper.Mapped> mapped = mapper.map(md);
        List<Column> columns = new ArrayList<>(mapped.size());
        ValueKind[] kinds = new ValueKind[mapped.size()];
        for (int i = 0; i < kinds.length; i++) {
            columns.add(mapped.get(i).column());
            kinds[i] = mapped.get(i).kind();
        }
        return new ResultShape(names == null ? columns : names.apply(columns), kinds);
    }

    /** The current row of {@code rs} in the Java types RowWriter documents. */
    Object[] read(ResultSet rs) throws SQLException {
        Object[] row = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            row[i] = kinds[i].read(rs, i + 1);
        }
        return row;
    }
}
