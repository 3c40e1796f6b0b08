package io.porpoise.command.statements;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import io.porpoise.command.SystemVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SET} in its server-level forms: system variables ({@code SET [GLOBAL|SESSION] x = v},
 * {@code SET @@global.x = v}, several at once), user variables ({@code SET @v = ...}),
 * {@code SET NAMES}, {@code SET CHARACTER SET} and {@code SET TRANSACTION}. All assignments are
 * evaluated and checked before any is applied, as MySQL does. {@code SET autocommit} also
 * switches the backend. {@code SET PASSWORD} and forms it does not understand go on to the
 * next interceptor or the backend.
 */
@Component(service = QueryInterceptor.class)
public final class SetInterceptor extends StatementInterceptor {

    public SetInterceptor() {
        super("set", 100);
    }

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (!t.acceptWord("SET") || t.peek().isWord("PASSWORD") || t.peek().isWord("ROLE")
                || t.peek().isWord("DEFAULT") && t.peek(1).isWord("ROLE") || t.peek().isWord("RESOURCE")) {
            return false;
        }
        SessionContext s = session;
        List<Assignment> assignments = new ArrayList<>();
        if (t.acceptWord("NAMES")) {
            if (!Charsets.names(t, assignments) || !t.atEnd()) {
                return false;
            }
        } else if (t.peek().isWord("CHARACTER") && t.peek(1).isWord("SET") || t.peek().isWord("CHARSET")) {
            if (!t.acceptWord("CHARSET")) {
                t.next();
                t.next();
            }
            if (!Charsets.characterSet(t, s, assignments) || !t.atEnd()) {
                return false;
            }
        } else if (!parseAssignments(t, s, assignments)) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        if (assignments.stream().anyMatch(Assignment::hasPlaceholder)) {
            return false;
        }
        for (Assignment a : assignments) {
            a.check(s);
        }
        for (Assignment a : assignments) {
            a.apply(s);
        }
        context.ok();
        return true;
    }

    private static boolean parseAssignments(Tokens t, SessionContext s, List<Assignment> out) throws BackendException {
        VariableRef.Scope statementScope = scope(t, VariableRef.Scope.DEFAULT);
        do {
            VariableRef.Scope scope = scope(t, statementScope);
            if (t.acceptWord("NAMES")) {
                // MySQL allows SET NAMES among other assignments (MariaDB Connector/J sends it so).
                if (!Charsets.names(t, out)) {
                    return false;
                }
                continue;
            }
            if (t.acceptWord("TRANSACTION")) {
                if (!Transactions.parse(t, scope, out)) {
                    return false;
                }
                continue;
            }
            Token target = t.next();
            if (!t.acceptSymbol("=") && !t.acceptSymbol(":=")) {
                return false;
            }
            if (target.kind() == Token.Kind.USER_VARIABLE) {
                Object value = Expressions.evaluate(t, s);
                if (value == Expressions.UNSUPPORTED) {
                    return false;
                }
                out.add(Assignment.user(target.text(), value));
                continue;
            }
            VariableRef ref;
            if (target.kind() == Token.Kind.SYSTEM_VARIABLE) {
                ref = VariableRef.parse(target.text(), scope);
            } else if (target.isName()) {
                ref = VariableRef.parse(target.text(), scope);
            } else {
                return false;
            }
            Object value;
            if (t.peek().isWord("DEFAULT")) {
                t.next();
                SystemVariable def = s.globalVariables().require(ref.name());
                value = ref.scope() == VariableRef.Scope.GLOBAL ? def.defaultValue() : s.globalVariables().global(ref.name());
                value = def.showValue(value);
            } else if (t.peek().kind() == Token.Kind.WORD && !t.peek(1).isSymbol("(")
                    && !t.peek().isWord("NULL") && !t.peek().isWord("TRUE") && !t.peek().isWord("FALSE")) {
                value = t.next().text();
            } else {
                value = Expressions.evaluate(t, s);
                if (value == Expressions.UNSUPPORTED) {
                    return false;
                }
            }
            out.add(Assignment.system(ref, value));
        } while (t.acceptSymbol(","));
        return t.atEnd();
    }

    private static VariableRef.Scope scope(Tokens t, VariableRef.Scope otherwise) {
        if (t.acceptWord("GLOBAL") || t.acceptWord("PERSIST") || t.acceptWord("PERSIST_ONLY")) {
            return VariableRef.Scope.GLOBAL;
        }
        if (t.acceptWord("SESSION") || t.acceptWord("LOCAL")) {
            return VariableRef.Scope.SESSION;
        }
        return otherwise;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
