package io.porpoise.command.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A small MySQL lexer for the statements the interceptors recognise. Comments are skipped,
 * except that the contents of {@code /*! ... *&#47;} (executable comments, as mysqldump writes
 * them) are lexed as ordinary text, as MySQL does. Strings honour backslash escapes and doubled
 * quotes. Text it cannot lex (an unterminated string) gives an ERROR token, which no interceptor
 * accepts, so the statement is left to the backend. Shared by every interceptor module; {@link
 * Tokens} lexes lazily, so an interceptor that only looks at the first words of a 20 MB statement
 * does not pay for the rest.
 */
public final class SqlLexer {
    private final String sql;
    private int pos;
    private boolean failed;

    SqlLexer(String sql) {
        this.sql = sql;
    }

    /**
     * Every token of {@code sql} up to and including END, or null for text it cannot lex (an
     * unterminated string).
     */
    public static List<Token> lex(String sql) {
        SqlLexer l = new SqlLexer(sql);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = l.next();
            if (t.kind() == Token.Kind.ERROR) {
                return null;
            }
            tokens.add(t);
        } while (t.kind() != Token.Kind.END);
        return tokens;
    }

    /** The next token: END at the end (and after it), ERROR (and after it) for text it cannot lex. */
    Token next() {
        if (failed) {
            return new Token(Token.Kind.ERROR, "", pos, sql.length());
        }
        int n = sql.length();
        skipSpaceAndComments();
        if (pos >= n) {
            return new Token(Token.Kind.END, "", n, n);
        }
        char c = sql.charAt(pos);
        int start = pos;
        if (c == '\'' || c == '"') {
            String s = quoted(c);
            return s == null ? fail(start) : new Token(Token.Kind.STRING, s, start, pos);
        } else if (c == '`') {
            String s = quoted('`');
            return s == null ? fail(start) : new Token(Token.Kind.QUOTED_NAME, s, start, pos);
        } else if (c == '@' && pos + 1 < n && sql.charAt(pos + 1) == '@') {
            pos += 2;
            return new Token(Token.Kind.SYSTEM_VARIABLE, dottedWord(), start, pos);
        } else if (c == '@') {
            pos++;
            String name;
            if (pos < n && (sql.charAt(pos) == '\'' || sql.charAt(pos) == '"' || sql.charAt(pos) == '`')) {
                name = quoted(sql.charAt(pos));
                if (name == null) {
                    return fail(start);
                }
            } else {
                name = word();
            }
            return new Token(Token.Kind.USER_VARIABLE, name, start, pos);
        } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(sql.charAt(pos + 1)))) {
            while (pos < n && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.'
                    || ((sql.charAt(pos) == '-' || sql.charAt(pos) == '+') && (sql.charAt(pos - 1) == 'e' || sql.charAt(pos - 1) == 'E')))) {
                pos++;
            }
            return new Token(Token.Kind.NUMBER, sql.substring(start, pos), start, pos);
        } else if (isWordChar(c)) {
            return new Token(Token.Kind.WORD, word(), start, pos);
        } else if (c == ':' && pos + 1 < n && sql.charAt(pos + 1) == '=') {
            pos += 2;
            return new Token(Token.Kind.SYMBOL, ":=", start, pos);
        }
        pos++;
        return new Token(Token.Kind.SYMBOL, String.valueOf(c), start, pos);
    }

    private Token fail(int start) {
        failed = true;
        pos = start;
        return new Token(Token.Kind.ERROR, "", start, sql.length());
    }

    private void skipSpaceAndComments() {
        int n = sql.length();
        while (pos < n) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("/*!", pos)) {
                pos += 3;
                while (pos < n && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else if (sql.startsWith("*/", pos)) {
                pos += 2;
            } else if (sql.startsWith("/*", pos)) {
                int end = sql.indexOf("*/", pos + 2);
                pos = end < 0 ? n : end + 2;
            } else if (c == '#' || (sql.startsWith("--", pos) && (pos + 2 >= n || Character.isWhitespace(sql.charAt(pos + 2))))) {
                int end = sql.indexOf('\n', pos);
                pos = end < 0 ? n : end + 1;
            } else {
                return;
            }
        }
    }

    private String quoted(char q) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < sql.length()) {
            char c = sql.charAt(pos++);
            if (c == '\\' && q != '`' && pos < sql.length()) {
                char e = sql.charAt(pos++);
                switch (e) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case 'r': sb.append('\r'); break;
                    case '0': sb.append('\0'); break;
                    case 'Z': sb.append('\u001A'); break;
                    case 'b': sb.append('\b'); break;
                    default: sb.append(e);
                }
            } else if (c == q) {
                if (pos < sql.length() && sql.charAt(pos) == q) {
                    sb.append(q);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        return null;
    }

    private String word() {
        int start = pos;
        while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
            pos++;
        }
        return sql.substring(start, pos);
    }

    /** A system variable name: {@code session.x}, {@code global.x} or {@code x}; back-quotes allowed. */
    private String dottedWord() {
        StringBuilder sb = new StringBuilder();
        while (pos < sql.length()) {
            if (sql.charAt(pos) == '`') {
                String q = quoted('`');
                sb.append(q == null ? "" : q);
            } else {
                sb.append(word());
            }
            if (pos < sql.length() && sql.charAt(pos) == '.') {
                sb.append('.');
                pos++;
            } else {
                break;
            }
        }
        return sb.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7F;
    }
}
