package org.exotrace.bedside.entity;

import org.exotrace.catalog.entity.Route;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.exotrace.bedside.entity.AdministrationTest.NOW;
import static org.exotrace.bedside.entity.AdministrationTest.SHIFT;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who may correct a dose, and when (ADR 0040): the nurse who recorded it within her shift, QA at any time, once. */
class DoseCorrectionTest {

    static final Administration DOSE = AdministrationTest.record(AdministrationTest.details(Route.IV_DRIP, null, "2.0", Purpose.WELLNESS,
            null, null, null), List.of(AdministrationTest.scanned(BedsideRulesTest.usable())));

    static String refusal(String caller, boolean qa, Duration after, Optional<DoseCorrection> earlier) {
        return assertThrows(DomainError.class, () -> DoseCorrection.requireMayCorrect(DOSE, earlier, caller, qa, NOW.plus(after), SHIFT)).code();
    }

    @Test
    void theNurseWhoRecordedItCorrectsItUntilHerShiftIsOver() {
        assertDoesNotThrow(() -> DoseCorrection.requireMayCorrect(DOSE, Optional.empty(), "nurse.ito", false, NOW.plus(SHIFT), SHIFT));
        assertEquals("CORRECTION_WINDOW_PASSED", refusal("nurse.ito", false, SHIFT.plusSeconds(1), Optional.empty()));
    }

    @Test
    void anotherNurseNeverAndQaAlways() {
        assertEquals("NOT_YOUR_DOSE", refusal("nurse.sato", false, Duration.ofMinutes(1), Optional.empty()));
        assertDoesNotThrow(() -> DoseCorrection.requireMayCorrect(DOSE, Optional.empty(), "qa.kato", true, NOW.plus(Duration.ofDays(400)), SHIFT));
    }

    @Test
    void aDoseIsCorrectedOnceEvenByQa() {
        DoseCorrection voided = DoseCorrection.of(DOSE, Optional.empty(), "not given", false, false, "nurse.ito", NOW);
        assertEquals(DoseCorrection.Action.VOID, voided.action());
        assertEquals("DOSE_ALREADY_CORRECTED", refusal("qa.kato", true, Duration.ofMinutes(1), Optional.of(voided)));
        assertEquals("VALIDATION_FAILED", assertThrows(DomainError.class,
                () -> DoseCorrection.of(DOSE, Optional.empty(), " ", false, false, "nurse.ito", NOW)).code());
    }
}
