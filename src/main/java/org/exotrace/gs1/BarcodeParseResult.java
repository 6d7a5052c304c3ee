package org.exotrace.gs1;

import java.util.Objects;

/**
 * Outcome of {@link Gs1BarcodeParser#parse(String)}: either a {@link Gs1Label} or an {@link Invalid}
 * carrying an English reason. The parser never throws, so every scan ends up as one of the two.
 */
public sealed interface BarcodeParseResult permits Gs1Label, BarcodeParseResult.Invalid {

    /**
     * The scan was refused (BARCODE_INVALID).
     *
     * @param reason human-readable English explanation, e.g. "GTIN 09506000134359 has check digit 9, expected 2"
     */
    record Invalid(String reason) implements BarcodeParseResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
