package org.exotrace.gs1;

import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable bracketed form, e.g. {@code (01)09506000134352(17)270531(10)ABC123}. A value runs to the next
 * "(", which must open an AI of the syntax dictionary closed by ")"; a "(" inside a value is written "\(".
 * Spaces around elements are ignored.
 */
final class BracketedSyntax {

    private BracketedSyntax() {
    }

    static Gs1Label parse(String s, int currentYear) {
        return Gs1LabelBuilder.build(split(s), BarcodeForm.BRACKETED, currentYear);
    }

    /** Splits the bracketed form into elements; checks syntax and known AIs, not values. */
    static List<Element> split(String s) {
        List<Element> elements = new ArrayList<>();
        int n = s.length();
        int i = skipSpaces(s, 0);
        if (i >= n) {
            throw new Refusal("bracketed form: no element");
        }
        while (i < n) {
            if (s.charAt(i) != '(') {
                throw new Refusal("bracketed form: expected '(' but found " + Gs1Text.describeChar(s.charAt(i)));
            }
            int close = s.indexOf(')', i);
            String code = close < 0 ? "" : s.substring(i + 1, close);
            if (close < 0 || code.length() < 2 || code.length() > 4 || !Gs1Text.allAsciiDigits(code)) {
                throw new Refusal("bracketed form: " + Gs1Text.quote(s.substring(i, Math.min(n, i + 6)))
                        + " does not open an application identifier of 2 to 4 digits in brackets"
                        + " (a '(' inside a value is written '\\(')");
            }
            Gs1Dictionary.Entry entry = Gs1Dictionary.lookup(code);
            if (entry == null) {
                throw new Refusal("application identifier (" + code + ") is not in the GS1 syntax dictionary");
            }
            StringBuilder value = new StringBuilder();
            int j = close + 1;
            while (j < n && s.charAt(j) != '(') {
                if (s.charAt(j) == '\\' && j + 1 < n && s.charAt(j + 1) == '(') {
                    j++;
                }
                value.append(s.charAt(j));
                j++;
            }
            String trimmed = trimSpaces(value.toString());
            if (trimmed.isEmpty()) {
                throw new Refusal(entry.label() + " is empty");
            }
            elements.add(new Element(entry, trimmed));
            i = j;
        }
        return elements;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String trimSpaces(String s) {
        int start = skipSpaces(s, 0);
        int end = s.length();
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }
}
