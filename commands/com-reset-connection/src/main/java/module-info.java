/** The COM_RESET_CONNECTION command handler. */
module io.porpoise.command.resetconnection {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.resetconnection.ComResetConnectionHandler;
}
