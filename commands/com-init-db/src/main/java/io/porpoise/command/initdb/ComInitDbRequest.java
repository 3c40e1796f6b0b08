package io.porpoise.command.initdb;

/** A decoded COM_INIT_DB: the database to make current. */
public record ComInitDbRequest(String schema) {
}
