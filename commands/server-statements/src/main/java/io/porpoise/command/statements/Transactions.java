package io.porpoise.command.statements;

import io.porpoise.command.sql.Tokens;
import java.util.List;

/**
 * {@code SET [GLOBAL|SESSION] TRANSACTION ISOLATION LEVEL ... | READ ONLY | READ WRITE}, as
 * assignments of {@code transaction_isolation} and {@code transaction_read_only}. Without a
 * scope keyword MySQL applies it to the next transaction only; this server applies it to the
 * session (the backend SPI has no per-transaction characteristics).
 */
final class Transactions {
    private Transactions() {
    }

    static boolean parse(Tokens t, VariableRef.Scope scope, List<Assignment> out) {
        VariableRef.Scope s = scope == VariableRef.Scope.DEFAULT ? VariableRef.Scope.SESSION : scope;
        do {
            if (t.acceptWord("ISOLATION")) {
                if (!t.acceptWord("LEVEL")) {
                    return false;
                }
                String level;
                if (t.acceptWord("READ")) {
                    if (t.acceptWord("UNCOMMITTED")) {
                        level = "READ-UNCOMMITTED";
                    } else if (t.acceptWord("COMMITTED")) {
                        level = "READ-COMMITTED";
                    } else {
                        return false;
                    }
                } else if (t.acceptWord("REPEATABLE") && t.acceptWord("READ")) {
                    level = "REPEATABLE-READ";
                } else if (t.acceptWord("SERIALIZABLE")) {
                    level = "SERIALIZABLE";
                } else {
                    return false;
                }
                out.add(Assignment.system(new VariableRef("transaction_isolation", s), level));
            } else if (t.acceptWord("READ")) {
                boolean readOnly = t.acceptWord("ONLY");
                if (!readOnly && !t.acceptWord("WRITE")) {
                    return false;
                }
                out.add(Assignment.system(new VariableRef("transaction_read_only", s), readOnly ? "ON" : "OFF"));
            } else {
                return false;
            }
        } while (t.acceptSymbol(","));
        return true;
    }
}
