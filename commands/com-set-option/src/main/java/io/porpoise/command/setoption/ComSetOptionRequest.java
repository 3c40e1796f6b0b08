package io.porpoise.command.setoption;

/**
 * A decoded COM_SET_OPTION: the option number as sent (int&lt;2&gt;), known or not; an unknown
 * one is refused when executed, as MySQL does.
 */
public record ComSetOptionRequest(int option) {
    /** MYSQL_OPTION_MULTI_STATEMENTS_ON. */
    public static final int MULTI_STATEMENTS_ON = 0;
    /** MYSQL_OPTION_MULTI_STATEMENTS_OFF. */
    public static final int MULTI_STATEMENTS_OFF = 1;
}
