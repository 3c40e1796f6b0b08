package io.porpoise.backend.h2;

import java.util.ArrayList;
import java.util.List;

/** A position in a list of significant tokens, with the small helpers the statement parsers share. */
final class TokenCursor {
    private final List<Token> tokens;
    private int pos;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    boolean atEnd() {
        return pos >= tokens.size() || (pos == tokens.size() - 1 && tokens.get(pos).isSymbol(";"));
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : Token.of(Token.Kind.SYMBOL, "");
    }

    Token next() {
        Token t = peek();
        pos++;
        return t;
    }

    /** Consumes the words if they come next (case-insensitive). */
    boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).is(words[i])) {
                return false;
            }
        }
        pos += words.length;
        return true;
    }

    boolean acceptSymbol(String s) {
        if (peek().isSymbol(s)) {
            pos++;
            return true;
        }
        return false;
    }

    /** An identifier's name (unquoted), or null when none comes next. */
    String identifier() {
        Token t = peek();
        if (t.isIdentifier()) {
            pos++;
            return t.value();
        }
        return null;
    }

    /** {@code name} or {@code schema.name}: {schema-or-null, name}, or null when no identifier comes next. */
    String[] qualifiedName() {
        String first = identifier();
        if (first == null) {
            return null;
        }
        if (peek().isSymbol(".") && peek(1).isIdentifier()) {
            pos++;
            return new String[] {first, identifier()};
        }
        return new String[] {null, first};
    }

    /** The tokens of a parenthesized group (cursor on '('), without the outer parentheses. */
    List<Token> group() {
        List<Token> out = new ArrayList<>();
        if (!acceptSymbol("(")) {
            return out;
        }
        int depth = 1;
        while (pos < tokens.size()) {
            Token t = next();
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                break;
            }
            out.add(t);
        }
        return out;
    }

    /** The remaining tokens, not consumed. */
    List<Token> remaining() {
        return new ArrayList<>(tokens.subList(Math.min(pos, tokens.size()), tokens.size()));
    }

    /** The remaining tokens (without a trailing ';'). */
    List<Token> rest() {
        List<Token> out = new ArrayList<>();
        while (!atEnd()) {
            out.add(next());
        }
        pos = tokens.size();
        return out;
    }

    /** Splits tokens at top-level commas. */
    static List<List<Token>> splitCommas(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (t.isSymbol(",") && depth == 0) {
                parts.add(cur);
                cur = new ArrayList<>();
                continue;
            }
            cur.add(t);
        }
        if (!cur.isEmpty()) {
            parts.add(cur);
        }
        return parts;
    }

    /** Significant tokens back as H2 SQL, separated by single spaces (none around '.'). */
    static String toH2(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        Token prev = null;
        for (Token t : tokens) {
            if (prev != null && !t.isSymbol(".") && !prev.isSymbol(".")) {
                sb.append(' ');
            }
            sb.append(t.toH2());
            prev = t;
        }
        return sb.toString();
    }
}
