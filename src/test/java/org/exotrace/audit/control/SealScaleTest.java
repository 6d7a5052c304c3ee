package org.exotrace.audit.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exotrace.platform.control.DatabaseMigrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How long sealing and verifying take for a large log (docs/BENCHMARKS.md): not part of the suite, run as
 * {@code mvn -o -q test -Dtest=SealScaleTest -Dexotrace.bench.audit-entries=1000000}. Entries are written by SQL (a dose's
 * shape, about 400 bytes of change each) on an embedded PostgreSQL migrated as the service migrates, sealed by the
 * service's sealing pass, 10 000 a pass, and verified by the verifier behind {@code GET /api/audit/verify}.
 */
@EnabledIfSystemProperty(named = "exotrace.bench.audit-entries", matches = "[0-9]+")
class SealScaleTest {

    @Test
    void sealAndVerify() throws Exception {
        int entries = Integer.parseInt(System.getProperty("exotrace.bench.audit-entries"));
        Path dir = Files.createTempDirectory("exotrace-seal-scale");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
            DatabaseMigrations.flyway(url, "postgres", "", "postgres").migrate();
            Sealing sealing = new Sealing();
            sealing.dataSource = pg.getPostgresDatabase();
            byte[] key = new byte[32];
            key[0] = 7;
            try (Connection db = sealing.dataSource.getConnection(); Statement sql = db.createStatement()) {
                long started = System.nanoTime();
                sql.executeUpdate("""
                        INSERT INTO audit_entry (recorded_at, actor, action, subject_type, subject_id, change, digest)
                        SELECT now(), 'nurse' || (i %% 50), 'DOSE_ADMINISTERED', 'audit-scale', md5(i::text), c, encode(sha256(convert_to(c, 'UTF8')), 'hex')
                          FROM (SELECT i, '{"patientId":"P-' || i || '","route":"IV_DRIP","volumeMl":"2.0","particles":780000000000,'
                                || '"purpose":"WELLNESS","administeredAt":"2026-12-07T06:00:00Z","vials":[{"vialId":"' || md5(i::text)
                                || '","serial":"S-' || i || '","lot":"NFC2611A","product":"EXO-1","volumeMl":"2.0","remainderMl":"0","scanned":true}]}' AS c
                                  FROM generate_series(1, %d) i) g""".formatted(entries));
                System.out.printf("[exotrace] %d entries written in %d ms%n", entries, (System.nanoTime() - started) / 1_000_000);
                sql.execute("VACUUM ANALYZE audit_entry");
            }
            long started = System.nanoTime();
            long sealed = 0;
            long from = 0;
            Sealing.Pass pass;
            do {
                pass = sealing.seal(key, from, AuditSealer.LIMIT, Instant.now());
                sealed += pass.sealed();
                from = Math.max(0, pass.lastSeq() - AuditSealer.WINDOW); // as the sealer looks between its sweeps
            } while (pass.sealed() == AuditSealer.LIMIT);
            long sealMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(entries, sealed);
            try (Connection db = sealing.dataSource.getConnection()) {
                db.createStatement().execute("VACUUM ANALYZE");
                started = System.nanoTime();
                SealVerifier.Result result = new SealVerifier(db, key).verify(List.of());
                long verifyMs = (System.nanoTime() - started) / 1_000_000;
                assertTrue(result.intact(), result::toString);
                assertEquals(entries, result.sealed());
                System.out.printf("[exotrace] sealed %d entries in %d ms (%d passes of %d); verified in %d ms%n",
                        entries, sealMs, (entries + AuditSealer.LIMIT - 1) / AuditSealer.LIMIT, AuditSealer.LIMIT, verifyMs);
            }
        }
    }
}
