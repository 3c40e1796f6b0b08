/** The COM_STMT_PREPARE command handler. */
module io.porpoise.command.stmtprepare {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.stmtprepare.ComStmtPrepareHandler;
}
