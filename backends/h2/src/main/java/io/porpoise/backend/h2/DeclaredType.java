package io.porpoise.backend.h2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column type as declared in MySQL DDL, normalized to MySQL 8's spelling (what
 * {@code SHOW COLUMNS} prints: {@code int}, {@code bigint unsigned}, {@code tinyint(1)},
 * {@code varchar(20)}, {@code decimal(10,2)}, {@code datetime(6)}), and the H2 type that stores it.
 * H2 has no unsigned types, no TEXT/BLOB size classes and no DATETIME/TIMESTAMP distinction, so
 * the spelling is kept in the backend's catalog table and drives result metadata.
 *
 * @param base lower-case MySQL type name after synonyms are resolved
 * @param args the parenthesized arguments as MySQL source text (numbers, or quoted ENUM/SET values)
 */
record DeclaredType(String base, List<String> args, boolean unsigned) {

    DeclaredType {
        args = List.copyOf(args);
    }

    /** Builds a type from its MySQL words (e.g. {@code INT}, {@code DOUBLE PRECISION}) and arguments. */
    static DeclaredType of(String words, List<String> args, boolean unsigned) {
        String w = words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<String> a = new ArrayList<>(args);
        switch (w) {
            case "integer": case "int4": w = "int"; break;
            case "int1": w = "tinyint"; break;
            case "int2": w = "smallint"; break;
            case "int3": case "middleint": w = "mediumint"; break;
            case "int8": w = "bigint"; break;
            case "bool": case "boolean": w = "tinyint"; a = List.of("1"); break;
            case "dec": case "numeric": case "fixed": w = "decimal"; break;
            case "real": case "double precision": case "float8": w = "double"; break;
            case "float4": w = "float"; break;
            case "character": case "nchar": case "national char": case "national character": w = "char"; break;
            case "character varying": case "nvarchar": case "national varchar": case "national character varying": case "char varying": w = "varchar"; break;
            case "serial": return new DeclaredType("bigint", List.of(), true);
            default: break;
        }
        switch (w) {
            case "tinyint":
                // Display widths are gone from MySQL 8's spelling except tinyint(1), the boolean idiom.
                a = a.size() == 1 && a.get(0).equals("1") && !unsigned ? a : List.of();
                break;
            case "smallint": case "mediumint": case "int": case "bigint":
                a = List.of();
                break;
            case "decimal":
                a = a.isEmpty() ? List.of("10", "0") : a.size() == 1 ? List.of(a.get(0), "0") : a;
                break;
            case "float":
                if (a.size() == 1) {
                    w = Integer.parseInt(a.get(0)) > 24 ? "double" : "float";
                    a = List.of();
                }
                break;
            case "char": case "binary":
                a = a.isEmpty() ? List.of("1") : a;
                break;
            case "datetime": case "timestamp": case "time":
                a = a.isEmpty() || a.get(0).equals("0") ? List.of() : a;
                break;
            case "year":
                a = List.of();
                break;
            default:
                break;
        }
        return new DeclaredType(w, a, unsigned);
    }

    /** Parses a stored spelling back ({@code bigint unsigned}, {@code enum('a','b')}). */
    static DeclaredType parse(String spelling) {
        String s = spelling.trim();
        boolean unsigned = s.endsWith(" unsigned");
        if (unsigned) {
            s = s.substring(0, s.length() - " unsigned".length());
        }
        int p = s.indexOf('(');
        if (p < 0) {
            return new DeclaredType(s, List.of(), unsigned);
        }
        String inner = s.substring(p + 1, s.lastIndexOf(')'));
        List<String> args = new ArrayList<>();
        for (Token t : SqlLexer.significant(SqlLexer.lex(inner))) {
            if (!t.isSymbol(",")) {
                args.add(t.kind() == Token.Kind.STRING ? Token.quoteString(t.value()) : t.text());
            }
        }
        return new DeclaredType(s.substring(0, p), args, unsigned);
    }

    /** MySQL 8's spelling, as SHOW COLUMNS and INFORMATION_SCHEMA.COLUMNS.COLUMN_TYPE print it. */
    String spelling() {
        StringBuilder sb = new StringBuilder(base);
        if (!args.isEmpty()) {
            sb.append('(').append(String.join(",", args)).append(')');
        }
        if (unsigned) {
            sb.append(" unsigned");
        }
        return sb.toString();
    }

    int arg(int i, int dflt) {
        return i < args.size() ? Integer.parseInt(args.get(i).trim()) : dflt;
    }

    /**
     * The H2 type storing it. Unsigned integers widen to the next type that holds their range
     * (BIGINT UNSIGNED becomes NUMERIC(20), or BIGINT when it is AUTO_INCREMENT because H2
     * identity columns must be integers); JSON is kept as text because H2's JSON type would turn
     * an inserted string into a JSON string value.
     */
    String h2Type(boolean autoIncrement) {
        switch (base) {
            case "tinyint": return unsigned ? "SMALLINT" : "TINYINT";
            case "smallint": return unsigned ? "INT" : "SMALLINT";
            case "mediumint": return "INT";
            case "int": return unsigned ? "BIGINT" : "INT";
            case "bigint": return unsigned && !autoIncrement ? "NUMERIC(20)" : "BIGINT";
            case "decimal": return "DECIMAL(" + arg(0, 10) + "," + arg(1, 0) + ")";
            case "float": return "REAL";
            case "double": return "DOUBLE PRECISION";
            case "char": return "CHAR(" + arg(0, 1) + ")";
            case "varchar": return "VARCHAR(" + arg(0, 255) + ")";
            case "tinytext": return "VARCHAR(255)";
            case "text": return args.isEmpty() ? "VARCHAR(65535)" : "VARCHAR(" + arg(0, 65535) + ")";
            case "mediumtext": case "longtext": case "json": return "CLOB";
            case "binary": return "BINARY(" + arg(0, 1) + ")";
            case "varbinary": return "VARBINARY(" + arg(0, 255) + ")";
            case "tinyblob": return "VARBINARY(255)";
            case "blob": return "VARBINARY(65535)";
            case "mediumblob": case "longblob": return "BLOB";
            case "date": return "DATE";
            case "time": return "TIME(" + arg(0, 0) + ")";
            case "datetime": case "timestamp": return "TIMESTAMP(" + arg(0, 0) + ")";
            case "year": return "SMALLINT";
            case "bit": return "BIGINT";
            case "enum": return "ENUM(" + h2Args() + ")";
            case "set": return "VARCHAR(" + setLength() + ")";
            default: return args.isEmpty() ? base.toUpperCase(Locale.ROOT) : base.toUpperCase(Locale.ROOT) + "(" + h2Args() + ")";
        }
    }

    private String h2Args() {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            Token t = SqlLexer.significant(SqlLexer.lex(a)).get(0);
            out.add(t.toH2());
        }
        return String.join(",", out);
    }

    private int setLength() {
        int len = 0;
        for (String a : args) {
            len += SqlLexer.significant(SqlLexer.lex(a)).get(0).value().length() + 1;
        }
        return Math.max(1, len);
    }

    boolean isTextual() {
        switch (base) {
            case "char": case "varchar": case "tinytext": case "text": case "mediumtext": case "longtext": case "enum": case "set":
                return true;
            default:
                return false;
        }
    }
}
