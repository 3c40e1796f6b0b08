package io.porpoise.backend.h2;

import io.porpoise.backend.h2.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits MySQL SQL into tokens. Comments are dropped (replaced by a space, and a run of
 * whitespace and comments becomes one SPACE token carrying the first piece); the content of
 * MySQL's executable comments ({@code /*!40101 ... *}{@code /}) is lexed as ordinary SQL, as
 * MySQL runs it (mysqldump output is full of them); optimizer hints are dropped. Strings follow
 * MySQL's default rules: backslash escapes, doubled quotes, and double quotes delimit strings
 * (not identifiers: ANSI_QUOTES is off in MySQL by default).
 */
final class SqlLexer {
    /** Executable comments newer than this server version are treated as plain comments. */
    private static final int MAX_EXECUTABLE_VERSION = 89999;

    private SqlLexer() {
    }

    static List<Token> lex(String sql) {
        List<Token> raw = new ArrayList<>();
        lex(sql, raw);
        // Comments become spaces; runs of them collapse into one.
        List<Token> out = new ArrayList<>(raw.size());
        for (Token t : raw) {
            if (!(t.isSpace() && !out.isEmpty() && out.get(out.size() - 1).isSpace())) {
                out.add(t);
            }
        }
        return out;
    }

    private static void lex(String s, List<Token> out) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                // The whitespace itself, not one space: select items are named by their text as written.
                out.add(Token.of(Kind.SPACE, s.substring(start, i)));
            } else if (c == '#' || (c == '-' && s.startsWith("-- ", i)) || (c == '-' && s.startsWith("--", i) && (i + 2 == n || s.charAt(i + 2) == '\n' || s.charAt(i + 2) == '\t'))) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                out.add(Token.of(Kind.SPACE, " "));
            } else if (c == '/' && s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end;
                if (s.startsWith("/*!", i)) {
                    int j = i + 3;
                    while (j < end && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                    int version = j > i + 3 ? Integer.parseInt(s.substring(i + 3, Math.min(j, i + 9))) : 0;
                    if (version <= MAX_EXECUTABLE_VERSION) {
                        out.add(Token.of(Kind.SPACE, " "));
                        lex(s.substring(j, end), out);
                    }
                }
                out.add(Token.of(Kind.SPACE, " "));
                i = Math.min(n, end + 2);
            } else if (c == '\'' || c == '"') {
                i = string(s, i, c, out);
            } else if (c == '`') {
                StringBuilder v = new StringBuilder();
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '`') {
                        if (i + 1 < n && s.charAt(i + 1) == '`') {
                            v.append('`');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    v.append(d);
                    i++;
                }
                out.add(new Token(Kind.QUOTED_IDENT, s.substring(start, i), v.toString()));
            } else if ((c == 'x' || c == 'X') && i + 1 < n && s.charAt(i + 1) == '\'') {
                int end = s.indexOf('\'', i + 2);
                end = end < 0 ? n - 1 : end;
                String hex = s.substring(i + 2, end);
                i = end + 1;
                out.add(new Token(Kind.HEX, "X'" + hex + "'", hex));
            } else if (c == '0' && i + 2 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X') && isHex(s.charAt(i + 2))) {
                i += 2;
                while (i < n && isHex(s.charAt(i))) {
                    i++;
                }
                String hex = s.substring(start + 2, i);
                // MySQL's 0x literal is a binary string; H2 reads X'..' as one.
                out.add(new Token(Kind.HEX, "X'" + (hex.length() % 2 == 1 ? "0" + hex : hex) + "'", hex));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || ((s.charAt(i) == '+' || s.charAt(i) == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')))) {
                    i++;
                }
                out.add(Token.of(Kind.NUMBER, s.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_' || c == '$' || c > 127) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$' || s.charAt(i) > 127)) {
                    i++;
                }
                String word = s.substring(start, i);
                int quote = i;
                while (quote < n && Character.isWhitespace(s.charAt(quote))) {
                    quote++;
                }
                if (word.startsWith("_") && quote < n && (s.charAt(quote) == '\'' || s.charAt(quote) == '"')
                        && io.porpoise.charset.Collations.defaultFor(word.substring(1)).isPresent()) {
                    // A charset introducer, any of MySQL's character sets (_utf8mb4'..', _binary '..',
                    // MySQL allows the space): the literal alone means the same here.
                    i = quote;
                    continue;
                }
                out.add(Token.of(Kind.WORD, word));
            } else if (c == '?') {
                i++;
                out.add(Token.of(Kind.PARAM, "?"));
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=") || two.equals("||")
                        || two.equals(":=") || two.equals("->") || two.equals("<<") || two.equals(">>") || two.equals("&&")) {
                    if (two.equals("<=") && i + 2 < n && s.charAt(i + 2) == '>') {
                        i += 3;
                        out.add(Token.of(Kind.SYMBOL, "<=>"));
                        continue;
                    }
                    i += 2;
                    out.add(Token.of(Kind.SYMBOL, two));
                } else {
                    i++;
                    out.add(Token.of(Kind.SYMBOL, String.valueOf(c)));
                }
            }
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static int string(String s, int i, char quote, List<Token> out) {
        int start = i;
        int n = s.length();
        StringBuilder v = new StringBuilder();
        i++;
        while (i < n) {
            char d = s.charAt(i);
            if (d == '\\' && i + 1 < n) {
                char e = s.charAt(i + 1);
                switch (e) {
                    case '0': v.append('\0'); break;
                    case 'b': v.append('\b'); break;
                    case 'n': v.append('\n'); break;
                    case 'r': v.append('\r'); break;
                    case 't': v.append('\t'); break;
                    case 'Z': v.append('\u001a'); break;
                    // MySQL keeps the backslash of \% and \_ so LIKE patterns still see the escape.
                    case '%': v.append("\\%"); break;
                    case '_': v.append("\\_"); break;
                    default: v.append(e);
                }
                i += 2;
            } else if (d == quote) {
                if (i + 1 < n && s.charAt(i + 1) == quote) {
                    v.append(quote);
                    i += 2;
                } else {
                    i++;
                    break;
                }
            } else {
                v.append(d);
                i++;
            }
        }
        out.add(new Token(Kind.STRING, s.substring(start, i), v.toString()));
        return i;
    }

    /** The tokens back as H2 SQL. */
    static String toH2(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            sb.append(t.toH2());
        }
        return sb.toString().trim();
    }

    /** The tokens without whitespace. */
    static List<Token> significant(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            if (!t.isSpace()) {
                out.add(t);
            }
        }
        return out;
    }
}
