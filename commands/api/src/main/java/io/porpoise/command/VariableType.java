package io.porpoise.command;

/** How a system variable's values are parsed and shown. */
public enum VariableType {
    /** ON/OFF, 1/0, TRUE/FALSE; SELECT shows 1/0, SHOW VARIABLES shows ON/OFF. */
    BOOL,
    /** An unsigned 64-bit integer (stored in a long, read as unsigned). */
    INT,
    /** Free text. */
    STRING
}
