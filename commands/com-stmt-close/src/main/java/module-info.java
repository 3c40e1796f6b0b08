/** The COM_STMT_CLOSE command handler. */
module io.porpoise.command.stmtclose {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.stmtclose.ComStmtCloseHandler;
}
