package io.porpoise.command;

import io.porpoise.charset.CharLengths;
import io.porpoise.charset.InvalidCharacterStringException;
import io.porpoise.charset.TextDecoding;
import io.porpoise.backend.EncodedString;
import io.porpoise.backend.StringLiteral;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Decodes COM_QUERY text with {@code character_set_client}, without losing binary data and
 * without storing replacement characters.
 *
 * <p>Clients put raw bytes in string literals ({@code _binary'\x80\xff'}, PyMySQL and MySQLdb
 * for bytes parameters, mysqldump for BLOBs); decoding the whole statement would turn them into
 * U+FFFD. A literal whose bytes are not text in the client charset, or that carries the
 * {@code _binary} introducer, becomes a hex literal {@code X'…'} with the same bytes (what
 * MySQL stores for it in a binary column). Bytes outside literals that do not decode are
 * ER_INVALID_CHARACTER_STRING.
 *
 * <p>The scan is charset-aware: in GBK, Big5, SJIS/cp932 and GB18030 the second byte of a
 * character may be 0x5C ({@code \}) or 0x60 ({@code `}); such a character is stepped over whole
 * ({@link CharLengths}), so it neither escapes the closing quote nor ends an identifier.
 * Comments are skipped, so a quote in {@code -- it's} starts nothing.
 *
 * <p>MySQL's lexer reads quotes, backslashes and the other syntax characters as bytes and
 * converts only the text between them. In {@code swe7} the bytes of {@code @ \ ` |} are the
 * letters É Ö é ö, and {@code armscii8} decodes 0xFF to an apostrophe and 0xA4-0xAC to
 * {@code ) ( . , -}: decoded naively, a swe7 client's escaping backslash would become Ö and end
 * its literal early, and an armscii8 0xFF inside a literal would end it. For such charsets
 * ({@link TextDecoding#isAsciiTransparent} false) every literal and quoted identifier is
 * resolved from its bytes as MySQL does and written back with escapes, the syntax bytes outside
 * them keep their ASCII meaning, and a byte above 0x7F that decodes to ASCII outside them (a
 * syntax error in MySQL) is ER_INVALID_CHARACTER_STRING.
 */
public final class QueryText {
    private static final String BINARY = "_binary";
    /** The bytes MySQL's lexer ({@code init_state_maps}) reads by value, whatever the client charset. */
    private static final String LEXER_BYTES = "_'.>=!<&|#;:\\/*@`\"";

    private QueryText() {
    }

    /** Statement text (COM_QUERY, COM_STMT_PREPARE) decoded with the session's {@code character_set_client}. */
    public static String decode(byte[] sql, SessionContext session) throws InvalidCharacterStringException {
        String name = session.variables().getString("character_set_client");
        return decode(sql, session.clientCharset(), name == null ? "utf8mb4" : name);
    }

    /**
     * @param mysqlCharset the client charset's MySQL name (for the scan rule and the error)
     * @throws InvalidCharacterStringException for bytes outside literals that are not text in it
     */
    public static String decode(byte[] sql, Charset charset, String mysqlCharset) throws InvalidCharacterStringException {
        String strict = TextDecoding.isAsciiTransparent(charset) ? strictOrNull(sql, 0, sql.length, charset) : null;
        if (strict != null && !strict.toLowerCase(Locale.ROOT).contains(BINARY)) {
            return strict;
        }
        return new Rewriter(sql, charset, mysqlCharset, null).run();
    }

    /**
     * Decodes like {@link #decode(byte[], SessionContext)} and cuts the text into statements at
     * the semicolons the same scan finds outside literals, quoted identifiers and comments
     * (multi-statements).
     */
    public static QueryStatements split(byte[] sql, SessionContext session) throws InvalidCharacterStringException {
        String name = session.variables().getString("character_set_client");
        return split(sql, session.clientCharset(), name == null ? "utf8mb4" : name);
    }

    /** {@link #split(byte[], SessionContext)} with the client charset given. */
    public static QueryStatements split(byte[] sql, Charset charset, String mysqlCharset) throws InvalidCharacterStringException {
        StatementBoundaries boundaries = new StatementBoundaries();
        Rewriter rewriter = new Rewriter(sql, charset, mysqlCharset, boundaries);
        String text = rewriter.run();
        return boundaries.finish(text, text.length(), rewriter.literals);
    }

    private static String strictOrNull(byte[] b, int off, int len, Charset charset) {
        try {
            return TextDecoding.decode(b, off, len, charset, charset.name());
        } catch (InvalidCharacterStringException e) {
            return null;
        }
    }

    /** One pass over the statement, decoding verbatim runs and replacing binary literals by hex. */
    private static final class Rewriter {
        private final byte[] sql;
        private final Charset charset;
        private final String mysqlCharset;
        private final CharLengths widths;
        /** False for swe7 and armscii8: literals and identifiers are rewritten, syntax bytes fixed up. */
        private final boolean transparent;
        private final StringBuilder out;
        private final StatementBoundaries boundaries;
        /** Literals whose text does not carry their bytes (when splitting). */
        private final List<StringLiteral> literals = new ArrayList<>();
        private final boolean textCarriesBytes;
        private int runStart;
        private boolean lastClosed;

        /** With {@code boundaries} non-null, also reports tokens and semicolons to it. */
        Rewriter(byte[] sql, Charset charset, String mysqlCharset, StatementBoundaries boundaries) {
            this.boundaries = boundaries;
            this.sql = sql;
            this.charset = charset;
            this.mysqlCharset = mysqlCharset;
            this.widths = CharLengths.of(mysqlCharset);
            this.transparent = TextDecoding.isAsciiTransparent(charset);
            this.out = new StringBuilder(sql.length + 16);
            this.textCarriesBytes = ClientStrings.textCarriesBytes(mysqlCharset);
        }

        String run() throws InvalidCharacterStringException {
            int n = sql.length;
            int i = 0;
            while (i < n) {
                int c = sql[i] & 0xFF;
                int w = widths.length(sql, i, n);
                if (w > 1) {
                    content(i);
                    i += w;
                } else if (c == '`') {
                    content(i);
                    int end = skipQuoted(i, '`');
                    if (!transparent && lastClosed) {
                        identifier(i, end);
                    }
                    i = end;
                } else if (c == '\'' || c == '"') {
                    content(i);
                    i = literal(i, c);
                } else if (c == '#' || c == '-' && i + 2 < n && sql[i + 1] == '-' && (sql[i + 2] & 0xFF) <= ' ') {
                    comment();
                    i = skipTo(i, "\n");
                } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
                    // Executable (/*! ... */) and hint (/*+ ... */) comments hold SQL: scan on inside them.
                    if (i + 2 < n && (sql[i + 2] == '!' || sql[i + 2] == '+')) {
                        content(i);
                        i += 3;
                    } else {
                        comment();
                        i = skipTo(i + 2, "*/");
                    }
                } else if (boundaries != null && c == ';') {
                    flush(i);
                    boundaries.semicolon(out.length());
                    i++;
                } else if (boundaries != null && isWordByte(c)) {
                    content(i);
                    int end = i + 1;
                    while (end < n && isWordByte(sql[end] & 0xFF)) {
                        end++;
                    }
                    if (boundaries.wantsWords()) {
                        boundaries.word(new String(sql, i, end - i, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
                    }
                    i = end;
                } else {
                    if (!isSpace(c)) {
                        content(i);
                    }
                    i++;
                }
            }
            flush(n);
            return out.toString();
        }

        /** The statement's first token is at byte {@code i} (when splitting). */
        private void content(int i) throws InvalidCharacterStringException {
            if (boundaries != null && !boundaries.hasContent()) {
                flush(i);
                boundaries.content(out.length());
            }
        }

        private void comment() {
            if (boundaries != null) {
                boundaries.comment();
            }
        }

        private static boolean isWordByte(int c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
        }

        /** MySQL's spaces between tokens. */
        private static boolean isSpace(int c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
        }

        /** A string literal at {@code start}: kept as it is, or replaced by a hex literal. */
        private int literal(int start, int quote) throws InvalidCharacterStringException {
            int end = skipQuoted(start, quote);
            if (!lastClosed) {
                return end;
            }
            byte[] value = unescape(start + 1, end - 1, quote);
            flush(start);
            boolean binary = dropIntroducer();
            String text = binary ? null : strictOrNull(value, 0, value.length, charset);
            if (text == null) {
                int at = out.length();
                out.append("X'").append(HexFormat.of().formatHex(value)).append('\'');
                runStart = end;
                if (!binary) {
                    record(at, new EncodedString(value, charset, mysqlCharset, null));
                }
            } else if (!transparent) {
                // The value as MySQL reads it (escapes resolved on the bytes, then converted), escaped afresh.
                int at = out.length();
                out.append((char) quote);
                for (int k = 0; k < text.length(); k++) {
                    char ch = text.charAt(k);
                    if (ch == '\\' || ch == '\'' || ch == '"') {
                        out.append('\\').append(ch);
                    } else if (ch == 0) {
                        out.append("\\0");
                    } else {
                        out.append(ch);
                    }
                }
                out.append((char) quote);
                runStart = end;
                // Even ASCII bytes are other letters in swe7: the text never carries them.
                record(at, new EncodedString(value, charset, mysqlCharset, text));
            } else if (!textCarriesBytes && !ClientStrings.isAscii(value)) {
                int at = out.length();
                flush(end);
                record(at, new EncodedString(value, charset, mysqlCharset, text));
            }
            return end;
        }

        /** Records the literal that ends the text so far and starts at {@code at}. */
        private void record(int at, EncodedString value) {
            if (boundaries != null) {
                literals.add(new StringLiteral(at, out.length(), value));
            }
        }

        /**
         * A closed back-quoted identifier {@code [start, end)} in a charset that is not ASCII
         * transparent: its bytes with doubled back quotes resolved, converted, and quoted again.
         */
        private void identifier(int start, int end) throws InvalidCharacterStringException {
            flush(start);
            ByteArrayOutputStream name = new ByteArrayOutputStream(end - start);
            for (int k = start + 1; k < end - 1; k++) {
                name.write(sql[k]);
                if (sql[k] == '`') {
                    k++;
                }
            }
            byte[] b = name.toByteArray();
            out.append('`').append(TextDecoding.decode(b, 0, b.length, charset, mysqlCharset).replace("`", "``")).append('`');
            runStart = end;
        }

        /** Decodes the verbatim bytes up to {@code to}, strictly. */
        private void flush(int to) throws InvalidCharacterStringException {
            if (to > runStart) {
                String text = TextDecoding.decode(sql, runStart, to - runStart, charset, mysqlCharset);
                out.append(transparent ? text : syntaxBytes(text, runStart, to));
            }
            runStart = Math.max(runStart, to);
        }

        /**
         * Text outside literals in a single-byte charset that is not ASCII transparent (one char
         * per byte): the bytes MySQL's lexer gives a fixed meaning keep it (swe7's {@code @} is not
         * É here), and a byte above 0x7F posing as ASCII is refused.
         */
        private String syntaxBytes(String text, int from, int to) throws InvalidCharacterStringException {
            StringBuilder fixed = null;
            for (int k = from; k < to; k++) {
                int b = sql[k] & 0xFF;
                char ch = text.charAt(k - from);
                if (b >= 0x80 && ch < 0x80) {
                    throw new InvalidCharacterStringException(mysqlCharset,
                            HexFormat.of().withUpperCase().formatHex(sql, k, Math.min(to, k + 6)));
                }
                if (b < 0x80 && ch != b && LEXER_BYTES.indexOf(b) >= 0) {
                    fixed = fixed == null ? new StringBuilder(text) : fixed;
                    fixed.setCharAt(k - from, (char) b);
                }
            }
            return fixed == null ? text : fixed.toString();
        }

        /** Removes a trailing {@code _binary} (and the spaces after it); true if there was one. */
        private boolean dropIntroducer() {
            int j = out.length();
            while (j > 0 && Character.isWhitespace(out.charAt(j - 1))) {
                j--;
            }
            int start = j - BINARY.length();
            if (start < 0 || !out.substring(start, j).equalsIgnoreCase(BINARY)) {
                return false;
            }
            if (start > 0 && (Character.isLetterOrDigit(out.charAt(start - 1)) || out.charAt(start - 1) == '_')) {
                return false;
            }
            out.setLength(start);
            return true;
        }

        /** The index after the closing quote (or the end of the text, with {@code lastClosed} false). */
        private int skipQuoted(int start, int quote) {
            lastClosed = true;
            int i = start + 1;
            while (i < sql.length) {
                int w = widths.length(sql, i, sql.length);
                if (w > 1) {
                    i += w;
                    continue;
                }
                int c = sql[i] & 0xFF;
                if (c == '\\' && quote != '`') {
                    i += 1 + (i + 1 < sql.length ? widths.length(sql, i + 1, sql.length) : 0);
                } else if (c == quote) {
                    if (i + 1 < sql.length && (sql[i + 1] & 0xFF) == quote) {
                        i += 2;
                    } else {
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            lastClosed = false;
            return sql.length;
        }

        /** The index after {@code terminator} (or the end of the text). */
        private int skipTo(int from, String terminator) {
            outer:
            for (int i = from; i <= sql.length - terminator.length(); i++) {
                for (int k = 0; k < terminator.length(); k++) {
                    if (sql[i + k] != terminator.charAt(k)) {
                        continue outer;
                    }
                }
                return i + terminator.length();
            }
            return sql.length;
        }

        /** The bytes a literal stands for, with MySQL's backslash escapes and doubled quotes resolved. */
        private byte[] unescape(int from, int to, int quote) {
            ByteArrayOutputStream v = new ByteArrayOutputStream(Math.max(0, to - from));
            int i = from;
            while (i < to) {
                int w = widths.length(sql, i, to);
                if (w > 1) {
                    v.write(sql, i, w);
                    i += w;
                    continue;
                }
                int c = sql[i] & 0xFF;
                if (c == '\\' && i + 1 < to) {
                    int e = sql[i + 1] & 0xFF;
                    if (widths.length(sql, i + 1, to) > 1) {
                        // A backslash before a multi-byte character escapes nothing: MySQL keeps the character.
                        i++;
                        continue;
                    }
                    i += 2;
                    switch (e) {
                        case '0': v.write(0); break;
                        case 'b': v.write(8); break;
                        case 'n': v.write('\n'); break;
                        case 'r': v.write('\r'); break;
                        case 't': v.write('\t'); break;
                        case 'Z': v.write(26); break;
                        case '%': case '_': v.write('\\'); v.write(e); break;
                        default: v.write(e);
                    }
                } else if (c == quote && i + 1 < to && (sql[i + 1] & 0xFF) == quote) {
                    v.write(c);
                    i += 2;
                } else {
                    v.write(c);
                    i++;
                }
            }
            return v.toByteArray();
        }
    }
}
