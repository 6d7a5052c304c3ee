package org.exotrace.gs1;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a vial's label carries, as GS1 writes it: (01) GTIN, (17) expiry, (10) lot, (21) serial. The fixed-length
 * fields first, then the lot, closed by a separator, then the serial, which ends the data and needs none (GS1 General
 * Specifications 7.8.5). The inverse of what {@link Gs1BarcodeParser} reads from a vial.
 *
 * @param expiry the lot's expiry date, written as YYMMDD
 */
public record Gs1VialCode(Gtin gtin, LocalDate expiry, String lot, String serial) {

    /** The ASCII group separator that a scanner sends for an FNC1 in the middle of the data. */
    public static final char GROUP_SEPARATOR = '\u001D';

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    public Gs1VialCode {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(expiry, "expiry");
        Gs1LotAndSerial.lotProblem(lot).ifPresent(p -> {
            throw new IllegalArgumentException("lot: " + p);
        });
        Gs1LotAndSerial.serialProblem(serial).ifPresent(p -> {
            throw new IllegalArgumentException("serial: " + p);
        });
    }

    /** The expiry as AI (17) carries it: YYMMDD. */
    public String expiryYymmdd() {
        return expiry.format(YYMMDD);
    }

    /** The element string with {@code separator} after the lot: GS as a scanner sends it, or a printer's FNC1 escape. */
    public String elementString(String separator) {
        return elementString(separator, UnaryOperator.identity());
    }

    /** The same, with the lot and serial passed through {@code escape}: a printer language's escape of its own escape character. */
    public String elementString(String separator, UnaryOperator<String> escape) {
        return "01" + gtin.value() + "17" + expiryYymmdd() + "10" + escape.apply(lot) + separator + "21" + escape.apply(serial);
    }

    /** The human-readable interpretation printed under or beside the symbol: {@code (01)…(17)…(10)…(21)…}. */
    public String humanReadable() {
        return "(01)" + gtin.value() + "(17)" + expiryYymmdd() + "(10)" + lot + "(21)" + serial;
    }

    /** The same with square brackets, the form symbol encoders take for GS1 data (set 82 has no square brackets). */
    public String squareBracketed() {
        return "[01]" + gtin.value() + "[17]" + expiryYymmdd() + "[10]" + lot + "[21]" + serial;
    }
}
