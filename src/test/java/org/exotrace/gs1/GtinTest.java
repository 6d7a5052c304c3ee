package org.exotrace.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "09506000134352", // GS1 General Specifications / Digital Link examples
        "09520123456788", // GS1 Digital Link standard examples
        "00614141123452", // GS1 US example GTIN-12 614141123452, padded to 14
        "10614141000415",
        "04912345000019", // ExoTrace demo GTIN
    })
    void publishedAndDemoGtinsHaveValidCheckDigits(String gtin) {
        assertTrue(Gtin.isValid(gtin));
        assertEquals(Optional.of(new Gtin(gtin)), Gtin.parse(gtin));
        assertEquals(gtin, Gtin.of(gtin).value());
        assertEquals(gtin.substring(13), Gtin.checkDigit(gtin.substring(0, 13)));
    }

    @Test
    void demoGtinCheckDigitIsNine() {
        assertEquals("9", Gtin.checkDigit("0491234500001"));
    }

    @Test
    void checkDigitOfAllZerosIsZero() {
        assertEquals("0", Gtin.checkDigit("0000000000000"));
        assertTrue(Gtin.isValid("00000000000000"));
    }

    @Test
    void wrongCheckDigitIsRefusedWithExpectedDigitInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gtin.of("09506000134359"));
        assertEquals("GTIN 09506000134359 has check digit 9, expected 2", e.getMessage());
        assertFalse(Gtin.isValid("09506000134359"));
        assertEquals(Optional.empty(), Gtin.parse("09506000134359"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0950600013435", "095060001343520", "0950600013435A", " 9506000134352",
        "0950600013435\u0662", "\uff10\uff19506000134352"})
    void anythingButFourteenAsciiDigitsIsRefused(String candidate) {
        assertFalse(Gtin.isValid(candidate));
        assertEquals(Optional.empty(), Gtin.parse(candidate));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Gtin(candidate));
        assertTrue(e.getMessage().startsWith("GTIN must be exactly 14 digits"), e.getMessage());
    }

    @Test
    void nullIsNotAGtin() {
        assertFalse(Gtin.isValid(null));
        assertEquals(Optional.empty(), Gtin.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Gtin.of(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123456789012", "12345678901234", "123456789012A"})
    void checkDigitNeedsExactlyThirteenDigits(String first13) {
        assertThrows(IllegalArgumentException.class, () -> Gtin.checkDigit(first13));
    }

    @Test
    void checkDigitRefusesNull() {
        assertThrows(IllegalArgumentException.class, () -> Gtin.checkDigit(null));
    }

    @Test
    void toStringIsTheBareDigits() {
        assertEquals("09506000134352", Gtin.of("09506000134352").toString());
    }
}
