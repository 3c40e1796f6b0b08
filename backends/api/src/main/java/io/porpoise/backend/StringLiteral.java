package io.porpoise.backend;

/**
 * A string literal of a statement's text whose decoded form does not carry the bytes the client
 * sent (see {@link EncodedString}): the literal {@code 'é'} of a latin1 client, or one whose bytes
 * are no text in the client's charset (which the text holds as the hex literal {@code X'..'}).
 *
 * @param start where the literal's text starts in the statement (its opening quote, or the
 *     {@code X} of a hex literal)
 * @param end where it ends (after the closing quote)
 * @param value the literal's value as the client sent it, escapes resolved
 */
public record StringLiteral(int start, int end, EncodedString value) {
}
