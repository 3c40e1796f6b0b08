package io.porpoise.command.query;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes COM_QUERY text without losing binary data. Clients put raw bytes in string literals
 * ({@code _binary'\x80\xff'}, PyMySQL and MySQLdb for bytes parameters, mysqldump for BLOBs);
 * decoding the whole statement in the client charset would turn them into replacement
 * characters. A literal whose bytes are not text in the client charset, or that carries the
 * {@code _binary} introducer, becomes a hex literal {@code X'…'} with the same bytes; the rest
 * decodes as usual.
 *
 * <p>Only for charsets in which quote and backslash bytes never occur inside a multi-byte
 * character (UTF-8, single-byte charsets); GBK, Big5, SJIS and friends are decoded as a whole
 * until charset-aware scanning arrives with the charsets issue.
 */
final class QueryText {
    private static final Set<String> SAFE = Set.of("UTF-8", "windows-1252", "ISO-8859-1", "US-ASCII", "windows-1250",
            "windows-1251", "windows-1256", "windows-1257", "ISO-8859-2", "ISO-8859-7", "ISO-8859-8", "ISO-8859-9",
            "ISO-8859-13", "KOI8-R", "KOI8-U", "TIS-620", "EUC-JP", "EUC-KR", "x-eucJP-Open");

    private QueryText() {
    }

    static String decode(byte[] sql, Charset charset) {
        String strict = strict(sql, charset);
        if (strict != null && !containsBinaryIntroducer(strict)) {
            return strict;
        }
        if (!SAFE.contains(charset.name())) {
            return new String(sql, charset);
        }
        return new String(rewriteLiterals(sql, charset), charset);
    }

    private static boolean containsBinaryIntroducer(String sql) {
        return sql.toLowerCase(Locale.ROOT).contains("_binary");
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Copies {@code sql}, replacing binary string literals by hex literals. */
    private static byte[] rewriteLiterals(byte[] sql, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sql.length + 16);
        int i = 0;
        while (i < sql.length) {
            int c = sql[i] & 0xFF;
            if (c == '`') {
                int end = skipQuoted(sql, i, '`');
                out.write(sql, i, end - i);
                i = end;
            } else if (c == '\'' || c == '"') {
                int end = skipQuoted(sql, i, c);
                byte[] value = unescape(sql, i + 1, end - 1, c);
                boolean binary = dropIntroducer(out);
                if (binary || strict(value, charset) == null) {
                    byte[] hex = ("X'" + HexFormat.of().formatHex(value) + "'").getBytes(StandardCharsets.US_ASCII);
                    out.write(hex, 0, hex.length);
                } else {
                    out.write(sql, i, end - i);
                }
                i = end;
            } else {
                out.write(c);
                i++;
            }
        }
        return out.toByteArray();
    }

    /** Removes a trailing {@code _binary} (and the spaces after it) from {@code out}; true if there was one. */
    private static boolean dropIntroducer(ByteArrayOutputStream out) {
        byte[] so = out.toByteArray();
        int j = so.length;
        while (j > 0 && Character.isWhitespace(so[j - 1])) {
            j--;
        }
        int start = j - "_binary".length();
        if (start < 0 || !new String(so, start, j - start, StandardCharsets.ISO_8859_1).equalsIgnoreCase("_binary")) {
            return false;
        }
        if (start > 0 && (Character.isLetterOrDigit(so[start - 1]) || so[start - 1] == '_')) {
            return false;
        }
        out.reset();
        out.write(so, 0, start);
        return true;
    }

    /** The index after the closing quote (or the end of the text). */
    private static int skipQuoted(byte[] sql, int start, int quote) {
        int i = start + 1;
        while (i < sql.length) {
            int c = sql[i] & 0xFF;
            if (c == '\\' && quote != '`') {
                i += 2;
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
        return sql.length;
    }

    /** The bytes a literal stands for, with MySQL's backslash escapes and doubled quotes resolved. */
    private static byte[] unescape(byte[] sql, int from, int to, int quote) {
        ByteArrayOutputStream v = new ByteArrayOutputStream(Math.max(0, to - from));
        for (int i = from; i < to && i < sql.length; i++) {
            int c = sql[i] & 0xFF;
            if (c == '\\' && i + 1 < to) {
                int e = sql[++i] & 0xFF;
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
                i++;
            } else {
                v.write(c);
            }
        }
        return v.toByteArray();
    }
}
