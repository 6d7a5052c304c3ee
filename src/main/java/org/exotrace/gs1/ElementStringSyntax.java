package org.exotrace.gs1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Raw GS1 element strings: AI digits immediately followed by the value, a group separator (GS) after
 * every variable-length value that is not last, AIs in any order.
 *
 * <p>Tolerated beyond the strict syntax: one leading GS (FNC1 in first position), one GS after a
 * fixed-length value, one trailing GS. Two separators in a row are refused.
 *
 * <p>When a scan contains no separator at all, a variable-length value running to the end might have
 * swallowed following element strings (scanner not configured to transmit GS). If the tail of that value
 * can itself be read as valid element strings starting with an AI the vial needs (01, 10, 11, 17, 21), the scan is
 * refused as ambiguous instead of guessing. Every AI of the GS1 syntax dictionary is read.
 */
final class ElementStringSyntax {

    /** The AIs whose swallowing would change what the vial scan reads; only these make a scan ambiguous. */
    private static final Set<String> VIAL_AIS = Set.of("01", "10", "11", "17", "21");

    private ElementStringSyntax() {
    }

    /** @param data scan content after any symbology identifier, not yet separator-normalized */
    static Gs1Scan read(String data) {
        Gs1Text.Normalized normalized = Gs1Text.normalizeSeparators(data);
        return new Gs1Scan(BarcodeForm.ELEMENT_STRING, split(normalized.data()), normalized.sawSeparator());
    }

    /** The vial label of element strings, refusing a scan without separators that reads two ways. */
    static Gs1Label label(List<Element> elements, boolean separatorsTransmitted, int currentYear) {
        Element last = elements.get(elements.size() - 1);
        int max = last.entry().maxLength();
        if (!separatorsTransmitted && !last.entry().fixedLength() && last.value().length() > max) {
            throw new Refusal(last.entry().label() + " runs to the end of the scan with " + last.value().length()
                    + " characters, more than the " + max + " allowed; no group separator was"
                    + " received, so the scanner may not be transmitting GS (ASCII 29)");
        }
        Gs1Label label = Gs1LabelBuilder.build(elements, BarcodeForm.ELEMENT_STRING, currentYear);
        if (!separatorsTransmitted) {
            List<Element> alternative = alternativeReading(elements, currentYear);
            if (alternative != null) {
                throw new Refusal("ambiguous scan: no group separator was received, so "
                        + last.entry().label() + " " + Gs1Text.quote(last.value()) + " could also be read as "
                        + describe(alternative.subList(elements.size() - 1, alternative.size()))
                        + "; refusing to guess (configure the scanner to transmit GS, ASCII 29)");
            }
        }
        return label;
    }

    /** Splits separator-normalized element strings into elements; checks syntax and known AIs, not values. */
    static List<Element> split(String data) {
        List<Element> elements = new ArrayList<>();
        int n = data.length();
        int i = 0;
        if (n > 0 && data.charAt(0) == Gs1Text.GS) {
            i = 1; // FNC1 in first position, transmitted as GS by some scanners
        }
        if (i >= n) {
            throw new Refusal("scan contains no GS1 element strings");
        }
        while (i < n) {
            String where = elements.isEmpty()
                    ? "at the start"
                    : "after " + elements.get(elements.size() - 1).entry().label();
            if (data.charAt(i) == Gs1Text.GS) {
                throw new Refusal("unexpected group separator " + where + " (two separators in a row)");
            }
            Gs1Dictionary.Entry entry = readAi(data, i, where);
            i += entry.ai().length();
            String value;
            if (entry.fixedLength()) {
                int length = entry.maxLength();
                int end = Math.min(n, i + length);
                value = data.substring(i, end);
                int gs = value.indexOf(Gs1Text.GS);
                if (gs >= 0 || value.length() < length) {
                    int got = gs >= 0 ? gs : value.length();
                    throw new Refusal(entry.label() + " needs exactly " + length + " digits but "
                            + (gs >= 0 ? "a group separator follows" : "the scan ends") + " after "
                            + got + (got == 1 ? " character" : " characters"));
                }
                i = end;
            } else {
                int end = data.indexOf(Gs1Text.GS, i);
                if (end < 0) {
                    end = n;
                }
                value = data.substring(i, end);
                i = end;
            }
            elements.add(new Element(entry, value));
            if (i < n && data.charAt(i) == Gs1Text.GS) {
                i++; // separator after a value; a trailing one is tolerated
            }
        }
        return elements;
    }

    private static Gs1Dictionary.Entry readAi(String data, int i, String where) {
        int n = data.length();
        char first = data.charAt(i);
        if (!Gs1Text.isAsciiDigit(first)) {
            String hint = first == '(' && i == 0
                    ? " (the bracketed human-readable form is accepted only without a symbology identifier)"
                    : "";
            throw new Refusal("not a GS1 element string: expected a two-digit application identifier "
                    + where + " but found " + Gs1Text.describeChar(first) + hint);
        }
        if (i + 1 >= n || !Gs1Text.isAsciiDigit(data.charAt(i + 1))) {
            throw new Refusal("incomplete application identifier " + where + ": "
                    + Gs1Text.quote(data.substring(i, Math.min(n, i + 2))));
        }
        Gs1Dictionary.Entry entry = Gs1Dictionary.atStartOf(data, i);
        if (entry == null) {
            int end = i;
            while (end < n && end < i + 4 && Gs1Text.isAsciiDigit(data.charAt(end))) {
                end++;
            }
            throw new Refusal("unknown application identifier " + where + ": no AI of the GS1 syntax dictionary"
                    + " starts with " + Gs1Text.quote(data.substring(i, end)));
        }
        return entry;
    }

    /**
     * For a scan without separators: a valid reading in which the last (variable-length) value is cut
     * short and its tail is read as further element strings, or null if there is none.
     */
    private static List<Element> alternativeReading(List<Element> elements, int currentYear) {
        Element last = elements.get(elements.size() - 1);
        if (last.entry().fixedLength()) {
            return null;
        }
        String value = last.value();
        for (int cut = 1; cut + 2 <= value.length(); cut++) {
            String tail = value.substring(cut);
            if (!VIAL_AIS.contains(tail.substring(0, 2))) {
                continue;
            }
            List<Element> alternative = new ArrayList<>(elements.subList(0, elements.size() - 1));
            alternative.add(new Element(last.entry(), value.substring(0, cut)));
            try {
                alternative.addAll(split(tail));
                Gs1LabelBuilder.build(alternative, BarcodeForm.ELEMENT_STRING, currentYear);
                return alternative;
            } catch (Refusal notAValidReading) {
                // try the next cut
            }
        }
        return null;
    }

    private static String describe(List<Element> elements) {
        StringBuilder out = new StringBuilder();
        for (Element element : elements) {
            if (out.length() > 0) {
                out.append(" followed by ");
            }
            out.append(element.entry().label()).append(' ').append(Gs1Text.quote(element.value()));
        }
        return out.toString();
    }
}
