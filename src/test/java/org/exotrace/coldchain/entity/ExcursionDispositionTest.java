package org.exotrace.coldchain.entity;

import org.exotrace.platform.error.DomainError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExcursionDispositionTest {

    static final Instant STARTED = Instant.parse("2026-12-06T18:10:00Z");
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    static final StoragePlace FREEZER = new StoragePlace("FREEZER-1", "-80 °C freezer", PlaceKind.FREEZER, new BigDecimal("-90"),
            new BigDecimal("-60"), null, "qa", NOW);

    private static ExcursionDisposition decide(Disposition decision, String justification, int held, boolean open) {
        return ExcursionDisposition.decide(FREEZER, ExcursionKind.OUT_OF_RANGE, STARTED, decision, justification, held, open, "qa", NOW);
    }

    @Test
    void heldVialsAreReleasedOnceTheExcursionEnded() {
        ExcursionDisposition d = decide(Disposition.RELEASE, "  stability data allow 30 minutes above -60 °C ", 3, false);
        assertEquals(Disposition.RELEASE, d.decision());
        assertEquals("stability data allow 30 minutes above -60 °C", d.justification());
        assertEquals(3, d.vials());
        assertEquals(STARTED, d.startedAt());
    }

    @Test
    void aReleaseWhileTheExcursionLastsIsRefused() {
        DomainError refused = assertThrows(DomainError.class, () -> decide(Disposition.RELEASE, "looks fine", 1, true));
        assertEquals("EXCURSION_OPEN", refused.code());
    }

    @Test
    void heldVialsMayBeWastedWhileTheExcursionLasts() {
        assertEquals(Disposition.WASTE, decide(Disposition.WASTE, "freezer failed overnight", 12, true).decision());
    }

    @Test
    void anExcursionThatHoldsNothingCannotBeDisposedOf() {
        assertEquals("NOTHING_HELD", assertThrows(DomainError.class, () -> decide(Disposition.WASTE, "freezer failed", 0, false)).code());
    }

    @Test
    void aDispositionNeedsAJustification() {
        assertThrows(DomainError.class, () -> decide(Disposition.RELEASE, " ok ", 1, false));
        assertThrows(DomainError.class, () -> decide(Disposition.RELEASE, null, 1, false));
    }
}
