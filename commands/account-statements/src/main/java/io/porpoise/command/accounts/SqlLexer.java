package io.porpoise.command.accounts;

import java.util.ArrayList;
import java.util.List;

/**
 * (A copy of server-statements' lexer: plugin modules do not depend on each other.)
 *
 * A small MySQL lexer for the statements the interceptors recognise. Comments are skipped,
 * except that the contents of {@code /*! ... *&#47;} (executable comments, as mysqldump writes
 * them) are lexed as ordinary text, as MySQL does. Strings honour backslash escapes and doubled
 * quotes. Returns null for text it cannot lex (an unterminated string): the statement is then
 * left to the backend.
 */
final class SqlLexer {
    private final String sql;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    static List<Token> lex(String sql) {
        SqlLexer l = new SqlLexer(sql);
        return l.run() ? l.tokens : null;
    }

    private boolean run() {
        int n = sql.length();
        while (true) {
            skipSpaceAndComments();
            if (pos >= n) {
                tokens.add(new Token(Token.Kind.END, "", n, n));
                return true;
            }
            char c = sql.charAt(pos);
            int start = pos;
            if (c == '\'' || c == '"') {
                String s = quoted(c);
                if (s == null) {
                    return false;
                }
                tokens.add(new Token(Token.Kind.STRING, s, start, pos));
            } else if (c == '`') {
                String s = quoted('`');
                if (s == null) {
                    return false;
                }
                tokens.add(new Token(Token.Kind.QUOTED_NAME, s, start, pos));
            } else if (c == '@' && pos + 1 < n && sql.charAt(pos + 1) == '@') {
                pos += 2;
                tokens.add(new Token(Token.Kind.SYSTEM_VARIABLE, dottedWord(), start, pos));
            } else if (c == '@') {
                pos++;
                String name;
                if (pos < n && (sql.charAt(pos) == '\'' || sql.charAt(pos) == '"' || sql.charAt(pos) == '`')) {
                    name = quoted(sql.charAt(pos));
                    if (name == null) {
                        return false;
                    }
                } else {
                    name = word();
                }
                tokens.add(new Token(Token.Kind.USER_VARIABLE, name, start, pos));
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(sql.charAt(pos + 1)))) {
                while (pos < n && (Character.isLetterOrDigit(sql.charAt(pos)) || sql.charAt(pos) == '.'
                        || ((sql.charAt(pos) == '-' || sql.charAt(pos) == '+') && (sql.charAt(pos - 1) == 'e' || sql.charAt(pos - 1) == 'E')))) {
                    pos++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, sql.substring(start, pos), start, pos));
            } else if (isWordChar(c)) {
                tokens.add(new Token(Token.Kind.WORD, word(), start, pos));
            } else if (c == ':' && pos + 1 < n && sql.charAt(pos + 1) == '=') {
                pos += 2;
                tokens.add(new Token(Token.Kind.SYMBOL, ":=", start, pos));
            } else {
                pos++;
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, pos));
            }
        }
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
