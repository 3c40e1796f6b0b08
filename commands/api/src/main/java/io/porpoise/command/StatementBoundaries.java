package io.porpoise.command;

import io.porpoise.backend.StringLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the statements of a query text begin and end, fed by {@link QueryText}'s scanner with the
 * tokens it sees outside literals and comments (positions are in the decoded text).
 *
 * <p>A {@code ;} ends a statement, except inside the body of CREATE PROCEDURE / FUNCTION /
 * TRIGGER / EVENT: there MySQL's grammar keeps {@code BEGIN ... END} (and {@code CASE ... END})
 * together, so they are counted. {@code END IF}, {@code END LOOP}, {@code END WHILE} and
 * {@code END REPEAT} close blocks that need no counting (their statements sit inside a counted
 * {@code BEGIN}); {@code END CASE} closes a CASE.
 */
final class StatementBoundaries {
    private static final Set<String> ROUTINES = Set.of("procedure", "function", "trigger", "event");
    private static final Set<String> NOT_ROUTINES = Set.of("table", "view", "index", "database", "schema", "user", "role",
            "tablespace", "server", "temporary", "unique", "fulltext", "spatial", "resource", "logfile");
    private static final Set<String> UNCOUNTED_ENDS = Set.of("if", "loop", "while", "repeat");
    private static final int ROUTINE_LOOKAHEAD = 8;

    private final List<int[]> pieces = new ArrayList<>();
    private int pieceStart;
    private int contentStart = -1;
    private boolean comment;
    private int words;
    private boolean create;
    private boolean routine;
    private int depth;
    private boolean pendingEnd;

    boolean hasContent() {
        return contentStart >= 0;
    }

    /** The statement's first token (anything but whitespace and plain comments) starts at {@code pos}. */
    void content(int pos) {
        if (contentStart < 0) {
            contentStart = pos;
        }
    }

    /** A plain comment (not {@code /*!} or {@code /*+}, which hold SQL) was skipped. */
    void comment() {
        comment = true;
    }

    /** Whether {@link #word} needs the next word (only a statement's first words and stored-program bodies matter). */
    boolean wantsWords() {
        return routine || pendingEnd || words == 0 || create && words < ROUTINE_LOOKAHEAD;
    }

    /** An unquoted word (lower case ASCII letters, digits, {@code _}, {@code $}). */
    void word(String w) {
        if (pendingEnd) {
            pendingEnd = false;
            if (UNCOUNTED_ENDS.contains(w)) {
                return;
            }
            depth = Math.max(0, depth - 1);
            if (w.equals("case")) {
                return;
            }
        }
        words++;
        if (words == 1) {
            create = w.equals("create");
        } else if (create && !routine && words <= ROUTINE_LOOKAHEAD) {
            if (ROUTINES.contains(w)) {
                routine = true;
                return;
            }
            if (NOT_ROUTINES.contains(w)) {
                create = false;
            }
        }
        if (!routine) {
            return;
        }
        switch (w) {
            case "begin", "case" -> depth++;
            case "end" -> pendingEnd = true;
            default -> { }
        }
    }

    /** A {@code ;} at {@code pos}; true if it ends the statement. */
    boolean semicolon(int pos) {
        if (pendingEnd) {
            pendingEnd = false;
            depth = Math.max(0, depth - 1);
        }
        if (routine && depth > 0) {
            return false;
        }
        pieces.add(new int[] {pieceStart, pos, contentStart});
        pieceStart = pos + 1;
        contentStart = -1;
        words = 0;
        create = false;
        routine = false;
        depth = 0;
        return true;
    }

    /**
     * The end of the text at {@code pos}: the statements of {@code text}, each with the
     * {@code literals} (positions in {@code text}, in order) that fall inside it.
     */
    QueryStatements finish(String text, int pos, List<StringLiteral> literals) {
        List<QueryStatements.Statement> out = new ArrayList<>();
        int[] next = {0};
        for (int[] p : pieces) {
            out.add(p[2] < 0 ? new QueryStatements.Statement("", p[1]) : statement(text, p[0], p[1], p[2], literals, next));
        }
        if (contentStart >= 0) {
            out.add(statement(text, pieceStart, pos, contentStart, literals, next));
        }
        return new QueryStatements(text, out, out.isEmpty() && comment);
    }

    /** The statement between {@code from} and {@code to}, stripped, with its literals moved to its own positions. */
    private static QueryStatements.Statement statement(String text, int from, int to, int start, List<StringLiteral> literals, int[] next) {
        String sql = text.substring(from, to).strip();
        int base = sql.isEmpty() ? from : text.indexOf(sql, from);
        List<StringLiteral> own = new ArrayList<>();
        while (next[0] < literals.size() && literals.get(next[0]).start() < to) {
            StringLiteral l = literals.get(next[0]++);
            if (l.start() >= base) {
                own.add(new StringLiteral(l.start() - base, l.end() - base, l.value()));
            }
        }
        return new QueryStatements.Statement(sql, start, own);
    }
}
