/**
 * Server-level statements as query interceptors: system variables ({@code SELECT @@x},
 * {@code SET}, {@code SHOW VARIABLES}, {@code SHOW STATUS}), {@code SET NAMES}, {@code USE}, {@code SHOW WARNINGS}.
 * Each is a separate, replaceable plugin.
 */
module io.porpoise.command.statements {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.QueryInterceptor with
            io.porpoise.command.statements.SelectVariablesInterceptor,
            io.porpoise.command.statements.SetInterceptor,
            io.porpoise.command.statements.ShowVariablesInterceptor,
            io.porpoise.command.statements.ShowWarningsInterceptor,
            io.porpoise.command.statements.UseInterceptor,
            io.porpoise.command.statements.KillInterceptor,
            io.porpoise.command.statements.ShowProcesslistInterceptor,
            io.porpoise.command.statements.ShowStatusInterceptor,
            io.porpoise.command.statements.ShowCharacterSetInterceptor,
            io.porpoise.command.statements.ShowCollationInterceptor;
}
