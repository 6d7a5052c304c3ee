package org.exotrace.qc.entity;

import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.lot.entity.Lot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.exotrace.qc.entity.QcFixtures.ENDOTOXIN;
import static org.exotrace.qc.entity.QcFixtures.NOW;
import static org.exotrace.qc.entity.QcFixtures.SPECS;
import static org.exotrace.qc.entity.QcFixtures.STERILITY;
import static org.exotrace.qc.entity.QcFixtures.allPassing;
import static org.exotrace.qc.entity.QcFixtures.correction;
import static org.exotrace.qc.entity.QcFixtures.judged;
import static org.exotrace.qc.entity.QcFixtures.lot;
import static org.exotrace.qc.entity.QcFixtures.outcome;
import static org.exotrace.qc.entity.QcFixtures.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QcReviewTest {

    private final Lot lot = lot();

    @Test
    void aLotWithNoResultsMissesEveryRequiredAssayInAlphabeticalOrder() {
        QcReview review = QcReview.of(SPECS, List.of());
        assertEquals(List.of("CD63_IDENTITY", "ENDOTOXIN", "PARTICLE_COUNT", "PROTEIN", "STERILITY"), review.missing());
        assertFalse(review.passed());
    }

    @Test
    void passingResultsForEveryAssayMakeTheLotReleasable() {
        QcReview review = QcReview.of(SPECS, allPassing(lot));
        assertTrue(review.passed());
        assertEquals(List.of(), review.failing());
    }

    @Test
    void oneFailingAssayIsNamed() {
        List<AssayResult> results = new ArrayList<>(allPassing(lot).subList(0, 2));
        results.add(judged(lot, ENDOTOXIN, quantity("ENDOTOXIN", "0.9", "EU/mL"), NOW));
        QcReview review = QcReview.of(SPECS, results);
        assertEquals(List.of("ENDOTOXIN"), review.failing());
        assertEquals(List.of("PARTICLE_COUNT", "PROTEIN"), review.missing());
    }

    @Test
    void aCorrectionReplacesTheResultItSupersedes() {
        List<AssayResult> results = new ArrayList<>(allPassing(lot));
        AssayResult positive = judged(lot, STERILITY, outcome("STERILITY", QualitativeOutcome.POSITIVE), NOW);
        results.removeIf(r -> r.assay().equals("STERILITY"));
        results.add(positive);
        assertEquals(List.of("STERILITY"), QcReview.of(SPECS, results).failing());

        results.add(correction(lot, STERILITY, outcome("STERILITY", QualitativeOutcome.NEGATIVE), positive, NOW.plusSeconds(60)));
        QcReview corrected = QcReview.of(SPECS, results);
        assertTrue(corrected.passed());
        assertFalse(corrected.current().contains(positive));
    }

    @Test
    void theSignedContentChangesWhenAResultIsCorrected() {
        List<AssayResult> results = new ArrayList<>(allPassing(lot));
        String before = QcReview.of(SPECS, results).signedContent();
        assertEquals(before, QcReview.of(SPECS, List.copyOf(results)).signedContent());
        AssayResult endotoxin = results.stream().filter(r -> r.assay().equals("ENDOTOXIN")).findFirst().orElseThrow();
        results.add(correction(lot, ENDOTOXIN, quantity("ENDOTOXIN", "0.13", "EU/mL"), endotoxin, NOW.plusSeconds(60)));
        String after = QcReview.of(SPECS, results).signedContent();
        assertNotEquals(before, after);
        assertTrue(after.contains("0.13 EU/mL"), after);
    }
}
