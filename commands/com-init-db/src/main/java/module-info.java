/** The COM_INIT_DB command handler. */
module io.porpoise.command.initdb {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.initdb.ComInitDbHandler;
}
