package io.porpoise.backend.h2;

import io.porpoise.backend.BackendException;
import io.porpoise.backend.Prepared;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.StringLiteral;
import java.sql.SQLException;
import java.util.List;
import org.h2.api.ErrorCode;

/**
 * Statements whose strings must reach their columns as bytes, not as H2's conversion of their
 * text: the client's literals that the decoded text does not carry (see
 * {@link io.porpoise.backend.EncodedString}) and hex literals. MySQL stores bytes into a binary
 * column as they are and checks them against a text column's charset (1366 in strict mode);
 * H2 would store U+FFFD. In an INSERT, REPLACE or UPDATE such values run as parameters of a
 * prepared statement and {@link ParameterBinder} binds each by where it goes.
 */
final class StoredBytes {
    private final H2Session session;

    StoredBytes(H2Session session) {
        this.session = session;
    }

    /**
     * A statement with values whose bytes matter, as MySQL stores them: the client's
     * {@code literals} (see {@link StringLiteral}) and hex literals ({@code X'..'}, {@code 0x..},
     * {@code _binary'..'}). In an INSERT, REPLACE or UPDATE the literals, and the hex literals
     * stored into a column, run as parameters of a prepared statement, so each is bound by where
     * it goes (ParameterBinder: bytes into a binary column; text, or 1366 for bytes that are no
     * text, into a text column; compared, they never fail). Other statements run as the text is
     * (the literal's text, or a hex literal for bytes that are none).
     */
    void query(String sql, List<StringLiteral> literals, ResultSink sink) throws BackendException {
        List<Token> tokens = SqlLexer.lex(sql);
        List<Token> sig = StatementRoute.significant(tokens);
        boolean dml = !sig.isEmpty() && (sig.get(0).is("INSERT") || sig.get(0).is("REPLACE") || sig.get(0).is("UPDATE"));
        if (tokens.stream().anyMatch(t -> t.kind() == Token.Kind.PARAM)) {
            session.query(sql, (ColumnNames) null, sink);
        } else if (!dml) {
            queryComparingBytes(sql, literals, sink);
        } else {
            queryStoringBytes(sql, literals, sink);
        }
    }

    /** Whether {@code sql} may hold a hex literal (a quick test before lexing a statement a second time). */
    static boolean mayHaveHexLiteral(String sql) {
        for (int i = sql.indexOf('\''); i >= 0; i = sql.indexOf('\'', i + 1)) {
            char c = i > 0 ? sql.charAt(i - 1) : ' ';
            if (c == 'x' || c == 'X') {
                return true;
            }
        }
        return sql.contains("0x");
    }

    /** An INSERT, REPLACE or UPDATE: see {@link #query(String, List, ResultSink)}. */
    private void queryStoringBytes(String sql, List<StringLiteral> literals, ResultSink sink) throws BackendException {
        List<Token> tokens = SqlLexer.lex(literals.isEmpty() ? sql : LiteralParameters.replace(sql, literals));
        if (tokens.stream().filter(t -> t.kind() == Token.Kind.PARAM).count() != literals.size()) {
            // The positions do not match this text's literals: run it as it is rather than bind the wrong values.
            session.query(sql, (ColumnNames) null, sink);
            return;
        }
        List<Token> hexAsParams = tokens.stream().map(t -> t.kind() == Token.Kind.HEX ? Token.of(Token.Kind.PARAM, "?") : t).toList();
        AssignmentTargets.Target[] targets = AssignmentTargets.of(hexAsParams);
        StringBuilder text = new StringBuilder(sql.length());
        List<Object> values = new java.util.ArrayList<>();
        int literal = 0;
        int param = 0;
        boolean stored = !literals.isEmpty();
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.PARAM) {
                text.append('?');
                values.add(literals.get(literal++).value());
                param++;
            } else if (t.kind() == Token.Kind.HEX && targets[param++] != null) {
                text.append('?');
                values.add(java.util.HexFormat.of().parseHex(t.text(), 2, t.text().length() - 1));
                stored = true;
            } else {
                text.append(t.text());
            }
        }
        if (stored) {
            runParameterized(text.toString(), values, sink);
        } else {
            session.query(sql, (ColumnNames) null, sink);
        }
    }

    /**
     * Prepares {@code sql}, runs it with {@code values} and closes it. A TIME literal in MySQL's
     * {@code 'D HH:MM:SS'} form, which H2 cannot read, is normalized and the statement run
     * again, as H2Session#query(String, ColumnNames, ResultSink) does for plain statements.
     */
    private void runParameterized(String sql, List<Object> values, ResultSink sink) throws BackendException {
        String text = sql;
        while (true) {
            try {
                Prepared p = session.prepare(text);
                try {
                    session.execute(p, values, sink);
                    return;
                } finally {
                    session.closeStatement(p);
                }
            } catch (BackendException e) {
                String timeValue = e.errorCode() == 1292 ? MysqlTimeLiterals.rejected(e.getMessage()) : null;
                String again = timeValue == null || sink.isCompleted() ? text : MysqlTimeLiterals.rewrite(SqlLexer.lex(text), timeValue);
                if (again.equals(text)) {
                    throw e;
                }
                text = again;
            }
        }
    }

    /**
     * Runs a statement whose literals that are no text stand as hex literals: bytes, as MySQL
     * has them (a VARBINARY column matches them byte for byte, {@code SELECT} returns them). H2
     * refuses to compare such bytes with a text column ("not comparable"), where MySQL compares
     * (with a warning) and matches nothing: then the statement runs again with those literals as
     * text with replacement characters, which match nothing stored either.
     */
    private void queryComparingBytes(String sql, List<StringLiteral> literals, ResultSink sink) throws BackendException {
        try {
            session.query(sql, (ColumnNames) null, sink);
        } catch (BackendException e) {
            boolean notComparable = e.getCause() instanceof SQLException && ((SQLException) e.getCause()).getErrorCode() == ErrorCode.TYPES_ARE_NOT_COMPARABLE_2;
            if (!notComparable || sink.isCompleted() || literals.stream().allMatch(l -> l.value().isText())) {
                throw e;
            }
            session.query(LiteralParameters.asText(sql, literals), (ColumnNames) null, sink);
        }
    }
}
