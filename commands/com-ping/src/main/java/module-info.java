/** The COM_PING command handler. */
module io.porpoise.command.ping {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.ping.ComPingHandler;
}
