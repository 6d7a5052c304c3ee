package org.exotrace.bedside.barcode;

import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable bracketed form, e.g. {@code (01)09506000134352(17)270531(10)ABC123}. A value runs
 * to the next "(" that opens an AI of 2 to 4 digits closed by ")", or to the end; spaces around
 * elements are ignored. A value therefore cannot itself contain text like "(21)".
 */
final class BracketedSyntax {

    private BracketedSyntax() {
    }

    static Gs1Label parse(String s, int currentYear) {
        List<Element> elements = new ArrayList<>();
        int n = s.length();
        int i = skipSpaces(s, 0);
        while (i < n) {
            int close = aiBracketEnd(s, i);
            if (close < 0) {
                String what = s.charAt(i) == '('
                        ? Gs1Text.quote(s.substring(i, Math.min(n, i + 6))) + " does not open an application identifier"
                        + " of 2 to 4 digits in brackets"
                        : "expected '(' but found " + Gs1Text.describeChar(s.charAt(i));
                throw new Refusal("bracketed form: " + what);
            }
            String code = s.substring(i + 1, close);
            Gs1Ai ai = Gs1Ai.byCode(code);
            if (ai == null) {
                throw new Refusal("application identifier (" + code + ") is not supported; only "
                        + Gs1Ai.SUPPORTED_LIST + " are accepted");
            }
            int valueStart = close + 1;
            int next = valueStart;
            while (next < n && aiBracketEnd(s, next) < 0) {
                next++;
            }
            elements.add(new Element(ai, trimSpaces(s.substring(valueStart, next))));
            i = next;
        }
        return Gs1LabelBuilder.build(elements, BarcodeForm.BRACKETED, currentYear);
    }

    /** If {@code s} has "(" + 2..4 ASCII digits + ")" at {@code i}, the index of the ")"; else -1. */
    private static int aiBracketEnd(String s, int i) {
        if (s.charAt(i) != '(') {
            return -1;
        }
        int j = i + 1;
        while (j < s.length() && j - i <= 4 && Gs1Text.isAsciiDigit(s.charAt(j))) {
            j++;
        }
        int digits = j - i - 1;
        return digits >= 2 && digits <= 4 && j < s.length() && s.charAt(j) == ')' ? j : -1;
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
