/** The COM_STATISTICS command handler. */
module io.porpoise.command.statistics {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.statistics.ComStatisticsHandler;
}
