/** The COM_STMT_EXECUTE command handler. */
module io.porpoise.command.stmtexecute {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.stmtexecute.ComStmtExecuteHandler;
}
