package io.porpoise.command.accounts;

import io.porpoise.command.sql.Tokens;
import io.porpoise.auth.Privilege;
import io.porpoise.auth.Privileges;
import io.porpoise.backend.BackendException;
import io.porpoise.backend.Column;
import io.porpoise.backend.ResultSink;
import io.porpoise.backend.RowWriter;
import io.porpoise.backend.UpdateResult;
import io.porpoise.command.CommandContext;
import io.porpoise.command.QueryInterceptor;
import io.porpoise.command.SessionContext;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SHOW DATABASES} / {@code SHOW SCHEMAS} for an account without the global SHOW DATABASES
 * privilege: the backend answers and only the databases the account has some privilege on (and
 * INFORMATION_SCHEMA) pass, as in MySQL. Accounts with SHOW DATABASES (or any database privilege
 * on {@code *.*}) see the backend's answer unchanged.
 */
@Component(service = QueryInterceptor.class)
public final class ShowDatabasesInterceptor implements QueryInterceptor {

    @Override
    public String name() {
        return "show-databases-filter";
    }

    @Override
    public int ranking() {
        return 200;
    }

    @Override
    public boolean intercept(String sql, CommandContext context) throws BackendException {
        SessionContext s = context.session();
        if (!filters(sql, s)) {
            return false;
        }
        Privileges p = s.accounts().get().privileges(s.accountUser(), s.accountHost());
        s.backend().query(sql, new Filtered(context.resultSink(),
                db -> db == null || db.equalsIgnoreCase("information_schema") || p.hasAnyOn(db)));
        return true;
    }

    @Override
    public boolean accepts(String sql, SessionContext session) {
        return filters(sql, session);
    }

    private static boolean filters(String sql, SessionContext s) {
        Tokens t = Tokens.of(sql);
        if (s.accounts().isEmpty() || !t.acceptWord("SHOW") || !t.acceptWord("DATABASES") && !t.acceptWord("SCHEMAS")) {
            return false;
        }
        Privileges p = s.accounts().get().privileges(s.accountUser(), s.accountHost());
        return !p.hasGlobal(Privilege.SHOW_DATABASES) && !p.hasGlobal(Privilege.SELECT);
    }

    /** A sink passing through the rows whose first column is a visible database. */
    private static final class Filtered implements ResultSink {
        private final ResultSink delegate;
        private final Predicate<String> visible;

        Filtered(ResultSink delegate, Predicate<String> visible) {
            this.delegate = delegate;
            this.visible = visible;
        }

        @Override
        public void ok(UpdateResult result) {
            delegate.ok(result);
        }

        @Override
        public void error(BackendException error) {
            delegate.error(error);
        }

        @Override
        public RowWriter columns(List<Column> columns) {
            RowWriter rows = delegate.columns(columns);
            return new RowWriter() {
                @Override
                public void row(Object... values) {
                    Object db = values.length == 0 ? null : values[0];
                    if (visible.test(db == null ? null : db instanceof byte[] ? new String((byte[]) db, java.nio.charset.StandardCharsets.UTF_8)
                            : db.toString())) {
                        rows.row(values);
                    }
                }

                @Override
                public void finish() {
                    rows.finish();
                }

                @Override
                public void finish(int warnings) {
                    rows.finish(warnings);
                }
            };
        }

        @Override
        public boolean isCompleted() {
            return delegate.isCompleted();
        }
    }
}
