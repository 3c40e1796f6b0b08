package io.porpoise.command.statements;

import io.porpoise.command.sql.Token;
import io.porpoise.command.sql.Tokens;
import io.porpoise.command.sql.StatementInterceptor;
import io.porpoise.backend.BackendException;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import org.osgi.service.component.annotations.Component;

/** {@code USE db}: switches database through the backend, like COM_INIT_DB. */
@Component(service = QueryInterceptor.class)
public final class UseInterceptor extends StatementInterceptor {

    public UseInterceptor() {
        super("use", 100);
    }

    @Override
    protected boolean run(String sql, SessionContext session, CommandContext context, boolean dryRun) throws BackendException {
        Tokens t = Tokens.of(sql);
        if (!t.acceptWord("USE")) {
            return false;
        }
        Token db = t.next();
        if (!db.isName() && db.kind() != Token.Kind.STRING || !t.atEnd()) {
            return false;
        }
        if (dryRun) {
            return true;
        }
        context.session().useSchema(db.text());
        context.ok();
        return true;
    }
}
