package org.exotrace.audit.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exotrace.platform.control.DatabaseMigrations;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database written before V21 (entries on the old hash chain) migrates without loss: the first sealing pass verifies
 * the old chain and seals all of it in the first checkpoint; a chain broken before the migration is not sealed.
 */
class LegacyChainMigrationTest {

    @TempDir
    Path dir;
    EmbeddedPostgres pg;
    Sealing sealing;
    final byte[] key = new byte[32];

    @BeforeEach
    void databaseAtV18() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true).start();
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
        Flyway all = DatabaseMigrations.flyway(url, "postgres", "", "postgres");
        Flyway.configure().configuration(all.getConfiguration()).target("18").skipDefaultCallbacks(true).load().migrate();
        sealing = new Sealing();
        sealing.dataSource = pg.getPostgresDatabase();
        key[3] = 42;
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }

    /** Writes {@code n} entries as AuditTrail did before V21: each chained to the one before under the old link. */
    void oldEntries(int n, int brokenAt) throws Exception {
        try (Connection db = sealing.dataSource.getConnection(); PreparedStatement st = db.prepareStatement(
                "INSERT INTO audit_entry (recorded_at, actor, action, subject_type, subject_id, change, digest, prev_hash, hash)"
                        + " VALUES (?, 'qa1', 'LOT_RELEASED', 'lot', ?, ?, ?, ?, ?)")) {
            String previous = AuditHash.GENESIS;
            Instant at = Instant.parse("2026-11-24T10:15:30.123456Z");
            for (int i = 1; i <= n; i++) {
                String change = "{\"n\":" + i + "}";
                String digest = AuditHash.sha256(change);
                Instant when = at.plus(i, ChronoUnit.SECONDS);
                String hash = AuditHash.link(previous, when, "qa1", "LOT_RELEASED", "lot", "L" + i, digest);
                st.setTimestamp(1, Timestamp.from(when));
                st.setString(2, "L" + i);
                st.setString(3, i == brokenAt ? "{\"n\":-1}" : change);
                st.setString(4, i == brokenAt ? AuditHash.sha256("{\"n\":-1}") : digest);
                st.setString(5, previous);
                st.setString(6, hash);
                st.executeUpdate();
                previous = hash;
            }
        }
    }

    void migrate() {
        DatabaseMigrations.flyway("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "", "postgres").migrate();
    }

    @Test
    void anIntactOldChainIsSealedWholeInTheFirstCheckpoint() throws Exception {
        oldEntries(25, 0);
        migrate();
        Sealing.Pass pass = sealing.seal(key, 0, 10, Instant.now());
        assertEquals(25, pass.sealed(), "all the old entries, past the pass's limit");
        assertEquals(25, pass.checkpoint().size());
        try (Connection db = sealing.dataSource.getConnection()) {
            SealVerifier.Result result = new SealVerifier(db, key).verify(List.of(pass.checkpoint()));
            assertTrue(result.intact(), result::toString);
            assertEquals(25, result.sealed());
            assertEquals(0, result.unsealed());
        }
    }

    @Test
    void aBrokenOldChainIsNotSealed() throws Exception {
        oldEntries(5, 3);
        migrate();
        Sealing.LegacyChainBroken broken = assertThrows(Sealing.LegacyChainBroken.class, () -> sealing.seal(key, 0, 10, Instant.now()));
        assertTrue(broken.getMessage().contains("entry 3"), broken::getMessage);
        try (Connection db = sealing.dataSource.getConnection(); Statement sql = db.createStatement()) {
            var r = sql.executeQuery("SELECT count(*) FROM audit_seal");
            r.next();
            assertEquals(0, r.getLong(1));
        }
    }
}
