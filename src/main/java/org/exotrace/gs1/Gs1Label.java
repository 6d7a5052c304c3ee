package org.exotrace.gs1;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A successfully parsed GS1 label. Only the GTIN is mandatory; whether a lot, serial or expiry is
 * required for a given use (e.g. a vial scan) is the caller's decision.
 *
 * @param gtin           AI (01), check digit already validated
 * @param expiry         AI (17); day "00" is resolved to the last day of the month
 * @param lot            AI (10), 1..20 characters of GS1 character set 82
 * @param serial         AI (21), 1..20 characters of GS1 character set 82
 * @param productionDate AI (11); day "00" is resolved to the first day of the month
 * @param form           the syntax the scan arrived in
 */
public record Gs1Label(
        Gtin gtin,
        Optional<LocalDate> expiry,
        Optional<String> lot,
        Optional<String> serial,
        Optional<LocalDate> productionDate,
        BarcodeForm form) implements BarcodeParseResult {

    public Gs1Label {
        Objects.requireNonNull(gtin, "gtin");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(productionDate, "productionDate");
        Objects.requireNonNull(form, "form");
    }
}
