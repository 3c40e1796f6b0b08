/** The COM_STMT_SEND_LONG_DATA command handler. */
module io.porpoise.command.stmtlongdata {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.stmtlongdata.ComStmtSendLongDataHandler;
}
