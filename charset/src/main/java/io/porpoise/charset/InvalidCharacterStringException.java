package io.porpoise.charset;

/**
 * Client bytes that are not text in the client's character set: MySQL's
 * ER_INVALID_CHARACTER_STRING (1300), {@code Invalid %s character string: '%s'} with the
 * character set name and, in upper-case hex, up to six bytes from the first bad one.
 */
public final class InvalidCharacterStringException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String charsetName;
    private final String hexBytes;

    public InvalidCharacterStringException(String charsetName, String hexBytes) {
        super("Invalid " + charsetName + " character string: '" + hexBytes + "'");
        this.charsetName = charsetName;
        this.hexBytes = hexBytes;
    }

    /** The MySQL character set name (first argument of the message). */
    public String charsetName() {
        return charsetName;
    }

    /** The offending bytes as MySQL shows them (second argument of the message). */
    public String hexBytes() {
        return hexBytes;
    }
}
