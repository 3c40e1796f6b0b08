/** The COM_QUIT command handler. */
module io.porpoise.command.quit {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.quit.ComQuitHandler;
}
