package org.exotrace.bedside.barcode;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates split-out elements against the AI rules (lengths, digits, check digit, character set 82,
 * dates, duplicates, mandatory GTIN) and assembles the {@link Gs1Label}. Shared by all three syntaxes.
 */
final class Gs1LabelBuilder {

    private Gs1LabelBuilder() {
    }

    /** @throws Refusal with the first rule broken */
    static Gs1Label build(List<Element> elements, BarcodeForm form, int currentYear) {
        Map<Gs1Ai, String> values = new EnumMap<>(Gs1Ai.class);
        for (Element element : elements) {
            Gs1Ai ai = element.ai();
            String value = element.value();
            checkValue(ai, value, currentYear);
            String previous = values.putIfAbsent(ai, value);
            if (previous != null && !previous.equals(value)) {
                throw new Refusal(ai.label() + " appears twice with different values: "
                        + Gs1Text.quote(previous) + " and " + Gs1Text.quote(value));
            }
        }
        String gtin = values.get(Gs1Ai.GTIN);
        if (gtin == null) {
            throw new Refusal("GTIN (01) is missing; every accepted barcode must carry AI (01)");
        }
        return new Gs1Label(
                new Gtin(gtin),
                date(values, Gs1Ai.EXPIRY, currentYear),
                Optional.ofNullable(values.get(Gs1Ai.LOT)),
                Optional.ofNullable(values.get(Gs1Ai.SERIAL)),
                date(values, Gs1Ai.PRODUCTION_DATE, currentYear),
                form);
    }

    private static Optional<LocalDate> date(Map<Gs1Ai, String> values, Gs1Ai ai, int currentYear) {
        String value = values.get(ai);
        return value == null ? Optional.empty() : Optional.of(Gs1Dates.parse(ai, value, currentYear));
    }

    /** Checks one value in isolation; dates are fully checked here too, so errors come in scan order. */
    static void checkValue(Gs1Ai ai, String value, int currentYear) {
        if (ai.fixedLength) {
            if (value.length() != ai.length || !Gs1Text.allAsciiDigits(value)) {
                throw new Refusal(ai.label() + " must be exactly " + ai.length + " digits, got "
                        + Gs1Text.quote(value) + " (" + value.length() + " characters)");
            }
            if (ai == Gs1Ai.GTIN) {
                String problem = Gtin.problemWith(value);
                if (problem != null) {
                    throw new Refusal(problem);
                }
            } else {
                Gs1Dates.parse(ai, value, currentYear);
            }
            return;
        }
        if (value.isEmpty()) {
            throw new Refusal(ai.label() + " is empty; it needs 1 to " + ai.length + " characters");
        }
        int bad = Gs1Text.firstOutsideSet82(value);
        if (bad >= 0) {
            throw new Refusal(ai.label() + " contains " + Gs1Text.describeChar(value.charAt(bad))
                    + ", which is not in the GS1 AI encodable character set 82");
        }
        if (value.length() > ai.length) {
            throw new Refusal(ai.label() + " is " + value.length() + " characters long; at most "
                    + ai.length + " are allowed");
        }
    }
}
