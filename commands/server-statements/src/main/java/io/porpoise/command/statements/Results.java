package io.porpoise.command.statements;

import io.porpoise.backend.Column;
import io.porpoise.backend.ColumnFlag;
import io.porpoise.backend.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** Column metadata for computed values, as MySQL types them. */
final class Results {
    private Results() {
    }

    static Column columnFor(String name, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return Column.builder(name, ColumnType.LONGLONG).length(21).build();
        }
        if (value instanceof BigInteger) {
            return Column.builder(name, ColumnType.LONGLONG).length(20).unsigned().build();
        }
        if (value instanceof BigDecimal) {
            BigDecimal d = (BigDecimal) value;
            return Column.builder(name, ColumnType.NEWDECIMAL).length(d.precision() + 2).decimals(Math.max(0, d.scale())).build();
        }
        int len = value == null ? 0 : Math.max(1, value.toString().length());
        return Column.builder(name, ColumnType.VAR_STRING).length(len).build();
    }

    static Column text(String name, int length) {
        return Column.builder(name, ColumnType.VAR_STRING).length(length).flag(ColumnFlag.NOT_NULL).build();
    }

    /** SQL LIKE, case-insensitive, with % and _ and backslash escapes. */
    static boolean like(String value, String pattern) {
        return like(value.toLowerCase(Locale.ROOT), 0, pattern.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean like(String s, int si, String p, int pi) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                for (int k = si; k <= s.length(); k++) {
                    if (like(s, k, p, pi + 1)) {
                        return true;
                    }
                }
                return false;
            }
            if (c == '\\' && pi + 1 < p.length()) {
                c = p.charAt(++pi);
                if (si >= s.length() || s.charAt(si) != c) {
                    return false;
                }
            } else if (si >= s.length() || (c != '_' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
