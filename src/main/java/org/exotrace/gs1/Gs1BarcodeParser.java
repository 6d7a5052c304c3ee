package org.exotrace.gs1;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses what a bedside handheld scanner typed into a {@link BarcodeParseResult}. Total: any input,
 * including null, over-long text and binary garbage, yields a result; {@link #parse} never throws.
 * Thread-safe and stateless apart from the clock.
 *
 * <p>Accepted input, after stripping leading and trailing spaces, tabs, CR and LF:
 * <ul>
 *   <li>GS1 element strings, optionally prefixed by the symbology identifier {@code ]d2} (GS1 DataMatrix),
 *       {@code ]C1} (GS1-128), {@code ]Q3} (GS1 QR Code), {@code ]e0} (GS1 DataBar) or {@code ]J1} (GS1 DotCode);
 *       {@code ]E0} / {@code ]E4} (EAN-13 / EAN-8) as a GTIN, with a {@code |]e0} composite part if any.
 *       Every AI of the GS1 syntax dictionary is read and checked against its format; the vial uses 01, 10, 11, 17
 *       and 21. The group separator
 *       may arrive as ASCII 29 or as one of the texts {@code <GS>}, {@code {GS}}, <code>&#92;u001d</code> (literally,
 *       six characters) or {@code ^]}. A scan with no separator at all whose last variable-length value
 *       could also be read as further element strings is refused as ambiguous.</li>
 *   <li>The bracketed human-readable form, e.g. {@code (01)09506000134352(17)270531(10)ABC123}.</li>
 *   <li>GS1 Digital Link URIs, optionally prefixed by {@code ]Q1}, {@code ]d1} or {@code ]J0}.</li>
 * </ul>
 */
public final class Gs1BarcodeParser {

    /** Longer scans are refused before any other work. */
    public static final int MAX_INPUT_LENGTH = 512;

    private final Clock clock;

    /** @param clock source of "today" for the two-digit-year century rule */
    public Gs1BarcodeParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Never throws; never returns null. */
    public BarcodeParseResult parse(String scanned) {
        if (scanned == null) {
            return new BarcodeParseResult.Invalid("no barcode data: the scan is null");
        }
        if (scanned.length() > MAX_INPUT_LENGTH) {
            return new BarcodeParseResult.Invalid("scan is " + scanned.length() + " characters long; at most "
                    + MAX_INPUT_LENGTH + " are accepted");
        }
        try {
            return parseBounded(scanned);
        } catch (Refusal refusal) {
            return new BarcodeParseResult.Invalid(refusal.getMessage());
        } catch (RuntimeException bug) {
            // Safety net for totality; the test suite asserts this branch is never reached.
            return new BarcodeParseResult.Invalid(
                    "internal parser error (" + bug.getClass().getSimpleName() + "); the scan was not accepted");
        }
    }

    private BarcodeParseResult parseBounded(String scanned) {
        String s = stripScannerFraming(scanned);
        if (s.isEmpty()) {
            throw new Refusal("scan is empty");
        }
        int currentYear = LocalDate.now(clock).getYear();
        Gs1Scan scan = read(s);
        if (!scan.isGs1()) {
            throw new Refusal("symbology identifier " + Gs1Text.quote(s.substring(0, 3)) + " marks a plain (non-GS1)"
                    + " symbol; it is accepted only when it carries a GS1 Digital Link URI");
        }
        if (scan.form() == BarcodeForm.ELEMENT_STRING) {
            return ElementStringSyntax.label(scan.elements(), scan.separatorsTransmitted(), currentYear);
        }
        return Gs1LabelBuilder.build(scan.elements(), scan.form(), currentYear);
    }

    /**
     * Reads the syntax of a framed scan: symbology identifier, then element strings, a Digital Link or the bracketed
     * form. Values are not checked yet.
     *
     * @throws Refusal when the syntax is broken
     */
    static Gs1Scan read(String s) {
        if (s.isEmpty()) {
            throw new Refusal("scan is empty");
        }
        if (s.charAt(0) == ']') {
            if (s.length() < 3) {
                throw new Refusal("incomplete symbology identifier " + Gs1Text.quote(s));
            }
            String identifier = s.substring(0, 3);
            String rest = s.substring(3);
            switch (identifier) {
                case "]d2", "]C1", "]Q3", "]e0", "]J1":
                    if (rest.isEmpty()) {
                        throw new Refusal("scan has no data after the symbology identifier " + identifier);
                    }
                    return ElementStringSyntax.read(rest);
                case "]E0", "]E4":
                    return eanUpc(identifier, rest);
                case "]d1", "]Q1", "]J0":
                    return DigitalLinkSyntax.hasScheme(rest)
                            ? new Gs1Scan(BarcodeForm.DIGITAL_LINK, DigitalLinkSyntax.split(rest), true)
                            : Gs1Scan.PLAIN;
                default:
                    throw new Refusal("symbology identifier " + Gs1Text.quote(identifier) + " is not supported;"
                            + " accepted are ]d2, ]C1, ]Q3, ]e0, ]J1 (GS1 element strings), ]E0, ]E4 (EAN-13, EAN-8)"
                            + " and ]d1, ]Q1, ]J0 (Digital Link)");
            }
        }
        if (DigitalLinkSyntax.looksLikeDigitalLink(s)) {
            return new Gs1Scan(BarcodeForm.DIGITAL_LINK, DigitalLinkSyntax.split(s), true);
        }
        if (s.charAt(0) == '(') {
            return new Gs1Scan(BarcodeForm.BRACKETED, BracketedSyntax.split(s), true);
        }
        return ElementStringSyntax.read(s);
    }

    /** EAN-13 (]E0) or EAN-8 (]E4): a GTIN as AI (01), optionally with a GS1 composite ("|]e0" element strings). */
    private static Gs1Scan eanUpc(String identifier, String rest) {
        int digits = identifier.equals("]E0") ? 13 : 8;
        int bar = rest.indexOf('|');
        String primary = bar >= 0 ? rest.substring(0, bar) : rest;
        if (primary.length() != digits || !Gs1Text.allAsciiDigits(primary)) {
            throw new Refusal("symbology identifier " + identifier + " carries " + digits + " digits, got "
                    + Gs1Text.quote(primary));
        }
        List<Element> elements = new ArrayList<>();
        elements.add(new Element(Gs1Dictionary.lookup("01"), "0".repeat(14 - digits) + primary));
        boolean separators = true;
        if (bar >= 0) {
            String composite = rest.substring(bar + 1);
            if (!composite.startsWith("]e0") || composite.length() == 3) {
                throw new Refusal("the composite part after '|' must be ]e0 followed by GS1 element strings");
            }
            Gs1Scan component = ElementStringSyntax.read(composite.substring(3));
            elements.addAll(component.elements());
            separators = component.separatorsTransmitted();
        }
        return new Gs1Scan(BarcodeForm.ELEMENT_STRING, List.copyOf(elements), separators);
    }

    /** Keyboard-wedge scanners often add a CR/LF or tab suffix; GS and other controls are kept. */
    private static String stripScannerFraming(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isFraming(s.charAt(start))) {
            start++;
        }
        while (end > start && isFraming(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isFraming(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
