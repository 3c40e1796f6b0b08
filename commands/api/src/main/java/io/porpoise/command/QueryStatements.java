package io.porpoise.command;

import io.porpoise.backend.StringLiteral;
import java.util.List;

/**
 * A COM_QUERY text cut into its statements at the semicolons outside literals, quoted
 * identifiers, comments and compound-statement bodies ({@link QueryText#split}). MySQL runs them
 * one after another when the session has CLIENT_MULTI_STATEMENTS and refuses a second one
 * (ER_PARSE_ERROR) otherwise.
 *
 * @param text the whole text, decoded as {@link QueryText#decode} does
 * @param statements the statements in order; whitespace, comments or a {@code ;} after the last
 *     one make no statement of their own
 * @param commentOnly true when the text has no statement but a comment (MySQL answers OK to it)
 */
public record QueryStatements(String text, List<Statement> statements, boolean commentOnly) {

    public QueryStatements {
        statements = List.copyOf(statements);
    }

    /**
     * One statement.
     *
     * @param sql its text without the terminating {@code ;} and surrounding whitespace; empty for
     *     a {@code ;} with nothing before it (a syntax error in MySQL, near that {@code ;})
     * @param start where its first token is in {@link #text()} (where a parser stopping there
     *     would say "near")
     * @param literals its string literals whose text does not carry the client's bytes
     *     (positions in {@code sql}), for {@link io.porpoise.backend.BackendSession#query(String, List, io.porpoise.backend.ResultSink)}
     */
    public record Statement(String sql, int start, List<StringLiteral> literals) {
        public Statement {
            literals = List.copyOf(literals);
        }

        public Statement(String sql, int start) {
            this(sql, start, List.of());
        }

        public boolean isEmpty() {
            return sql.isEmpty();
        }
    }

    /** The text from statement {@code i}'s first token to the end: MySQL's "near '...'" of a syntax error there. */
    public String near(int i) {
        return text.substring(statements.get(i).start());
    }

    /** The 1-based line statement {@code i} starts on, as MySQL's "at line N" counts. */
    public int line(int i) {
        int line = 1;
        int end = statements.get(i).start();
        for (int k = 0; k < end; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
