package org.exotrace.platform.boundary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicBaseUrlTest {

    @Test
    void anAddressKeepsItsPathAndQueryUnderThePublicOrigin() {
        URI origin = PublicBaseUrl.parse("https://exotrace.clinic.example/");
        assertEquals(URI.create("https://exotrace.clinic.example/fhir/MedicationAdministration?patient=P%201&_count=2"),
                PublicBaseUrl.rebase(URI.create("http://evil.example:8080/fhir/MedicationAdministration?patient=P%201&_count=2"), origin));
        assertEquals(URI.create("http://10.0.0.5:8443/api/"), PublicBaseUrl.rebase(URI.create("http://localhost:8080/api/"),
                PublicBaseUrl.parse("http://10.0.0.5:8443")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"exotrace.clinic.example", "ftp://exotrace.clinic.example", "https://exotrace.clinic.example/exotrace",
            "https://user@exotrace.clinic.example", "https://exotrace.clinic.example?x=1", "https://", "https://exo trace"})
    void aValueThatIsNotSchemeHostAndPortIsRefused(String value) {
        assertThrows(IllegalArgumentException.class, () -> PublicBaseUrl.parse(value));
    }

    @Test
    void onlyLoopbackNamesKeepTheirOwnAddress() {
        for (String host : new String[] {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]"}) {
            assertTrue(PublicBaseUrl.loopback(host), host);
        }
        for (String host : new String[] {"evil.example", "localhost.evil.example", "127.0.0.1.evil.example", "10.0.0.5", "[::2]"}) {
            assertFalse(PublicBaseUrl.loopback(host), host);
        }
        assertFalse(PublicBaseUrl.loopback(null));
    }
}
