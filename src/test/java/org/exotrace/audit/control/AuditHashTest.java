package org.exotrace.audit.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AuditHashTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:15:30.123456Z");

    private static String link(String previous, String actor) {
        return AuditHash.link(previous, AT, actor, "LOT_RELEASED", "lot", "NFC2611A", AuditHash.sha256("{}"));
    }

    @Test
    void theSameEntryAfterTheSamePredecessorHashesTheSame() {
        assertEquals(link(AuditHash.GENESIS, "qa1"), link(AuditHash.GENESIS, "qa1"));
    }

    @Test
    void changingAnyFieldChangesTheHash() {
        assertNotEquals(link(AuditHash.GENESIS, "qa1"), link(AuditHash.GENESIS, "qa2"));
    }

    @Test
    void theHashDependsOnThePreviousEntrySoHistoryCannotBeReordered() {
        String first = link(AuditHash.GENESIS, "qa1");
        assertNotEquals(link(first, "qa2"), link(AuditHash.GENESIS, "qa2"));
    }

    @Test
    void sha256IsTheStandardDigest() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", AuditHash.sha256(""));
    }
}
