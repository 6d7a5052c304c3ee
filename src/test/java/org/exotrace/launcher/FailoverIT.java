package org.exotrace.launcher;

import jakarta.json.JsonValue;
import org.exotrace.launcher.ServiceProcessIT.Clinic;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.exotrace.testing.Fixtures.Product;
import org.exotrace.testing.PostgresCluster;
import org.exotrace.testing.ServiceProcess;
import org.exotrace.testing.ServiceProcess.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.exotrace.launcher.ServiceProcessIT.count;
import static org.exotrace.launcher.ServiceProcessIT.dose;
import static org.exotrace.launcher.ServiceProcessIT.dosesAreWhole;
import static org.exotrace.testing.ServiceProcess.freePort;
import static org.exotrace.testing.ServiceProcess.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * High availability on PostgreSQL's own replication (issue 35, ADR 0042), on one machine: a primary and a synchronous
 * standby (PostgreSQL 15 of the machine, {@link PostgresCluster}), the service's jar on the multi-host URL
 * {@code jdbc:postgresql://primary,standby/exotrace?targetServerType=primary} with the standby as its read replica
 * ({@code exotrace.db.read-url}). One service start for both sections: the replica's reports first, then the primary
 * killed under several nurses and the standby promoted.
 * <p>
 * Independent of every other test (its own clusters, ports and data directory) and mostly waiting on processes: it runs
 * beside the others, as {@link ServiceProcessIT} does (ADR 0032).
 */
@Execution(ExecutionMode.CONCURRENT)
class FailoverIT {

    static final String STANDBY = "exotrace_standby";
    static final int NURSES = 4;
    static final int VIALS_PER_NURSE = 25;

    /** Kept when the test fails: the clusters' and the service's logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void aPrimaryKilledMidShiftLosesNoAcknowledgedDoseAndTheReportsReadTheReplica() throws Exception {
        try (PostgresCluster primary = PostgresCluster.primary(dir.resolve("pg"), "primary", freePort(), "exotrace");
             PostgresCluster standby = primary.standby("standby", freePort(), "cluster_name=" + STANDBY)) {
            primary.synchronousStandby(STANDBY);
            Database database = new Database("jdbc:postgresql://" + primary.address() + "," + standby.address()
                    + "/exotrace?targetServerType=primary", PostgresCluster.SUPERUSER, "trust");
            try (ServiceProcess service = ServiceProcess.startOn(database, dir.resolve("service"), freePort(),
                    "-Dexotrace.db.read-url=" + standby.url("exotrace"))) {
                Clinic clinic = Clinic.on(service);
                Product product = clinic.history().product("\"IV_DRIP\"");
                theLotReportReadsTheReplicaAndShowsADoseOnceReplayed(clinic, product, primary, standby);
                aKilledPrimaryAndAPromotedStandbyLoseNoAcknowledgedDoseAndRecordNoneTwice(service, clinic, product, primary, standby);
            }
        }
    }

    /**
     * With the standby's replay paused, a dose is recorded on the primary (the bedside reads the primary: the same vial
     * again is refused) but the lot report, read on the replica, does not show it yet, nor do the regulatory export, FHIR
     * and EPCIS; the report's reads are audited on the primary. Once the standby has replayed, they show it.
     */
    static void theLotReportReadsTheReplicaAndShowsADoseOnceReplayed(Clinic clinic, Product product, PostgresCluster primary,
                                                                     PostgresCluster standby) throws SQLException {
        Lot lot = clinic.history().releasedLot(product, 180, "FREEZER-1", 2);
        String nurse = clinic.nurses().get(0);
        String first = given(clinic, nurse, lot.vialIds().get(0));
        standby.awaitReplayOf(primary);
        assertEquals(Set.of(first), reportedDoses(clinic, lot));
        Elsewhere before = Elsewhere.of(clinic, lot);

        try (Connection replica = standby.connect("exotrace")) {
            replica.createStatement().execute("SELECT pg_wal_replay_pause()");
            String second = given(clinic, nurse, lot.vialIds().get(1));
            Reply again = clinic.api().post("api/administrations", nurse, dose(lot.vialIds().get(1), "P-REPLICA-AGAIN"),
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertEquals(409, again.status(), () -> "the bedside reads the primary, where the vial is used: " + again);
            assertEquals(Set.of(first), reportedDoses(clinic, lot), "the report reads the replica, whose replay is paused");
            assertEquals(before, Elsewhere.of(clinic, lot), "so do the regulatory export, FHIR and EPCIS");

            replica.createStatement().execute("SELECT pg_wal_replay_resume()");
            standby.awaitReplayOf(primary);
            assertEquals(Set.of(first, second), reportedDoses(clinic, lot), "replayed, the replica's report shows the dose");
            Elsewhere after = Elsewhere.of(clinic, lot);
            assertEquals(new Elsewhere(before.regulatoryDoses() + 1, before.fhirDoses() + 1, before.epcisEvents() + 1), after,
                    "and so do the others");
        }
        try (Connection db = primary.connect("exotrace")) {
            assertEquals(3, count(db, "SELECT count(*) FROM audit_entry WHERE action = 'LOT_REPORT_READ' AND subject_id = '"
                    + lot.number() + "'"), "each read of the report audited on the primary");
        }
    }

    static String given(Clinic clinic, String nurse, String vialId) {
        Reply given = clinic.api().post("api/administrations", nurse, dose(vialId, "P-REPLICA"), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);
        return given.json().getString("administrationId");
    }

    static Set<String> reportedDoses(Clinic clinic, Lot lot) {
        Reply report = clinic.api().send("GET", "api/lots/" + lot.number() + "/report", clinic.qa().token(), null, null,
                "Accept", "application/json");
        assertEquals(200, report.status(), report::toString);
        return report.json().getJsonArray("doses").stream().map(JsonValue::asJsonObject)
                .map(d -> d.getString("administrationId")).collect(Collectors.toSet());
    }

    /** The lot's doses as the regulatory export (today's) and FHIR count them, and its EPCIS events. */
    record Elsewhere(int regulatoryDoses, int fhirDoses, int epcisEvents) {

        static Elsewhere of(Clinic clinic, Lot lot) {
            String qa = clinic.qa().token();
            Reply export = clinic.api().get("api/reports/regulatory-export?from=" + Fixtures.today().minusDays(1) + "&to="
                    + Fixtures.today().plusDays(1), qa);
            Reply fhir = clinic.api().get("/fhir/MedicationAdministration?lot=" + lot.number(), qa);
            Reply epcis = clinic.api().get("api/epcis/events?lot=" + lot.number(), qa);
            for (Reply reply : List.of(export, fhir, epcis)) {
                assertEquals(200, reply.status(), reply::toString);
            }
            return new Elsewhere(export.json().getInt("doseCount"), fhir.json().getInt("total"),
                    epcis.json().getJsonObject("epcisBody").getJsonArray("eventList").size());
        }
    }

    /** A dose acknowledged with 201: its id, and what a replay of it sends. */
    record Acknowledged(String administrationId, String nurse, String key, String body) {
    }

    /**
     * Nurses give doses one after another, each retrying a refused one with the same Idempotency-Key until it is answered
     * 201; when 20 are acknowledged the primary's postmaster is killed with SIGKILL and, a second later, the standby is
     * promoted. Every answer is 201 or 503 DATABASE_UNAVAILABLE; readiness goes DOWN and UP again; every acknowledged dose
     * is on the new primary, whole, each vial in one dose; a replay of each answers the original; the audit chain is intact.
     */
    static void aKilledPrimaryAndAPromotedStandbyLoseNoAcknowledgedDoseAndRecordNoneTwice(ServiceProcess service, Clinic clinic, Product product,
                                                                                         PostgresCluster primary, PostgresCluster standby)
            throws Exception {
        Lot lot = clinic.history().releasedLot(product, 180, "FREEZER-1", NURSES * VIALS_PER_NURSE);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
        AtomicLong firstAfterKill = new AtomicLong(Long.MAX_VALUE);
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        ExecutorService pool = Executors.newFixedThreadPool(NURSES + 1);
        try {
            List<CompletableFuture<Void>> nurses = new ArrayList<>();
            for (int n = 0; n < NURSES; n++) {
                int nurse = n;
                Api own = new Api(service.base());
                nurses.add(CompletableFuture.runAsync(() -> {
                    for (int v = nurse * VIALS_PER_NURSE; v < (nurse + 1) * VIALS_PER_NURSE; v++) {
                        String token = clinic.nurses().get(nurse);
                        String key = UUID.randomUUID().toString();
                        String body = dose(lot.vialIds().get(v), "P-HA-" + v);
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                        while (true) {
                            long sent = System.nanoTime();
                            Reply reply;
                            try {
                                reply = own.post("api/administrations", token, body, "Idempotency-Key", key);
                            } catch (UncheckedIOException e) {
                                refusals.computeIfAbsent("no answer: " + e.getCause(), k -> new AtomicLong()).incrementAndGet();
                                sleep(100);
                                continue;
                            }
                            if (reply.status() == 201) {
                                acknowledged.add(new Acknowledged(reply.json().getString("administrationId"), token, key, body));
                                if (sent > killedAt.get()) {
                                    firstAfterKill.accumulateAndGet(System.nanoTime(), Math::min);
                                }
                                break;
                            }
                            refusals.computeIfAbsent(reply.status() + " " + (reply.isProblem() ? reply.code() : reply.body()),
                                    k -> new AtomicLong()).incrementAndGet();
                            assertTrue(System.nanoTime() < deadline, () -> "a dose still refused after 60 s: " + reply);
                            sleep(100);
                        }
                    }
                }, pool));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 20 && System.nanoTime() < deadline) {
                sleep(20);
            }
            assertTrue(acknowledged.size() >= 20, "the doses were under way: " + acknowledged.size());

            AtomicBoolean watching = new AtomicBoolean(true);
            CompletableFuture<long[]> readiness = CompletableFuture.supplyAsync(() -> watchReadiness(service, watching), pool);
            long killed = System.nanoTime();
            primary.kill();
            long gone = System.nanoTime();
            killedAt.set(killed);
            int acknowledgedBeforeKill = acknowledged.size();
            sleep(1000);
            long promoting = System.nanoTime();
            standby.promote();
            long promoted = System.nanoTime();

            CompletableFuture.allOf(nurses.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            long ready = System.nanoTime();
            while (service.readiness() != 200 && System.nanoTime() - ready < TimeUnit.SECONDS.toNanos(30)) {
                sleep(100);
            }
            watching.set(false);
            long[] downAndUp = readiness.get(10, TimeUnit.SECONDS);

            assertTrue(refusals.keySet().stream().allMatch(r -> r.equals("503 DATABASE_UNAVAILABLE")),
                    () -> "during the switch every refusal is 503 DATABASE_UNAVAILABLE, never a 500: " + refusals);
            assertTrue(downAndUp[0] > 0, "readiness went DOWN after the kill");
            assertTrue(downAndUp[1] > downAndUp[0], "and UP again after the promotion");
            assertEquals(NURSES * VIALS_PER_NURSE, acknowledged.size(), "every dose answered 201 in the end");

            try (Connection db = standby.connect("exotrace")) {
                assertFalse(inRecovery(db), "the standby is the primary now");
                List<String> ids = acknowledged.stream().map(Acknowledged::administrationId).toList();
                dosesAreWhole(db, new ConcurrentLinkedQueue<>(ids));
                assertEquals(ids.size(), Set.copyOf(ids).size(), "no dose acknowledged twice");
                assertEquals(NURSES * VIALS_PER_NURSE, count(db, "SELECT count(*) FROM administration_vial av JOIN lot l ON l.id = av.lot_id"
                        + " WHERE l.lot_number = '" + lot.number() + "'"), "one dose per vial of the lot, none twice");
            }
            for (Acknowledged dose : acknowledged) {
                Reply replay = clinic.api().post("api/administrations", dose.nurse(), dose.body(), "Idempotency-Key", dose.key());
                assertEquals(201, replay.status(), replay::toString);
                assertEquals("true", replay.header("Idempotent-Replayed"), replay::toString);
                assertEquals(dose.administrationId(), replay.json().getString("administrationId"), "a replay answers the original");
            }
            clinic.auditChainIsIntact();

            System.out.printf("[exotrace] failover: %d doses acknowledged before the SIGKILL of the primary (postmaster gone %d ms after"
                            + " it); ready DOWN %d ms after it; standby promoted %d ms after it (pg_ctl promote -w took %d ms); first 201 of"
                            + " a dose sent after the kill %d ms after it (%d ms after pg_ctl promote returned); ready UP %d ms after the kill;"
                            + " refusals %s; %d doses, every one on the new primary once%n",
                    acknowledgedBeforeKill, ms(gone - killed), ms(downAndUp[0] - killed), ms(promoted - killed), ms(promoted - promoting),
                    ms(firstAfterKill.get() - killed), ms(firstAfterKill.get() - promoted), ms(downAndUp[1] - killed), refusals,
                    acknowledged.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls {@code /health/ready} every 50 ms until told to stop: when it was first not 200, and when 200 again after that. */
    static long[] watchReadiness(ServiceProcess service, AtomicBoolean watching) {
        long down = 0;
        long up = 0;
        while (watching.get()) {
            int status = service.readiness();
            long now = System.nanoTime();
            if (status != 200 && down == 0) {
                down = now;
            } else if (status == 200 && down != 0 && up == 0) {
                up = now;
            }
            sleep(50);
        }
        return new long[]{down, up};
    }

    static boolean inRecovery(Connection db) throws SQLException {
        var r = db.createStatement().executeQuery("SELECT pg_is_in_recovery()");
        r.next();
        return r.getBoolean(1);
    }

    static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
