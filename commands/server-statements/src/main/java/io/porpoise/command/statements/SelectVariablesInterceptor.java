package io.porpoise.command.statements;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.RowWriter;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Answers {@code SELECT} statements without a table whose items are all system variables,
 * literals, user variables or session functions: the start-up chatter of connectors
 * ({@code SELECT @@session.auto_increment_increment AS auto_increment_increment, ...},
 * {@code select @@version_comment limit 1}, {@code SELECT DATABASE()}). Anything else goes on
 * to the backend. Column names are the expressions as written, or their aliases.
 */
@Component(service = QueryInterceptor.class)
public final class SelectVariablesInterceptor extends StatementInterceptor {

    public SelectVariablesInterceptor() {
        super("select-variables", 100);
    }

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (!t.acceptWord("SELECT") || !t.any(SelectVariablesInterceptor::needsServer)) {
            // Literals alone (SELECT 1, SELECT ?) are the backend's: it types them, as MySQL would.
            return false;
        }
        List<Column> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        do {
            Token first = t.peek();
            Object value = Expressions.evaluate(t, session);
            if (value == Expressions.UNSUPPORTED || value == Expressions.PLACEHOLDER && !dryRun) {
                return false;
            }
            int end = t.peek().start();
            String name = sql.substring(first.start(), end).trim();
            if (first.kind() == Token.Kind.STRING) {
                name = first.text();
            }
            if (t.acceptWord("AS") || t.peek().isName() && !isClauseWord(t.peek()) || t.peek().kind() == Token.Kind.STRING) {
                Token alias = t.next();
                if (!alias.isName() && alias.kind() != Token.Kind.STRING) {
                    return false;
                }
                name = alias.text();
            }
            columns.add(Results.columnFor(name, value));
            values.add(value);
        } while (t.acceptSymbol(","));
        long limit = Long.MAX_VALUE;
        if (t.acceptWord("FROM") && !t.acceptWord("DUAL")) {
            return false;
        }
        if (t.acceptWord("LIMIT")) {
            Token n = t.next();
            if (n.kind() != Token.Kind.NUMBER) {
                return false;
            }
            limit = Long.parseLong(n.text());
            if (t.acceptSymbol(",")) {
                return false;
            }
        }
        if (!t.atEnd()) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        RowWriter rows = context.resultSink().columns(columns);
        if (limit > 0) {
            rows.row(values.toArray());
        }
        rows.finish();
        return true;
    }

    private static final java.util.Set<String> SESSION_FUNCTIONS = java.util.Set.of("DATABASE", "SCHEMA", "USER",
            "SESSION_USER", "SYSTEM_USER", "CURRENT_USER", "CONNECTION_ID", "VERSION", "LAST_INSERT_ID");

    /** A token only the server can evaluate: a variable or a function of the session. */
    private static boolean needsServer(Token t) {
        return t.kind() == Token.Kind.SYSTEM_VARIABLE || t.kind() == Token.Kind.USER_VARIABLE
                || t.kind() == Token.Kind.WORD && SESSION_FUNCTIONS.contains(t.upper());
    }

    private static boolean isClauseWord(Token t) {
        return t.isWord("FROM") || t.isWord("LIMIT") || t.isWord("WHERE") || t.isWord("INTO") || t.isWord("UNION")
                || t.isWord("ORDER") || t.isWord("GROUP") || t.isWord("HAVING") || t.isWord("FOR");
    }
}
