package org.exotrace.gs1;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Checks split-out elements as GS1 does (each value against its AI's format, then the rules between AIs) and takes
 * from them what a vial needs: GTIN (01, mandatory here), lot (10), serial (21), expiry (17), production date (11).
 * Every other AI is checked and then left aside. Shared by all syntaxes.
 */
final class Gs1LabelBuilder {

    private Gs1LabelBuilder() {
    }

    /** @throws Refusal with the first rule broken */
    static Gs1Label build(List<Element> elements, BarcodeForm form, int currentYear) {
        for (Element element : elements) {
            boolean date = element.ai().equals("17") || element.ai().equals("11");
            if (date && element.value().length() == 6 && Gs1Text.allAsciiDigits(element.value())) {
                Gs1Dates.parse(element.entry(), element.value(), currentYear); // a real date in its century
            }
            Gs1Values.check(element.entry(), element.value());
        }
        String gtin = value(elements, "01");
        if (gtin == null) {
            throw new Refusal("GTIN (01) is missing; every accepted barcode must carry AI (01)");
        }
        Gs1Values.checkTogether(elements);
        return new Gs1Label(
                new Gtin(gtin),
                date(elements, "17", currentYear),
                Optional.ofNullable(value(elements, "10")),
                Optional.ofNullable(value(elements, "21")),
                date(elements, "11", currentYear),
                form);
    }

    private static String value(List<Element> elements, String ai) {
        return elements.stream().filter(e -> e.ai().equals(ai)).map(Element::value).findFirst().orElse(null);
    }

    private static Optional<LocalDate> date(List<Element> elements, String ai, int currentYear) {
        String value = value(elements, ai);
        return value == null ? Optional.empty()
                : Optional.of(Gs1Dates.parse(Gs1Dictionary.lookup(ai), value, currentYear));
    }
}
