/** The COM_SET_OPTION command handler. */
module io.porpoise.command.setoption {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.setoption.ComSetOptionHandler;
}
