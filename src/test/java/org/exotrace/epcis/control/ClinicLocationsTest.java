package org.exotrace.epcis.control;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClinicLocationsTest {

    private final EpcUris uris = new EpcUris(7);
    private final ClinicLocations clinic = ClinicLocations.of(Optional.of(" 4912345000002 "), uris);

    @Test
    void aStoragePlaceIsAnSglnUnderTheClinicsGlnWithThePlaceAsExtension() {
        assertEquals(Optional.of("urn:epc:id:sgln:4912345.00000.FREEZER-1"), clinic.place("FREEZER-1"));
        assertEquals(Optional.of("urn:epc:id:sgln:4912345.00000.0"), clinic.site());
    }

    @Test
    void aPlaceNamedOutsideWhatAi254CarriesIsTheSiteNotAMadeUpExtension() {
        assertEquals(clinic.site(), clinic.place("冷凍庫 1"));
        assertEquals(clinic.site(), clinic.place("FREEZER-WITH-A-VERY-LONG-NAME"));
        assertEquals(clinic.site(), clinic.place("FRIDGE 2"));
    }

    @Test
    void withoutAGlnThereIsNoPlaceAtAll() {
        ClinicLocations none = ClinicLocations.of(Optional.empty(), uris);
        assertTrue(none.place("FREEZER-1").isEmpty());
        assertTrue(none.site().isEmpty());
        assertTrue(ClinicLocations.of(Optional.of("  "), uris).site().isEmpty());
    }

    @Test
    void aValueThatIsNoGlnIsRefusedNamingTheKey() {
        var wrongCheckDigit = assertThrows(IllegalArgumentException.class, () -> ClinicLocations.of(Optional.of("4912345000004"), uris));
        assertEquals("exotrace.clinic.gln: '4912345000004' is not a GLN: the check digit of 4912345000004 should be 2",
                wrongCheckDigit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClinicLocations.of(Optional.of("urn:epc:id:sgln:4912345.00000.0"), uris));
    }
}
