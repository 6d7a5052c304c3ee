package org.exotrace.qc.entity;

import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.lot.entity.Lot;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.exotrace.qc.entity.QcFixtures.ENDOTOXIN;
import static org.exotrace.qc.entity.QcFixtures.NOW;
import static org.exotrace.qc.entity.QcFixtures.STERILITY;
import static org.exotrace.qc.entity.QcFixtures.judged;
import static org.exotrace.qc.entity.QcFixtures.lot;
import static org.exotrace.qc.entity.QcFixtures.outcome;
import static org.exotrace.qc.entity.QcFixtures.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AssayResultTest {

    private final Lot lot = lot();

    @Test
    void aResultKeepsTheReadingTheJudgementAndTheSpecificationItWasJudgedAgainst() {
        AssayResult r = judged(lot, ENDOTOXIN, quantity("ENDOTOXIN", "0.62", "EU/mL"), NOW);
        assertEquals(Judgement.FAIL, r.judgement());
        assertEquals("0.62 EU/mL", r.reading());
        assertEquals("<= 0.5 EU/mL", r.specification());
        assertEquals(new BigDecimal("0.62"), r.value().orElseThrow());
    }

    @Test
    void aQuantitativeResultNamesItsMethodAndWhenItWasPerformed() {
        var noMethod = new AssayEntry("ENDOTOXIN", new Reading.Quantity(new BigDecimal("0.1"), "EU/mL"), " ", NOW, null, null, null);
        assertEquals("method", assertThrows(DomainError.class, () -> judged(lot, ENDOTOXIN, noMethod, NOW)).field());
        var noTime = new AssayEntry("ENDOTOXIN", new Reading.Quantity(new BigDecimal("0.1"), "EU/mL"), "LAL", null, null, null, null);
        assertEquals("performedAt", assertThrows(DomainError.class, () -> judged(lot, ENDOTOXIN, noTime, NOW)).field());
    }

    @Test
    void aQualitativeResultNeedsOnlyItsOutcome() {
        assertEquals(Judgement.PASS, judged(lot, STERILITY, outcome("STERILITY", QualitativeOutcome.NEGATIVE), NOW).judgement());
    }

    @Test
    void anAssayPerformedInTheFutureIsRefusedBeyondAFewMinutesOfClockSkew() {
        var skewed = new AssayEntry("ENDOTOXIN", new Reading.Quantity(new BigDecimal("0.1"), "EU/mL"), "LAL", NOW.plusSeconds(120), null, null, null);
        judged(lot, ENDOTOXIN, skewed, NOW);
        var future = new AssayEntry("ENDOTOXIN", new Reading.Quantity(new BigDecimal("0.1"), "EU/mL"), "LAL", NOW.plusSeconds(3600), null, null, null);
        assertEquals("performedAt", assertThrows(DomainError.class, () -> judged(lot, ENDOTOXIN, future, NOW)).field());
    }

    @Test
    void aCorrectionNamesTheResultItReplacesAndSaysWhy() {
        AssayResult wrong = judged(lot, ENDOTOXIN, quantity("ENDOTOXIN", "5.0", "EU/mL"), NOW);
        AssayResult fixed = QcFixtures.correction(lot, ENDOTOXIN, quantity("ENDOTOXIN", "0.05", "EU/mL"), wrong, NOW.plusSeconds(60));
        assertEquals(wrong.id(), fixed.supersedes().orElseThrow());
        assertEquals(Judgement.PASS, fixed.judgement());
        assertEquals(Judgement.FAIL, wrong.judgement());

        var noReason = new AssayEntry("ENDOTOXIN", new Reading.Quantity(new BigDecimal("0.05"), "EU/mL"), "LAL", NOW, null, wrong.id(), null);
        assertEquals("reason", assertThrows(DomainError.class,
                () -> AssayResult.judge(lot, ENDOTOXIN, noReason, Optional.of(wrong), ResultSource.API, "qa", NOW)).field());
    }

    @Test
    void aCorrectionOfAnotherAssayOrOfAnUnknownResultIsRefused() {
        AssayResult sterility = judged(lot, STERILITY, outcome("STERILITY", QualitativeOutcome.POSITIVE), NOW);
        var acrossAssays = new AssayEntry("ENDOTOXIN", new Reading.Quantity(new BigDecimal("0.05"), "EU/mL"), "LAL", NOW, null,
                sterility.id(), "typo");
        assertEquals("supersedes", assertThrows(DomainError.class,
                () -> AssayResult.judge(lot, ENDOTOXIN, acrossAssays, Optional.of(sterility), ResultSource.API, "qa", NOW)).field());
        var unknown = new AssayEntry("ENDOTOXIN", new Reading.Quantity(new BigDecimal("0.05"), "EU/mL"), "LAL", NOW, null,
                QcFixtures.anyId(), "typo");
        assertEquals("UNKNOWN_RESULT", assertThrows(DomainError.class,
                () -> AssayResult.judge(lot, ENDOTOXIN, unknown, Optional.empty(), ResultSource.API, "qa", NOW)).code());
    }
}
