package org.exotrace.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What must hold for every parse result, whatever the input. */
final class ResultInvariants {

    private ResultInvariants() {
    }

    static void assertWellFormed(BarcodeParseResult result) {
        assertNotNull(result);
        if (result instanceof Gs1Label label) {
            assertTrue(Gtin.isValid(label.gtin().value()), () -> "accepted an invalid GTIN: " + label);
            label.lot().ifPresent(ResultInvariants::assertSet82Value);
            label.serial().ifPresent(ResultInvariants::assertSet82Value);
            assertNotNull(label.form());
        } else {
            String reason = ((BarcodeParseResult.Invalid) result).reason();
            assertFalse(reason.isBlank());
            assertFalse(reason.contains("internal parser error"), reason);
            assertTrue(reason.chars().allMatch(c -> c >= 0x20 && c < 0x7F),
                    () -> "reason is not printable ASCII: " + reason);
            assertTrue(reason.length() < 600, () -> "reason too long: " + reason.length());
        }
    }

    private static void assertSet82Value(String value) {
        assertTrue(value.length() >= 1 && value.length() <= 20, value);
        for (char c : value.toCharArray()) {
            assertTrue(Gs1TestEncoder.SET_82.indexOf(c) >= 0, () -> "not set 82: " + value);
        }
        assertEquals(value, value.strip());
    }
}
