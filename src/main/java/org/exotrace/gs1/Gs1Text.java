package org.exotrace.gs1;

/** Character-level helpers: group separators, safe quoting of untrusted input. */
final class Gs1Text {

    /** ASCII 29, the group separator that stands for FNC1 after a variable-length field. */
    static final char GS = '\u001d';

    /**
     * Textual stand-ins for GS that keyboard-wedge scanners are commonly configured to send,
     * besides the real ASCII 29 character. <code>&#92;u001d</code> means the six characters backslash, u, 0, 0, 1, d
     * (hex digits in either case).
     */
    static final String[] GS_SUBSTITUTES = {"<GS>", "{GS}", "\\u001d", "^]"};

    private static final int QUOTE_LIMIT = 40;

    private Gs1Text() {
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean allAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Result of replacing every accepted GS representation by ASCII 29. */
    record Normalized(String data, boolean sawSeparator) {
    }

    /** Replaces ASCII 29 and every entry of {@link #GS_SUBSTITUTES} by ASCII 29. */
    static Normalized normalizeSeparators(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean saw = false;
        int i = 0;
        while (i < s.length()) {
            int substitute = substituteLengthAt(s, i);
            if (substitute > 0) {
                out.append(GS);
                saw = true;
                i += substitute;
            } else {
                char c = s.charAt(i);
                saw |= c == GS;
                out.append(c);
                i++;
            }
        }
        return new Normalized(out.toString(), saw);
    }

    private static int substituteLengthAt(String s, int i) {
        for (String substitute : GS_SUBSTITUTES) {
            if (s.regionMatches(true, i, substitute, 0, substitute.length())
                    && (substitute.startsWith("\\") || s.startsWith(substitute, i))) {
                return substitute.length();
            }
        }
        return 0;
    }

    /** One character, printable, for messages: 'A', or U+001D (GS) style for anything else. */
    static String describeChar(char c) {
        if (c == GS) {
            return "a group separator (ASCII 29)";
        }
        if (c > 0x20 && c < 0x7F) {
            return "'" + c + "' (U+" + String.format("%04X", (int) c) + ")";
        }
        return "U+" + String.format("%04X", (int) c);
    }

    /** Untrusted text quoted for messages: control and non-ASCII characters escaped, long text cut. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(s.length(), QUOTE_LIMIT);
        for (int i = 0; i < shown; i++) {
            char c = s.charAt(i);
            if (c == GS) {
                out.append("<GS>");
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("<U+%04X>", (int) c));
            }
        }
        if (s.length() > shown) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
