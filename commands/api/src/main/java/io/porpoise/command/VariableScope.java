package io.porpoise.command;

/** Where a system variable lives. */
public enum VariableScope {
    /** Server-wide only ({@code SET GLOBAL}). */
    GLOBAL,
    /** Per session only. */
    SESSION,
    /** Global default copied into each new session, settable in both. */
    BOTH
}
