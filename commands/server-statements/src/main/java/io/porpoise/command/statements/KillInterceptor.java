package io.porpoise.command.statements;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import org.osgi.service.component.annotations.Component;

/**
 * {@code KILL [CONNECTION | QUERY] id}: drivers implement query timeouts with
 * {@code KILL QUERY} from a second connection; the victim's statement fails with
 * ER_QUERY_INTERRUPTED. An unknown id is ER_NO_SUCH_THREAD.
 */
@Component(service = QueryInterceptor.class)
public final class KillInterceptor extends StatementInterceptor {

    public KillInterceptor() {
        super("kill", 100);
    }

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (!t.acceptWord("KILL")) {
            return false;
        }
        boolean queryOnly = t.acceptWord("QUERY");
        if (!queryOnly) {
            t.acceptWord("CONNECTION");
        }
        Token id = t.next();
        if (id.kind() != Token.Kind.NUMBER || !id.text().matches("\\d+") || !t.atEnd()) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        long target = Long.parseLong(id.text());
        if (!context.session().processList().kill(target, queryOnly)) {
            throw VariableRef.error("ER_NO_SUCH_THREAD", target);
        }
        if (!queryOnly && target == context.session().connectionId()) {
            context.closeConnection();
        }
        context.ok();
        return true;
    }
}
