/**
 * Accounts and privileges as query interceptors: CREATE/ALTER/DROP/RENAME USER, SET PASSWORD,
 * GRANT, REVOKE, SHOW GRANTS, SHOW CREATE USER, the per-statement privilege check, SHOW
 * DATABASES filtering and INFORMATION_SCHEMA.CONNECTION_CONTROL_FAILED_LOGIN_ATTEMPTS. They work
 * on the server's {@link io.porpoise.command.AccountManager}.
 */
module io.porpoise.command.accounts {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.QueryInterceptor with
            io.porpoise.command.accounts.AccessCheckInterceptor,
            io.porpoise.command.accounts.UserStatementsInterceptor,
            io.porpoise.command.accounts.GrantInterceptor,
            io.porpoise.command.accounts.ShowAccountInterceptor,
            io.porpoise.command.accounts.ShowDatabasesInterceptor,
            io.porpoise.command.accounts.FailedLoginAttemptsInterceptor;
}
