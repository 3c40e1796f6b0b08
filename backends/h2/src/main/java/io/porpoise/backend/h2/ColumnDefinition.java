package io.porpoise.backend.h2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One MySQL column definition ({@code name type [attributes]}) as H2 SQL, for CREATE TABLE and
 * ALTER TABLE ADD/MODIFY/CHANGE: the type becomes its H2 storage type ({@link DeclaredType}),
 * UNSIGNED/ZEROFILL and the character set, collation and storage attributes H2 has no use for
 * are dropped, and SERIAL expands as MySQL defines it.
 */
final class ColumnDefinition {
    private ColumnDefinition() {
    }

    /** The definition {@code e} as H2 SQL; records its declared type under the lower-cased column name. */
    static String toH2(List<Token> e, Map<String, DeclaredType> declared) {
        TokenCursor c = new TokenCursor(e);
        String name = c.identifier();
        StringBuilder words = new StringBuilder(c.next().text());
        while (c.peek().is("PRECISION") || c.peek().is("VARYING") || (words.toString().equalsIgnoreCase("national") && c.peek().kind() == Token.Kind.WORD)
                || (words.toString().equalsIgnoreCase("long") && (c.peek().is("VARCHAR") || c.peek().is("VARBINARY")))) {
            words.append(' ').append(c.next().text());
        }
        List<String> args = new ArrayList<>();
        if (c.peek().isSymbol("(")) {
            for (Token t : c.group()) {
                if (!t.isSymbol(",")) {
                    args.add(t.kind() == Token.Kind.STRING ? Token.quoteString(t.value()) : t.text());
                }
            }
        }
        boolean unsigned = false;
        while (c.peek().is("UNSIGNED") || c.peek().is("SIGNED") || c.peek().is("ZEROFILL")) {
            unsigned |= !c.next().is("SIGNED");
        }
        String w = words.toString();
        if (w.equalsIgnoreCase("long varchar")) {
            w = "mediumtext";
        } else if (w.equalsIgnoreCase("long varbinary")) {
            w = "mediumblob";
        }
        List<Token> attrs = new ArrayList<>();
        boolean autoIncrement = w.equalsIgnoreCase("serial");
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.is("CHARACTER") && c.peek().is("SET") || t.is("CHARSET")) {
                c.accept("SET");
                c.next();
            } else if (t.is("COLLATE") || t.is("COLUMN_FORMAT") || t.is("STORAGE") || t.is("SRID")) {
                c.next();
            } else if (t.is("BINARY") || t.is("ASCII") || t.is("UNICODE")) {
                continue;
            } else {
                autoIncrement |= t.is("AUTO_INCREMENT");
                attrs.add(t);
            }
        }
        if (w.equalsIgnoreCase("serial")) {
            attrs.addAll(SqlLexer.significant(SqlLexer.lex("NOT NULL AUTO_INCREMENT UNIQUE")));
        }
        DeclaredType type = DeclaredType.of(w, args, unsigned);
        declared.put(name.toLowerCase(Locale.ROOT), type);
        return Token.quoteIdentifier(name) + " " + type.h2Type(autoIncrement) + (attrs.isEmpty() ? "" : " " + TokenCursor.toH2(attrs));
    }
}
