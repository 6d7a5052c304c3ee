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

    @Test
    void aSealNeedsTheKeyAndCoversItsPositionAndPredecessor() {
        byte[] key = new byte[32];
        byte[] other = new byte[32];
        other[0] = 1;
        String leaf = AuditHash.leaf(7, AT, "qa1", "LOT_RELEASED", "lot", "NFC2611A", AuditHash.sha256("{}"));
        String seal = AuditHash.seal(key, AuditHash.GENESIS, 1, leaf);
        assertEquals(seal, AuditHash.seal(key, AuditHash.GENESIS, 1, leaf));
        assertNotEquals(seal, AuditHash.seal(other, AuditHash.GENESIS, 1, leaf));
        assertNotEquals(seal, AuditHash.seal(key, AuditHash.GENESIS, 2, leaf));
        assertNotEquals(seal, AuditHash.seal(key, seal, 1, leaf));
        assertNotEquals(leaf, AuditHash.leaf(8, AT, "qa1", "LOT_RELEASED", "lot", "NFC2611A", AuditHash.sha256("{}")));
    }

    @Test
    void aCheckpointIsSignedAndReadBackFromItsExportLine() {
        byte[] key = new byte[32];
        String root = AuditHash.sha256("root");
        Checkpoint made = new Checkpoint(42, root, AT, AuditHash.checkpoint(key, 42, root, AT), AuditHash.keyId(key));
        Checkpoint read = Checkpoint.ofJson(made.json());
        assertEquals(made, read);
        org.junit.jupiter.api.Assertions.assertTrue(read.signedBy(key));
        byte[] other = new byte[32];
        other[31] = 1;
        org.junit.jupiter.api.Assertions.assertFalse(read.signedBy(other));
        org.junit.jupiter.api.Assertions.assertFalse(new Checkpoint(43, root, AT, made.mac(), made.keyId()).signedBy(key));
        assertEquals(new Checkpoint(42, root, null, null, null), Checkpoint.ofText("42." + root));
        assertEquals(null, Checkpoint.ofText("42." + root.toUpperCase()));
        assertEquals(null, Checkpoint.ofText("x." + root));
    }
}
