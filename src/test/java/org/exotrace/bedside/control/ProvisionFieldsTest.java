package org.exotrace.bedside.control;

import org.exotrace.bedside.entity.Administration;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.Route;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProvisionFieldsTest {

    static Administration.Details dose(String physician, String consentRef) {
        return new Administration.Details("P-1", Route.IV_DRIP, null, null, new BigDecimal("2.0"), Purpose.WELLNESS, null, null,
                physician, consentRef, null, null, null);
    }

    @Test
    void withNothingConfiguredNoProvisionFieldIsRequired() {
        assertDoesNotThrow(() -> Dosing.requireProvisionFields(Optional.empty(), dose(null, null)));
    }

    @Test
    void aConfiguredFieldThatIsMissingIsNamed() {
        var e = assertThrows(DomainError.class,
                () -> Dosing.requireProvisionFields(Optional.of("physician, consentRef"), dose("Dr. Sato", " ")));
        assertEquals(DomainError.Kind.INVALID, e.kind());
        assertEquals("consentRef", e.field());
        assertDoesNotThrow(() -> Dosing.requireProvisionFields(Optional.of("physician,consentRef"), dose("Dr. Sato", "C-17")));
    }
}
