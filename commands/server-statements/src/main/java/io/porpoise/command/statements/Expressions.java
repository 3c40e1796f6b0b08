package io.porpoise.command.statements;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.backend.BackendException;
import io.porpoise.command.SessionContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates the small expressions server-level statements use: literals, {@code @@variables},
 * {@code @user} variables, and a few functions that need session facts (DATABASE(), USER(),
 * CONNECTION_ID(), VERSION(), LAST_INSERT_ID(), CONCAT, IFNULL). Anything else is
 * {@link #UNSUPPORTED}: the interceptor then leaves the statement to the backend.
 */
final class Expressions {
    /** Marker for an expression this evaluator does not handle. */
    static final Object UNSUPPORTED = new Object();
    /**
     * Marker for a {@code ?} placeholder: only a statement being prepared has one (its value comes
     * with the execution), so callers accept it in a dry run and treat it as unsupported otherwise.
     */
    static final Object PLACEHOLDER = new Object();

    private Expressions() {
    }

    static Object evaluate(Tokens t, SessionContext s) throws BackendException {
        Token tok = t.next();
        switch (tok.kind()) {
            case STRING:
                return tok.text();
            case NUMBER:
                return number(tok.text());
            case SYSTEM_VARIABLE:
                return VariableRef.parse(tok.text(), VariableRef.Scope.DEFAULT).read(s);
            case USER_VARIABLE:
                return s.userVariables().get(tok.text().toLowerCase(Locale.ROOT));
            case SYMBOL:
                if (tok.isSymbol("?")) {
                    return PLACEHOLDER;
                }
                if (tok.isSymbol("-") && t.peek().kind() == Token.Kind.NUMBER) {
                    Object n = number(t.next().text());
                    return n instanceof Long ? (Object) (-(Long) n) : n instanceof BigDecimal ? ((BigDecimal) n).negate() : UNSUPPORTED;
                }
                return UNSUPPORTED;
            case WORD:
                return word(tok, t, s);
            default:
                return UNSUPPORTED;
        }
    }

    private static Object word(Token tok, Tokens t, SessionContext s) throws BackendException {
        String w = tok.upper();
        if (w.equals("NULL")) {
            return null;
        }
        if (w.equals("TRUE")) {
            return 1L;
        }
        if (w.equals("FALSE")) {
            return 0L;
        }
        if (w.equals("CURRENT_USER") && !t.peek().isSymbol("(")) {
            return s.accountName();
        }
        if (!t.acceptSymbol("(")) {
            return UNSUPPORTED;
        }
        List<Object> args = new ArrayList<>();
        if (!t.acceptSymbol(")")) {
            do {
                Object a = evaluate(t, s);
                if (a == UNSUPPORTED) {
                    return UNSUPPORTED;
                }
                args.add(a);
            } while (t.acceptSymbol(","));
            if (!t.acceptSymbol(")")) {
                return UNSUPPORTED;
            }
        }
        if (args.contains(PLACEHOLDER)) {
            return PLACEHOLDER;
        }
        return function(w, args, s);
    }

    private static Object function(String name, List<Object> args, SessionContext s) {
        switch (name) {
            case "DATABASE":
            case "SCHEMA":
                return args.isEmpty() ? s.currentSchema() : UNSUPPORTED;
            case "USER":
            case "SESSION_USER":
            case "SYSTEM_USER":
                return args.isEmpty() ? s.user() + "@" + s.host() : UNSUPPORTED;
            case "CURRENT_USER":
                return args.isEmpty() ? s.accountName() : UNSUPPORTED;
            case "CONNECTION_ID":
                return args.isEmpty() ? (Object) s.connectionId() : UNSUPPORTED;
            case "VERSION":
                return args.isEmpty() ? s.serverVersion() : UNSUPPORTED;
            case "LAST_INSERT_ID":
                return args.isEmpty() ? s.variables().get("last_insert_id") : UNSUPPORTED;
            case "CONCAT": {
                StringBuilder sb = new StringBuilder();
                for (Object a : args) {
                    if (a == null) {
                        return null;
                    }
                    sb.append(a);
                }
                return sb.toString();
            }
            case "IFNULL":
                return args.size() == 2 ? (args.get(0) != null ? args.get(0) : args.get(1)) : UNSUPPORTED;
            default:
                return UNSUPPORTED;
        }
    }

    private static Object number(String text) {
        try {
            if (text.matches("\\d+")) {
                BigInteger b = new BigInteger(text);
                return b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return UNSUPPORTED;
        }
    }
}
