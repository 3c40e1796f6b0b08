package io.porpoise.charset;

/**
 * Character boundaries in raw client bytes, for scanners that look for quotes, backslashes and
 * {@code ?} before the text is decoded. In GBK, Big5, SJIS/cp932 and GB18030 the second byte of
 * a two-byte character can be 0x5C ({@code \}), 0x27 ({@code '}) or another ASCII byte (MySQL
 * marks these charsets {@code escape_with_backslash_is_dangerous}); a scanner that steps one byte
 * at a time would take it for syntax. Every other charset MySQL accepts from clients keeps ASCII
 * bytes out of multi-byte characters (UTF-8, EUC-*, single-byte sets), so stepping by one byte is
 * safe there ({@link #SINGLE}).
 *
 * <p>Only the lead-byte ranges matter: a pair that is not a valid character is still consumed
 * as one, and the decoder reports it.
 */
public enum CharLengths {
    /** ASCII bytes never occur inside a multi-byte character. */
    SINGLE,
    /** GBK: lead 0x81-0xFE, trail 0x40-0x7E or 0x80-0xFE. */
    GBK,
    /** Big5: lead 0x81-0xFE (MySQL 0xA1-0xF9), trail 0x40-0x7E or 0xA1-0xFE. */
    BIG5,
    /** Shift_JIS and cp932: lead 0x81-0x9F or 0xE0-0xFC, trail 0x40-0x7E or 0x80-0xFC. */
    SJIS,
    /** GB18030: GBK's pairs, plus four-byte characters lead, 0x30-0x39, lead, 0x30-0x39. */
    GB18030;

    /** The scanning rule for a MySQL character set name. */
    public static CharLengths of(String charsetName) {
        switch (charsetName) {
            case "gbk":
                return GBK;
            case "big5":
                return BIG5;
            case "sjis":
            case "cp932":
                return SJIS;
            case "gb18030":
                return GB18030;
            default:
                return SINGLE;
        }
    }

    /** Whether a trailing byte can look like ASCII ({@code \}, {@code '}, {@code ?}). */
    public boolean asciiCanTrail() {
        return this != SINGLE;
    }

    /** The number of bytes of the character at {@code b[i]} (1 to 4, never past {@code end}). */
    public int length(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        if (c < 0x80 || this == SINGLE || i + 1 >= end) {
            return 1;
        }
        int t = b[i + 1] & 0xFF;
        switch (this) {
            case GBK:
            case BIG5:
                return c >= 0x81 && c <= 0xFE && t >= 0x40 && t != 0x7F && t != 0xFF ? 2 : 1;
            case SJIS:
                return (c >= 0x81 && c <= 0x9F || c >= 0xE0 && c <= 0xFC) && t >= 0x40 && t != 0x7F && t <= 0xFC ? 2 : 1;
            case GB18030:
                if (c < 0x81 || c > 0xFE) {
                    return 1;
                }
                if (t >= 0x30 && t <= 0x39) {
                    return i + 3 < end ? 4 : end - i;
                }
                return t >= 0x40 && t != 0x7F && t != 0xFF ? 2 : 1;
            default:
                return 1;
        }
    }
}
