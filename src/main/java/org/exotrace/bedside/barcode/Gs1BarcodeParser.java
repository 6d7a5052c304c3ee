package org.exotrace.bedside.barcode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Parses what a bedside handheld scanner typed into a {@link BarcodeParseResult}. Total: any input,
 * including null, over-long text and binary garbage, yields a result; {@link #parse} never throws.
 * Thread-safe and stateless apart from the clock.
 *
 * <p>Accepted input, after stripping leading and trailing spaces, tabs, CR and LF:
 * <ul>
 *   <li>GS1 element strings, optionally prefixed by the symbology identifier {@code ]d2} (GS1 DataMatrix),
 *       {@code ]C1} (GS1-128), {@code ]Q3} (GS1 QR Code) or {@code ]e0} (GS1 DataBar). The group separator
 *       may arrive as ASCII 29 or as one of the texts {@code <GS>}, {@code {GS}}, <code>&#92;u001d</code> (literally,
 *       six characters) or {@code ^]}. A scan with no separator at all whose last variable-length value
 *       could also be read as further element strings is refused as ambiguous.</li>
 *   <li>The bracketed human-readable form, e.g. {@code (01)09506000134352(17)270531(10)ABC123}.</li>
 *   <li>GS1 Digital Link URIs, optionally prefixed by {@code ]Q1} or {@code ]d1}.</li>
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
        if (s.charAt(0) == ']') {
            if (s.length() < 3) {
                throw new Refusal("incomplete symbology identifier " + Gs1Text.quote(s));
            }
            String identifier = s.substring(0, 3);
            String rest = s.substring(3);
            switch (identifier) {
                case "]d2", "]C1", "]Q3", "]e0":
                    if (rest.isEmpty()) {
                        throw new Refusal("scan has no data after the symbology identifier " + identifier);
                    }
                    return ElementStringSyntax.parse(rest, currentYear);
                case "]d1", "]Q1":
                    if (!DigitalLinkSyntax.looksLikeDigitalLink(rest)) {
                        throw new Refusal("symbology identifier " + identifier + " marks a plain (non-GS1) symbol;"
                                + " it is accepted only when it carries a GS1 Digital Link URI");
                    }
                    return DigitalLinkSyntax.parse(rest, currentYear);
                default:
                    throw new Refusal("symbology identifier " + Gs1Text.quote(identifier) + " is not supported;"
                            + " accepted are ]d2, ]C1, ]Q3, ]e0 (GS1 element strings) and ]d1, ]Q1 (Digital Link)");
            }
        }
        if (DigitalLinkSyntax.looksLikeDigitalLink(s)) {
            return DigitalLinkSyntax.parse(s, currentYear);
        }
        if (s.charAt(0) == '(') {
            return BracketedSyntax.parse(s, currentYear);
        }
        return ElementStringSyntax.parse(s, currentYear);
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
