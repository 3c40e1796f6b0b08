package io.porpoise.wire;

/** The subset of C printf that MySQL's error messages use. */
final class CFormat {
    private CFormat() {
    }

    static String format(String fmt, Object... args) {
        StringBuilder out = new StringBuilder(fmt.length() + 32);
        int argIndex = 0;
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i++);
            if (c != '%' || i >= fmt.length()) {
                out.append(c);
                continue;
            }
            if (fmt.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int precision = -1;
            while (i < fmt.length() && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                i++;
            }
            if (i + 1 < fmt.length() && fmt.charAt(i) == '.' && fmt.charAt(i + 1) == '*') {
                // %.*s takes its precision from the arguments, as MySQL passes (length, text).
                i += 2;
                Object p = argIndex < args.length ? args[argIndex++] : null;
                precision = p instanceof Number ? ((Number) p).intValue() : -1;
            } else if (i < fmt.length() && fmt.charAt(i) == '.') {
                int start = ++i;
                while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                precision = i > start ? Integer.parseInt(fmt.substring(start, i)) : 0;
            }
            while (i < fmt.length() && "lhzjqL".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            if (i >= fmt.length()) {
                break;
            }
            char conv = fmt.charAt(i++);
            Object arg = argIndex < args.length ? args[argIndex++] : "";
            String text = String.valueOf(arg);
            if (conv == 's' && precision >= 0 && text.length() > precision) {
                text = text.substring(0, precision);
            }
            out.append(text);
        }
        return out.toString();
    }
}
