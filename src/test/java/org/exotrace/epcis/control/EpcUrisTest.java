package org.exotrace.epcis.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpcUrisTest {

    private final EpcUris sevenDigitPrefix = new EpcUris(7);

    @Test
    void anSgtinMovesTheIndicatorDigitBeforeTheItemReferenceAndDropsTheCheckDigit() {
        // TDS example: GTIN 80614141123458, company prefix 0614141, serial 6789
        assertEquals("urn:epc:id:sgtin:0614141.812345.6789", sevenDigitPrefix.sgtin("80614141123458", "6789"));
    }

    @Test
    void theDemoGtinSplitsAtTheConfiguredPrefixLength() {
        assertEquals("urn:epc:id:sgtin:4912345.000001.0001", sevenDigitPrefix.sgtin("04912345000019", "0001"));
        assertEquals("urn:epc:id:sgtin:491234500.0001.0001", new EpcUris(9).sgtin("04912345000019", "0001"));
    }

    @Test
    void aSerialIsEscapedAsTheTagDataStandardAsks() {
        assertEquals("urn:epc:id:sgtin:4912345.000001.A%2FB%25C%26D%3FE%22F%3CG%3EH", sevenDigitPrefix.sgtin("04912345000019", "A/B%C&D?E\"F<G>H"));
        assertEquals("urn:epc:id:sgtin:4912345.000001.Q1-2_3.4", sevenDigitPrefix.sgtin("04912345000019", "Q1-2_3.4"));
    }

    @Test
    void everySerialOfGs1CharacterSet82GivesAnSgtinOfTheTagDataStandardsGrammar() {
        String set82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
        java.util.regex.Pattern grammar = java.util.regex.Pattern.compile(
                "urn:epc:id:sgtin:[0-9]+\\.[0-9]+\\.(?:[-A-Za-z0-9_!'()*+,.:;=]|%[0-9A-F]{2})+");
        for (char c : set82.toCharArray()) {
            String serial = "S" + c + "1";
            String sgtin = sevenDigitPrefix.sgtin("04912345000019", serial);
            assertTrue(grammar.matcher(sgtin).matches(), sgtin);
            assertEquals(serial, java.net.URLDecoder.decode(sgtin.split("\\.", 3)[2].replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aGlnBecomesAnSglnWithoutExtension() {
        // TDS example: GLN 0614141123452, company prefix 0614141
        assertEquals("urn:epc:id:sgln:0614141.12345.0", sevenDigitPrefix.sgln("0614141123452"));
    }

    @Test
    void aLotIsAnLgtinClass() {
        assertEquals("urn:epc:class:lgtin:4912345.000001.NFC2611A", sevenDigitPrefix.lgtin("04912345000019", "NFC2611A"));
    }

    @Test
    void aPlaceWithinTheSiteIsTheSglnExtensionEscapedAsASerialIs() {
        // TDS example: GLN 0614141123452 with extension 5678
        assertEquals("urn:epc:id:sgln:0614141.12345.5678", sevenDigitPrefix.sgln("0614141123452", "5678"));
        assertEquals("urn:epc:id:sgln:4912345.00000.FREEZER-1", sevenDigitPrefix.sgln("4912345000002", "FREEZER-1"));
        assertEquals("urn:epc:id:sgln:4912345.00000.A%2FB", sevenDigitPrefix.sgln("4912345000002", "A/B"));
    }

    @Test
    void aGlnHasThirteenDigitsEndingInItsCheckDigit() {
        assertTrue(EpcUris.glnProblem("0614141123452").isEmpty());
        assertTrue(EpcUris.glnProblem("4912345000002").isEmpty());
        assertEquals("the check digit of 4912345000004 should be 2", EpcUris.glnProblem("4912345000004").orElseThrow());
        assertEquals("a GLN has 13 digits", EpcUris.glnProblem("491234500000").orElseThrow());
        assertEquals("a GLN has 13 digits", EpcUris.glnProblem("491234500000X").orElseThrow());
    }

    @Test
    void aCompanyPrefixHasSixToTwelveDigits() {
        assertThrows(IllegalArgumentException.class, () -> new EpcUris(5));
        assertThrows(IllegalArgumentException.class, () -> new EpcUris(13));
        assertThrows(IllegalArgumentException.class, () -> sevenDigitPrefix.sgtin("4912345000019", "1"));
    }

    @Test
    void theTimeZoneOffsetIsWrittenWithHoursAndMinutesEvenForUtc() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        assertEquals("+09:00", LotEvents.offset(ZoneId.of("Asia/Tokyo"), at));
        assertEquals("+00:00", LotEvents.offset(ZoneId.of("UTC"), at));
        assertEquals("-05:00", LotEvents.offset(ZoneId.of("America/New_York"), at));
        assertEquals("+05:30", LotEvents.offset(ZoneId.of("Asia/Kolkata"), at));
    }
}
