package org.exotrace.qc.entity;

import org.exotrace.lot.entity.Lot;
import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.exotrace.qc.entity.QcFixtures.ENDOTOXIN;
import static org.exotrace.qc.entity.QcFixtures.NOW;
import static org.exotrace.qc.entity.QcFixtures.SPECS;
import static org.exotrace.qc.entity.QcFixtures.allPassing;
import static org.exotrace.qc.entity.QcFixtures.correction;
import static org.exotrace.qc.entity.QcFixtures.lot;
import static org.exotrace.qc.entity.QcFixtures.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReleasePolicyTest {

    private final Lot lot = lot();
    private final QcReview review = QcReview.of(SPECS, allPassing(lot));

    @Test
    void withOneSignerTheFirstSignatureReleases() {
        assertEquals(ReleasePolicy.Step.RELEASE, ReleasePolicy.next(false, List.of(), review, "qa.tanaka"));
    }

    @Test
    void withFourEyesTheFirstSignatureWaitsAndASecondSignerReleases() {
        assertEquals(ReleasePolicy.Step.AWAIT_SECOND_SIGNATURE, ReleasePolicy.next(true, List.of(), review, "qa.tanaka"));
        var first = new ReleaseSignature(lot, "qa.tanaka", "QC reviewed against specification", review, NOW);
        assertEquals(ReleasePolicy.Step.RELEASE, ReleasePolicy.next(true, List.of(first), review, "qa.sato"));
    }

    @Test
    void withFourEyesTheSameSignerCannotCoSign() {
        var first = new ReleaseSignature(lot, "qa.tanaka", "QC reviewed against specification", review, NOW);
        var e = assertThrows(DomainError.class, () -> ReleasePolicy.next(true, List.of(first), review, "qa.tanaka"));
        assertEquals("SECOND_SIGNER_REQUIRED", e.code());
    }

    @Test
    void aSignatureOverResultsThatHaveSinceChangedNoLongerCounts() {
        var first = new ReleaseSignature(lot, "qa.tanaka", "QC reviewed against specification", review, NOW);
        List<AssayResult> results = new ArrayList<>(review.current());
        AssayResult endotoxin = results.stream().filter(r -> r.assay().equals("ENDOTOXIN")).findFirst().orElseThrow();
        results.add(correction(lot, ENDOTOXIN, quantity("ENDOTOXIN", "0.2", "EU/mL"), endotoxin, NOW.plusSeconds(60)));
        QcReview changed = QcReview.of(SPECS, results);
        assertEquals(ReleasePolicy.Step.AWAIT_SECOND_SIGNATURE, ReleasePolicy.next(true, List.of(first), changed, "qa.sato"));
        assertEquals(ReleasePolicy.Step.AWAIT_SECOND_SIGNATURE, ReleasePolicy.next(true, List.of(first), changed, "qa.tanaka"));
    }
}
