/** The COM_CHANGE_USER command handler. */
module io.porpoise.command.changeuser {
    requires io.porpoise.command;
    requires static org.osgi.service.component.annotations;

    provides io.porpoise.command.CommandHandler with io.porpoise.command.changeuser.ComChangeUserHandler;
}
