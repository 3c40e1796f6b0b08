/** The COM_QUERY command handler. */
module io.porpoise.command.query {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.query.ComQueryHandler;
}
