package io.porpoise.command.accounts;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.SqlLexer;
import io.porpoise.auth.Privilege;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which privileges a statement needs, from its first keywords and the tables and databases it
 * names. A deliberately simple classification, correct for the common statements:
 * SELECT (and WITH, TABLE, EXPLAIN/DESCRIBE), INSERT/REPLACE [... SELECT], UPDATE, DELETE,
 * CREATE/DROP/ALTER of databases, tables, views and indexes, TRUNCATE, RENAME TABLE,
 * SHOW TABLES/COLUMNS/INDEX/CREATE TABLE/CREATE DATABASE, LOCK TABLES. Tables read are those
 * after FROM and JOIN anywhere in the statement (subqueries included, FROM inside function
 * calls such as {@code EXTRACT(x FROM y)} excluded).
 *
 * <p>Limits: privileges are checked per table, not per column; multi-table UPDATE needs UPDATE on
 * its first table only (the others need SELECT when they come after JOIN); tables named only
 * after a comma in a multi-table UPDATE or DELETE ... USING are not checked; views and stored
 * routines are not looked into; SHOW TABLES lists every table of a database the account has any
 * privilege on; INFORMATION_SCHEMA and performance_schema are readable by every account (MySQL
 * filters their rows; here they are the backend's). Statements not listed need no privilege.
 *
 * <p>One class on purpose: the statement kinds share the table-reference scanning (FROM/JOIN,
 * aliases, qualified names), and splitting it per statement kind would spread that scanner's
 * state over several classes.
 */
final class StatementAccess {
    private static final Set<String> SKIPPED_SCHEMAS = Set.of("information_schema", "performance_schema");
    private static final Set<String> NOT_ALIASES = Set.of("ON", "USING", "WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "CROSS",
            "NATURAL", "STRAIGHT_JOIN", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "SET", "WINDOW", "FOR", "LOCK", "INTO",
            "PARTITION", "AS", "USE", "IGNORE", "FORCE", "VALUES", "SELECT", "EXCEPT", "INTERSECT", "RETURNING", "FULL", "OUTER",
            "READ", "WRITE", "LOW_PRIORITY", "TO", "LIKE", "FROM");
    private static final Set<String> OPENS_SUBQUERY = Set.of("FROM", "JOIN", "IN", "EXISTS", "AS", "ON", "WHERE", "AND", "OR",
            "NOT", "SELECT", "UNION", "ALL", "ANY", "SOME", "LATERAL", "HAVING", "SET", "VALUES", "THEN", "ELSE", "WHEN", "INTO");

    private final String current;
    private final List<Token> tokens;
    private final List<Requirement> out = new ArrayList<>();
    /** Names of common table expressions (WITH x AS ...): not tables. */
    private final Set<String> cteNames = new java.util.HashSet<>();

    private StatementAccess(List<Token> tokens, String current) {
        this.tokens = tokens;
        this.current = current;
    }

    /** The requirements of {@code sql} in database {@code current} (may be null); empty when none or not lexable. */
    static List<Requirement> of(String sql, String current) {
        List<Token> tokens = SqlLexer.lex(sql);
        if (tokens == null) {
            return List.of();
        }
        StatementAccess a = new StatementAccess(tokens, current);
        a.classify(0);
        return a.out.stream().filter(r -> r.database() != null && !SKIPPED_SCHEMAS.contains(r.database().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private Token at(int i) {
        return tokens.get(Math.min(i, tokens.size() - 1));
    }

    private void classify(int i) {
        Token first = at(i);
        String w = first.kind() == Token.Kind.WORD ? first.upper() : first.isSymbol("(") ? "SELECT" : "";
        switch (w) {
            case "SELECT": case "WITH": case "TABLE": case "VALUES":
                if (w.equals("WITH")) {
                    commonTableExpressions(i + 1);
                }
                if (w.equals("TABLE")) {
                    ref(i + 1, Privilege.SELECT);
                }
                reads(i, -1);
                break;
            case "EXPLAIN": case "DESCRIBE": case "DESC":
                explain(i + 1);
                break;
            case "INSERT": case "REPLACE":
                insert(i + 1, w.equals("REPLACE"));
                break;
            case "UPDATE":
                int u = skip(i + 1, "LOW_PRIORITY", "IGNORE");
                ref(u, Privilege.UPDATE);
                reads(i, -1);
                break;
            case "DELETE":
                delete(i + 1);
                break;
            case "CREATE":
                create(i + 1);
                break;
            case "DROP":
                drop(skip(i + 1, "TEMPORARY"));
                break;
            case "ALTER":
                alter(i + 1);
                break;
            case "TRUNCATE":
                ref(skip(i + 1, "TABLE"), Privilege.DROP);
                break;
            case "RENAME":
                rename(i + 1);
                break;
            case "SHOW":
                show(skip(i + 1, "FULL", "EXTENDED"));
                break;
            case "LOCK":
                lock(i + 1);
                break;
            default:
                break;
        }
    }

    /** {@code [RECURSIVE] name [(columns)] AS (...) [, ...]}: remembers the names. */
    private void commonTableExpressions(int i) {
        int k = skip(i, "RECURSIVE");
        while (at(k).isName()) {
            cteNames.add(at(k).text().toLowerCase(Locale.ROOT));
            k++;
            if (at(k).isSymbol("(")) {
                k = closing(k) + 1;
            }
            if (!at(k).isWord("AS")) {
                return;
            }
            k = closing(k + 1) + 1;
            if (!at(k).isSymbol(",")) {
                return;
            }
            k++;
        }
    }

    /** The index of the parenthesis closing the one at {@code open}. */
    private int closing(int open) {
        int depth = 0;
        for (int k = open; k < tokens.size(); k++) {
            if (at(k).isSymbol("(")) {
                depth++;
            } else if (at(k).isSymbol(")") && --depth == 0) {
                return k;
            }
        }
        return tokens.size() - 1;
    }

    private void explain(int i) {
        Token t = at(i);
        if (t.isWord("ANALYZE") || t.isWord("FORMAT") || t.isWord("EXTENDED") || t.isWord("PARTITIONS")) {
            while (at(i).kind() != Token.Kind.END && !isStatementStart(at(i))) {
                i++;
            }
            classify(i);
        } else if (isStatementStart(t)) {
            classify(i);
        } else if (t.isName()) {
            String[] name = name(i);
            out.add(Requirement.anyOnTable("SELECT", name[0], name[1]));
        }
    }

    private static boolean isStatementStart(Token t) {
        return t.isWord("SELECT") || t.isWord("WITH") || t.isWord("INSERT") || t.isWord("REPLACE") || t.isWord("UPDATE")
                || t.isWord("DELETE") || t.isWord("TABLE") || t.isSymbol("(");
    }

    private void insert(int i, boolean replace) {
        i = skip(i, "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO");
        String[] target = name(i);
        if (target != null) {
            out.add(Requirement.table(Privilege.INSERT, target[0], target[1]));
            if (replace) {
                out.add(Requirement.table(Privilege.DELETE, target[0], target[1]));
            }
            for (int k = i; k < tokens.size() - 3; k++) {
                if (at(k).isWord("ON") && at(k + 1).isWord("DUPLICATE") && at(k + 2).isWord("KEY") && at(k + 3).isWord("UPDATE")) {
                    out.add(Requirement.table(Privilege.UPDATE, target[0], target[1]));
                }
            }
        }
        reads(i, -1);
    }

    private void delete(int i) {
        i = skip(i, "LOW_PRIORITY", "QUICK", "IGNORE");
        if (at(i).isWord("FROM")) {
            ref(i + 1, Privilege.DELETE);
            reads(i, i);
        } else {
            // DELETE t1, t2 FROM ...: the targets come first.
            while (at(i).isName()) {
                ref(i, Privilege.DELETE);
                i = after(i);
                if (!at(i).isSymbol(",")) {
                    break;
                }
                i++;
            }
            reads(i, -1);
        }
    }

    private void create(int i) {
        i = skip(i, "OR", "REPLACE", "UNIQUE", "FULLTEXT", "SPATIAL");
        while (at(i).isWord("ALGORITHM") || at(i).isWord("DEFINER") || at(i).isWord("SQL")) {
            i = at(i).isWord("SQL") ? i + 3 : skipAssignment(i);
        }
        Token kind = at(i);
        if (kind.isWord("DATABASE") || kind.isWord("SCHEMA")) {
            database(skip(i + 1, "IF", "NOT", "EXISTS"), Privilege.CREATE);
        } else if (kind.isWord("TEMPORARY")) {
            String[] name = name(skip(i + 2, "IF", "NOT", "EXISTS"));
            if (name != null) {
                out.add(Requirement.database(Privilege.CREATE_TEMPORARY_TABLES, name[0]));
            }
            reads(i, -1);
        } else if (kind.isWord("TABLE")) {
            int n = skip(i + 1, "IF", "NOT", "EXISTS");
            ref(n, Privilege.CREATE);
            int like = after(n);
            if (at(like).isWord("LIKE")) {
                ref(like + 1, Privilege.SELECT);
            }
            reads(i, -1);
        } else if (kind.isWord("INDEX")) {
            int on = i + 1;
            while (at(on).kind() != Token.Kind.END && !at(on).isWord("ON")) {
                on++;
            }
            ref(on + 1, Privilege.INDEX);
        } else if (kind.isWord("VIEW")) {
            ref(skip(i + 1, "IF", "NOT", "EXISTS"), Privilege.CREATE_VIEW);
            reads(i, -1);
        }
    }

    private void drop(int i) {
        Token kind = at(i);
        if (kind.isWord("DATABASE") || kind.isWord("SCHEMA")) {
            database(skip(i + 1, "IF", "EXISTS"), Privilege.DROP);
        } else if (kind.isWord("TABLE") || kind.isWord("TABLES") || kind.isWord("VIEW")) {
            int k = skip(i + 1, "IF", "EXISTS");
            while (at(k).isName()) {
                ref(k, Privilege.DROP);
                k = after(k);
                if (!at(k).isSymbol(",")) {
                    break;
                }
                k++;
            }
        } else if (kind.isWord("INDEX")) {
            int on = i + 1;
            while (at(on).kind() != Token.Kind.END && !at(on).isWord("ON")) {
                on++;
            }
            ref(on + 1, Privilege.INDEX);
        }
    }

    private void alter(int i) {
        i = skip(i, "ONLINE", "IGNORE");
        if (at(i).isWord("DATABASE") || at(i).isWord("SCHEMA")) {
            if (at(i + 1).isName() && !at(i + 1).isWord("CHARACTER") && !at(i + 1).isWord("DEFAULT") && !at(i + 1).isWord("COLLATE")) {
                database(i + 1, Privilege.ALTER);
            } else if (current != null) {
                out.add(Requirement.database(Privilege.ALTER, current));
            }
        } else if (at(i).isWord("TABLE")) {
            ref(i + 1, Privilege.ALTER);
        } else if (at(i).isWord("VIEW")) {
            ref(i + 1, Privilege.CREATE_VIEW);
            ref(i + 1, Privilege.DROP);
            reads(i, -1);
        }
    }

    private void rename(int i) {
        if (!at(i).isWord("TABLE") && !at(i).isWord("TABLES")) {
            return;
        }
        int k = i + 1;
        while (at(k).isName()) {
            ref(k, Privilege.ALTER);
            ref(k, Privilege.DROP);
            k = after(k);
            if (!at(k).isWord("TO")) {
                return;
            }
            ref(k + 1, Privilege.CREATE);
            ref(k + 1, Privilege.INSERT);
            k = after(k + 1);
            if (!at(k).isSymbol(",")) {
                return;
            }
            k++;
        }
    }

    private void show(int i) {
        Token t = at(i);
        if (t.isWord("TABLES") || t.isWord("TABLE") && at(i + 1).isWord("STATUS") || t.isWord("TRIGGERS")) {
            int k = t.isWord("TABLE") ? i + 2 : i + 1;
            String db = at(k).isWord("FROM") || at(k).isWord("IN") ? unquote(at(k + 1)) : current;
            if (db != null) {
                out.add(Requirement.anyOnDatabase(db));
            }
        } else if (t.isWord("COLUMNS") || t.isWord("FIELDS") || t.isWord("INDEX") || t.isWord("INDEXES") || t.isWord("KEYS")) {
            if (at(i + 1).isWord("FROM") || at(i + 1).isWord("IN")) {
                String[] name = name(i + 2);
                int k = after(i + 2);
                if (name != null && (at(k).isWord("FROM") || at(k).isWord("IN"))) {
                    name[0] = unquote(at(k + 1));
                }
                if (name != null) {
                    out.add(Requirement.anyOnTable("SELECT", name[0], name[1]));
                }
            }
        } else if (t.isWord("CREATE")) {
            Token kind = at(i + 1);
            if (kind.isWord("TABLE") || kind.isWord("VIEW")) {
                String[] name = name(i + 2);
                if (name != null) {
                    out.add(Requirement.anyOnTable("SHOW", name[0], name[1]));
                }
            } else if (kind.isWord("DATABASE") || kind.isWord("SCHEMA")) {
                int k = skip(i + 2, "IF", "NOT", "EXISTS");
                if (at(k).isName()) {
                    out.add(Requirement.anyOnDatabase(at(k).text()));
                }
            }
        }
    }

    private void lock(int i) {
        if (!at(i).isWord("TABLES") && !at(i).isWord("TABLE")) {
            return;
        }
        int k = i + 1;
        while (at(k).isName()) {
            String[] name = name(k);
            out.add(Requirement.database(Privilege.LOCK_TABLES, name[0]));
            out.add(Requirement.table(Privilege.SELECT, name[0], name[1]));
            k = after(k);
            while (at(k).kind() != Token.Kind.END && !at(k).isSymbol(",")) {
                k++;
            }
            if (!at(k).isSymbol(",")) {
                return;
            }
            k++;
        }
    }

    /**
     * SELECT on every table after FROM or JOIN from token {@code from} on, except the FROM at
     * {@code skipFrom} (a DELETE's target) and FROM inside function calls.
     */
    private void reads(int from, int skipFrom) {
        Deque<Boolean> functionParens = new ArrayDeque<>();
        for (int k = from; k < tokens.size(); k++) {
            Token t = at(k);
            if (t.isSymbol("(")) {
                Token before = k > 0 ? at(k - 1) : null;
                functionParens.push(before != null && before.kind() == Token.Kind.WORD && !OPENS_SUBQUERY.contains(before.upper()));
            } else if (t.isSymbol(")")) {
                functionParens.poll();
            } else if ((t.isWord("FROM") && k != skipFrom && !Boolean.TRUE.equals(functionParens.peek()))
                    || t.isWord("JOIN") || t.isWord("STRAIGHT_JOIN")) {
                int r = k + 1;
                while (at(r).isName() && !at(r).isWord("DUAL") && !at(r + 1).isSymbol("(")) {
                    ref(r, Privilege.SELECT);
                    r = after(r);
                    if (!at(r).isSymbol(",")) {
                        break;
                    }
                    r++;
                }
            }
        }
    }

    /** A table at token {@code i} needs {@code p}. */
    private void ref(int i, Privilege p) {
        if (!at(i + 1).isSymbol(".") && at(i).isName() && cteNames.contains(at(i).text().toLowerCase(Locale.ROOT))) {
            return;
        }
        String[] name = name(i);
        if (name != null) {
            out.add(Requirement.table(p, name[0], name[1]));
        }
    }

    private void database(int i, Privilege p) {
        if (at(i).isName()) {
            out.add(Requirement.database(p, at(i).text()));
        }
    }

    /** {@code db.tbl} or {@code tbl} at token {@code i} as {database, table}; null when none. */
    private String[] name(int i) {
        Token a = at(i);
        if (!a.isName()) {
            return null;
        }
        if (at(i + 1).isSymbol(".") && at(i + 2).isName()) {
            return new String[] {a.text(), at(i + 2).text()};
        }
        return current == null ? null : new String[] {current, a.text()};
    }

    /** The token after a table name and its alias. */
    private int after(int i) {
        int k = at(i + 1).isSymbol(".") ? i + 3 : i + 1;
        if (at(k).isWord("AS")) {
            return k + 2;
        }
        if (at(k).isName() && !(at(k).kind() == Token.Kind.WORD && NOT_ALIASES.contains(at(k).upper()))) {
            return k + 1;
        }
        return k;
    }

    private int skip(int i, String... words) {
        boolean again = true;
        while (again) {
            again = false;
            for (String w : words) {
                if (at(i).isWord(w)) {
                    i++;
                    again = true;
                }
            }
        }
        return i;
    }

    /** {@code NAME = value} (ALGORITHM=MERGE, DEFINER=`u`@`h`). */
    private int skipAssignment(int i) {
        int k = i + 1;
        if (at(k).isSymbol("=")) {
            k += 2;
        }
        if (at(k).kind() == Token.Kind.USER_VARIABLE) {
            k++;
        }
        return k;
    }

    private static String unquote(Token t) {
        return t.isName() ? t.text() : null;
    }
}
