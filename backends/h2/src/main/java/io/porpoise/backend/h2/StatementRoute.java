package io.porpoise.backend.h2;

import java.util.List;

/**
 * Where a statement goes. {@code query()} and {@code prepare()} both route with this, so a
 * prepared statement runs exactly as the same text sent as COM_QUERY does.
 */
enum StatementRoute {
    /** Rewritten to H2 SQL and run by H2 (SELECT, INSERT, UPDATE, DELETE, ...): can be a JDBC PreparedStatement. */
    H2,
    /** Handled by the session itself: transactions, USE, SET, LOCK, SHOW and DESCRIBE, and DDL (DdlExecutor). */
    SESSION,
    /** Statements MySQL refuses in the prepared statement protocol (ER_UNSUPPORTED_PS); COM_QUERY hands them to H2. */
    NOT_PREPARABLE;

    /** The route of a statement given its significant tokens (not empty, no trailing ';'). */
    static StatementRoute of(List<Token> sig) {
        Token first = sig.get(0);
        Token second = sig.size() > 1 ? sig.get(1) : Token.of(Token.Kind.SYMBOL, "");
        switch (first.kind() == Token.Kind.WORD ? first.upper() : "") {
            case "BEGIN": case "COMMIT": case "USE": case "SET": case "LOCK": case "UNLOCK": case "SHOW": case "DESCRIBE": case "DESC":
            case "CREATE": case "ALTER": case "RENAME": case "TRUNCATE":
                return SESSION;
            case "START":
                return second.is("TRANSACTION") ? SESSION : H2;
            case "ROLLBACK":
                // ROLLBACK TO SAVEPOINT is H2's own.
                return second.is("TO") ? H2 : SESSION;
            case "EXPLAIN":
                return explainsTable(sig) ? SESSION : H2;
            case "DROP":
                return second.is("PREPARE") ? NOT_PREPARABLE : SESSION;
            case "PREPARE": case "EXECUTE": case "DEALLOCATE":
                return NOT_PREPARABLE;
            default:
                return H2;
        }
    }

    /** EXPLAIN t (a DESCRIBE), as opposed to EXPLAIN SELECT ... (a plan, which H2 answers). */
    private static boolean explainsTable(List<Token> sig) {
        if (sig.size() < 2 || !sig.get(1).isIdentifier()) {
            return false;
        }
        Token t = sig.get(1);
        return !t.is("SELECT") && !t.is("FORMAT") && !t.is("ANALYZE") && !t.is("INSERT") && !t.is("UPDATE") && !t.is("DELETE") && !t.is("WITH");
    }

    /** The significant tokens of a statement without trailing semicolons. */
    static List<Token> significant(List<Token> tokens) {
        List<Token> sig = SqlLexer.significant(tokens);
        int end = sig.size();
        while (end > 0 && sig.get(end - 1).isSymbol(";")) {
            end--;
        }
        return sig.subList(0, end);
    }

    /**
     * SELECT, INSERT, REPLACE, UPDATE, DELETE (also after WITH or in parentheses): MySQL reports
     * missing tables in them differently from DDL.
     */
    static boolean isData(List<Token> sig) {
        Token first = sig.get(0);
        return first.isSymbol("(") || first.is("SELECT") || first.is("WITH") || first.is("INSERT") || first.is("REPLACE") || first.is("UPDATE")
                || first.is("DELETE") || first.is("TABLE");
    }

    /** INSERT and REPLACE report the AUTO_INCREMENT value they generated. */
    static boolean isInsert(List<Token> sig) {
        return sig.get(0).is("INSERT") || sig.get(0).is("REPLACE");
    }
}
