/** The COM_STMT_FETCH command handler. */
module io.porpoise.command.stmtfetch {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.stmtfetch.ComStmtFetchHandler;
}
