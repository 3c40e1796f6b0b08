/**
 * Test doubles for command handler tests: what the server hands a handler ({@link
 * io.porpoise.command.testkit.RecordingCommandContext}, {@link io.porpoise.command.testkit.FakeSession})
 * recording what the handler did, and {@link io.porpoise.command.testkit.Payloads} to decode a
 * request payload as the server does. Used by the command modules' tests only.
 */
module io.porpoise.command.testkit {
    requires transitive io.porpoise.command;
    requires static osgi.annotation;

    exports io.porpoise.command.testkit;
}
