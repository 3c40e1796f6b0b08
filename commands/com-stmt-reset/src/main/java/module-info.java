/** The COM_STMT_RESET command handler. */
module io.porpoise.command.stmtreset {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.stmtreset.ComStmtResetHandler;
}
