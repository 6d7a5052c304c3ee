package org.exotrace.launcher;

import jakarta.json.Json;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.exotrace.testing.Fixtures.Product;
import org.exotrace.testing.AtOnce;
import org.exotrace.testing.ServiceProcess;
import org.exotrace.testing.ServiceProcess.Database;
import org.exotrace.testing.TcpProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.exotrace.testing.ServiceProcess.freePort;
import static org.exotrace.testing.ServiceProcess.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A system test of the package: {@code java -jar target/exotrace.jar} as a process on its embedded PostgreSQL, killed,
 * stopped and restarted. Not Arquillian: the launcher is what is under test.
 * <p>
 * Its cases are independent of every other test (their own data directories, free ports and databases) and mostly
 * wait on processes, so the class runs beside the others: failsafe's JUnit parallelism (two workers, pom.xml) gives it
 * a worker of its own while every other class runs one after another on the other (ADR 0032).
 */
@Execution(ExecutionMode.CONCURRENT)
class ServiceProcessIT {

    static final int CLIENTS = 4;
    static final int VIALS_PER_CLIENT = 40;

    /** Kept when a test fails: the service's log is in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    /** What a test needs on a fresh service: staff, a released lot and nurses. */
    record Clinic(Api api, Staff qa, String inventory, List<String> nurses, Fixtures history) {

        static Clinic on(ServiceProcess service) {
            Api api = new Api(service.base());
            Staff qa = api.newUser(Role.QA);
            String inventory = api.tokenFor(Role.INVENTORY);
            List<String> nurses = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                nurses.add(api.newUserToken(Role.NURSE));
            }
            return new Clinic(api, qa, inventory, nurses, new Fixtures(api, qa, inventory));
        }

        /** The same staff and history, asking {@code other}: an instance on the same database and data directory. */
        Clinic asking(ServiceProcess other) {
            return new Clinic(new Api(other.base()), qa, inventory, nurses, history);
        }

        void auditChainIsIntact() {
            Reply verify = api.get("api/audit/verify", qa.token());
            assertEquals(200, verify.status(), verify::toString);
            assertTrue(verify.json().getBoolean("intact"), verify::toString);
        }
    }

    static String dose(String vialId, String patient) {
        return Json.createObjectBuilder().add("vialId", vialId).add("patientId", patient).add("route", "IV_DRIP")
                .add("volumeMl", 2.0).add("purpose", "WELLNESS").build().toString();
    }

    /**
     * Each client gives the vials of its own slice, one after another, until the service stops answering; the ids of the
     * doses acknowledged with 201 are collected.
     */
    static List<CompletableFuture<Void>> administer(ServiceProcess service, Clinic clinic, Lot lot, ExecutorService pool,
                                                    ConcurrentLinkedQueue<String> acknowledged, AtomicBoolean stop) {
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Api own = new Api(service.base());
            clients.add(CompletableFuture.runAsync(() -> {
                for (int v = client * VIALS_PER_CLIENT; v < (client + 1) * VIALS_PER_CLIENT && !stop.get(); v++) {
                    Reply reply;
                    try {
                        reply = own.post("api/administrations", clinic.nurses().get(client), dose(lot.vialIds().get(v), "P-C" + client + "-" + v),
                                "Idempotency-Key", UUID.randomUUID().toString());
                    } catch (UncheckedIOException gone) {
                        return;
                    }
                    if (reply.status() == 201) {
                        acknowledged.add(reply.json().getString("administrationId"));
                    }
                }
            }, pool));
        }
        return clients;
    }

    static long count(Connection db, String sql) throws SQLException {
        ResultSet rs = db.createStatement().executeQuery(sql);
        assertTrue(rs.next());
        return rs.getLong(1);
    }

    /**
     * The embedded setup through everything that stops it, on one data directory: the JVM killed with SIGKILL mid-stream
     * and started again, then its PostgreSQL's postmaster killed with SIGKILL, then a SIGTERM with requests in flight. One
     * test, so that the service started again after the first kill (a start on an initialised data directory) serves the
     * other two sections instead of two more starts of their own; each section gets a clinic and a lot of its own.
     */
    @Test
    void theEmbeddedSetupLosesNoAcknowledgedDoseToKillMinus9OfItsJvmOrItsPostmasterAndDrainsOnSigterm() throws Exception {
        int http = freePort();
        int db = freePort();
        // Closed last: close() also stops the postmaster that the data directory names, the restarted service's included.
        try (ServiceProcess killed = ServiceProcess.start(dataDir, http, db)) {
            Crash crash = killMinus9MidStream(killed);
            try (ServiceProcess restarted = ServiceProcess.start(dataDir, http, db)) {
                theRestartedServiceHasEveryAcknowledgedDoseAndGivesNoVialTwice(restarted, crash);
                killMinus9OfTheEmbeddedPostmasterIsRecoveredWithoutRestartingTheService(restarted);
                sigtermLetsInFlightRequestsFinishThenExitsZero(restarted);
            }
        }
    }

    /** What a kill -9 of the JVM left: the doses acknowledged before it, and the postmaster that outlived it. */
    record Crash(ConcurrentLinkedQueue<String> acknowledged, ProcessHandle orphan) {
    }

    /** 4 clients give vials, one dose after another; when 20 doses are acknowledged the JVM is killed with SIGKILL. */
    static Crash killMinus9MidStream(ServiceProcess service) throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            Clinic clinic = Clinic.on(service);
            Product product = clinic.history().product("\"IV_DRIP\"");
            Lot lot = clinic.history().releasedLot(product, 180, "FREEZER-1", CLIENTS * VIALS_PER_CLIENT);
            long postmaster = service.postmaster().orElseThrow().pid();

            List<CompletableFuture<Void>> clients = administer(service, clinic, lot, pool, acknowledged, new AtomicBoolean());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < 20 && System.nanoTime() < deadline) {
                sleep(20);
            }
            service.process().toHandle().destroyForcibly();
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertEquals(137, service.awaitExit(Duration.ofSeconds(10)), "killed by SIGKILL");
            assertTrue(acknowledged.size() >= 20, "the stream was under way: " + acknowledged.size() + " doses acknowledged");

            Optional<ProcessHandle> orphan = service.postmaster();
            assertEquals(Optional.of(postmaster), orphan.map(ProcessHandle::pid),
                    "the embedded PostgreSQL outlives the JVM that started it (pg_ctl detaches it)");
            return new Crash(acknowledged, orphan.orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Started again on the same data directory, the launcher stops the postmaster the killed JVM left behind and starts
     * its own; every acknowledged dose is there, no vial is given twice, and the audit chain is intact.
     */
    static void theRestartedServiceHasEveryAcknowledgedDoseAndGivesNoVialTwice(ServiceProcess restarted, Crash crash) throws SQLException {
        ConcurrentLinkedQueue<String> acknowledged = crash.acknowledged();
        assertFalse(crash.orphan().isAlive(), "the launcher stopped the postmaster the killed JVM left behind");
        assertNotEquals(crash.orphan().pid(), restarted.postmaster().orElseThrow().pid(), "the restarted service runs its own postmaster");
        Api api = new Api(restarted.base());
        String reader = api.tokenFor(Role.QA);
        for (String id : acknowledged) {
            Reply dose = api.get("api/administrations/" + id, reader);
            assertEquals(200, dose.status(), () -> "acknowledged dose " + id + " after the crash: " + dose);
        }
        try (Connection database = restarted.database()) {
            assertEquals(0, count(database, "SELECT count(*) FROM (SELECT vial_id FROM administration_vial GROUP BY vial_id HAVING count(*) > 1) twice"),
                    "no vial in two doses");
            assertEquals(0, count(database, "SELECT count(*) FROM (SELECT vial_id FROM stock_movement WHERE kind = 'ADMINISTERED'"
                    + " GROUP BY vial_id HAVING count(*) > 1) twice"), "no vial administered twice in the ledger");
            assertEquals(count(database, "SELECT count(*) FROM administration_vial"),
                    count(database, "SELECT count(*) FROM vial WHERE state = 'ADMINISTERED'"), "every dose's vial is ADMINISTERED, no other");
            long recorded = count(database, "SELECT count(*) FROM administration");
            assertTrue(recorded >= acknowledged.size());
            System.out.printf("[exotrace] kill -9 after %d doses acknowledged; after the restart %d doses recorded, every acknowledged one found%n",
                    acknowledged.size(), recorded);
        }
        Reply verify = api.get("api/audit/verify", reader);
        assertTrue(verify.json().getBoolean("intact"), verify::toString);
    }

    /**
     * Two receipts of 40 000 vials and 4 dose streams are running when the process gets SIGTERM: both receipts answer 201,
     * the process exits 0, and PostgreSQL (here the postmaster the launcher started again after its kill -9) stops with it.
     */
    static void sigtermLetsInFlightRequestsFinishThenExitsZero(ServiceProcess service) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
        try {
            Clinic clinic = Clinic.on(service);
            Product product = clinic.history().product("\"IV_DRIP\"");
            Lot lot = clinic.history().releasedLot(product, 180, "FREEZER-1", CLIENTS * VIALS_PER_CLIENT);
            ProcessHandle postmaster = service.postmaster().orElseThrow();

            List<CompletableFuture<Reply>> slow = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String body = """
                        {"lotNumber":"BIG%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"%s",
                         "expiresOn":"%s","location":"FREEZER-2","vialCount":40000}""".formatted(Api.unique(), product.code(),
                        clinic.history().cpc(), Fixtures.today().minusDays(20), Fixtures.today().plusDays(180));
                Api own = new Api(service.base());
                slow.add(CompletableFuture.supplyAsync(() -> own.post("api/lots", clinic.inventory(), body), pool));
            }
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<CompletableFuture<Void>> clients = administer(service, clinic, lot, pool, acknowledged, stop);
            sleep(400);
            service.process().destroy();
            long signalled = System.nanoTime();

            for (CompletableFuture<Reply> receipt : slow) {
                Reply reply = receipt.get(60, TimeUnit.SECONDS);
                assertEquals(201, reply.status(), "a receipt in flight at SIGTERM completes: " + reply);
            }
            stop.set(true);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertEquals(0, service.awaitExit(Duration.ofSeconds(60)), "a stop by SIGTERM is a clean exit; see " + service.log());
            System.out.printf("[exotrace] SIGTERM to exit: %d ms; 2 receipts of 40 000 vials in flight answered 201; %d doses acknowledged%n",
                    (System.nanoTime() - signalled) / 1_000_000, acknowledged.size());
            assertTrue(postmaster.onExit().get(30, TimeUnit.SECONDS) != null && !postmaster.isAlive(), "PostgreSQL stopped with it");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Doses given one after another, every 200 ms, on vials {@code from} to {@code to} of the lot, until {@code stop}; a
     * refused one (503 while the database is gone) is not tried again. Collects the acknowledged doses' ids.
     */
    static CompletableFuture<Void> lightLoad(ServiceProcess service, String nurse, Lot lot, int from, int to, ExecutorService pool,
                                             ConcurrentLinkedQueue<String> acknowledged, AtomicBoolean stop) {
        Api load = new Api(service.base());
        return CompletableFuture.runAsync(() -> {
            for (int v = from; v < to && !stop.get(); v++) {
                Reply reply = load.post("api/administrations", nurse, dose(lot.vialIds().get(v), "P-LOAD-" + v),
                        "Idempotency-Key", UUID.randomUUID().toString());
                if (reply.status() == 201) {
                    acknowledged.add(reply.json().getString("administrationId"));
                }
                sleep(200);
            }
        }, pool);
    }

    /** The same process records a dose again, and its audit chain is intact. */
    static void healed(Clinic clinic, String nurse, String vial, ConcurrentLinkedQueue<String> acknowledged) {
        Reply given = clinic.api().post("api/administrations", nurse, dose(vial, "P-HEALED"), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, given.status(), () -> "a dose after the database came back, same process: " + given);
        acknowledged.add(given.json().getString("administrationId"));
        clinic.auditChainIsIntact();
    }

    /** Every acknowledged dose is in the database, and every dose there is whole: one ADMINISTERED vial and ledger row each. */
    static long dosesAreWhole(Connection database, ConcurrentLinkedQueue<String> acknowledged) throws SQLException {
        for (String id : acknowledged) {
            assertEquals(1, count(database, "SELECT count(*) FROM administration WHERE id = '" + id + "'"), "acknowledged dose " + id);
        }
        long doses = count(database, "SELECT count(*) FROM administration_vial");
        assertEquals(doses, count(database, "SELECT count(*) FROM vial WHERE state = 'ADMINISTERED'"), "every dose's vial ADMINISTERED, no other");
        assertEquals(doses, count(database, "SELECT count(*) FROM stock_movement WHERE kind = 'ADMINISTERED'"), "one ledger row per dose");
        assertEquals(0, count(database, "SELECT count(*) FROM (SELECT vial_id FROM administration_vial GROUP BY vial_id HAVING count(*) > 1) twice"),
                "no vial in two doses");
        return doses;
    }

    /** The doses recorded on the vials of {@code lot}: a section's own, where the database holds other sections' doses too. */
    static long dosesOf(Connection database, Lot lot) throws SQLException {
        return count(database, "SELECT count(*) FROM administration_vial av JOIN lot l ON l.id = av.lot_id WHERE l.lot_number = '" + lot.number() + "'");
    }

    /**
     * The production setup: PostgreSQL on a machine of its own, which goes away under a light load of doses (every
     * connection through {@code network}, the {@link TcpProxy} the service reaches {@code database} by, cut, new ones
     * refused) and comes back, while the service runs on. {@code clinic} asks {@code service}; {@code lot} has
     * {@code CLIENTS * VIALS_PER_CLIENT} released vials no one has used.
     */
    static void aDatabaseOutageIsReported503FastAndHealsWithoutARestart(ServiceProcess service, TcpProxy network, Database database,
                                                                        Clinic clinic, Lot lot) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            String nurse = clinic.nurses().get(0);
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> light = lightLoad(service, nurse, lot, 0, VIALS_PER_CLIENT, pool, acknowledged, stop);
            sleep(1000);

            network.cut();
            long cut = System.nanoTime();
            while (service.readiness() == 200 && System.nanoTime() - cut < TimeUnit.SECONDS.toNanos(10)) {
                sleep(100);
            }
            long readyDown = (System.nanoTime() - cut) / 1_000_000;
            assertTrue(readyDown <= 5_000, "/health/ready DOWN within 5 s of the outage: " + readyDown + " ms");

            String vial = lot.vialIds().get(CLIENTS * VIALS_PER_CLIENT - 1);
            long asked = System.nanoTime();
            Reply refused = clinic.api().post("api/administrations", nurse, dose(vial, "P-OUT-REFUSED"),
                    "Idempotency-Key", UUID.randomUUID().toString());
            long answered = (System.nanoTime() - asked) / 1_000_000;
            assertEquals(503, refused.status(), refused::toString);
            assertTrue(refused.isProblem(), refused::toString);
            assertEquals("DATABASE_UNAVAILABLE", refused.code(), refused::toString);
            assertTrue(answered <= 5_000, "refused within seconds, not minutes: " + answered + " ms");
            sleep(2000);

            network.restore();
            long restored = System.nanoTime();
            while (service.readiness() != 200 && System.nanoTime() - restored < TimeUnit.SECONDS.toNanos(30)) {
                sleep(100);
            }
            long readyUp = (System.nanoTime() - restored) / 1_000_000;
            assertEquals(200, service.readiness(), "/health/ready UP again without a restart");
            healed(clinic, nurse, vial, acknowledged);
            stop.set(true);
            light.get(60, TimeUnit.SECONDS);

            try (Connection direct = database.connect()) {
                dosesAreWhole(direct, acknowledged);
                long doses = dosesOf(direct, lot);
                assertTrue(doses <= acknowledged.size() + 1,
                        "no dose but the acknowledged ones and at most the one in flight at the cut: " + doses + " for " + acknowledged.size());
                System.out.printf("[exotrace] outage: ready DOWN %d ms after the cut, a dose refused 503 in %d ms, ready UP %d ms after"
                        + " the database came back; %d doses acknowledged, %d recorded%n", readyDown, answered, readyUp, acknowledged.size(), doses);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The default setup: the embedded PostgreSQL's postmaster killed with SIGKILL under a light load of doses. The launcher
     * starts it again on the same data directory (crash recovery); the service heals without a restart.
     */
    static void killMinus9OfTheEmbeddedPostmasterIsRecoveredWithoutRestartingTheService(ServiceProcess service) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            Clinic clinic = Clinic.on(service);
            Product product = clinic.history().product("\"IV_DRIP\"");
            Lot lot = clinic.history().releasedLot(product, 180, "FREEZER-1", CLIENTS * VIALS_PER_CLIENT);
            String nurse = clinic.nurses().get(0);
            ProcessHandle postmaster = service.postmaster().orElseThrow();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> light = lightLoad(service, nurse, lot, 0, VIALS_PER_CLIENT, pool, acknowledged, stop);
            sleep(1000);

            postmaster.destroyForcibly();
            long killed = System.nanoTime();
            long down = 0;
            long lastDown = killed;
            while (System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(60)) {
                long asked = System.nanoTime();
                if (service.readiness() != 200) {
                    down += System.nanoTime() - asked;
                    lastDown = System.nanoTime();
                } else if (service.postmaster().filter(p -> p.pid() != postmaster.pid()).isPresent()) {
                    break;
                }
                sleep(100);
            }
            long recovered = (System.nanoTime() - killed) / 1_000_000;
            assertTrue(service.process().isAlive(), "the service was not restarted");
            ProcessHandle restarted = service.postmaster().orElseThrow(() -> new AssertionError("no postmaster after 60 s; see " + service.log()));
            assertNotEquals(postmaster.pid(), restarted.pid(), "the launcher started a new postmaster");
            assertEquals(200, service.readiness(), "/health/ready UP again");

            String vial = lot.vialIds().get(CLIENTS * VIALS_PER_CLIENT - 1);
            healed(clinic, nurse, vial, acknowledged);
            stop.set(true);
            light.get(60, TimeUnit.SECONDS);
            try (Connection database = service.database()) {
                dosesAreWhole(database, acknowledged);
                System.out.printf("[exotrace] postmaster kill -9: ready not 200 for %d ms in all, last at %d ms; new postmaster and ready"
                                + " at %d ms; %d doses acknowledged, %d recorded%n", down / 1_000_000, (lastDown - killed) / 1_000_000,
                        recovered, acknowledged.size(), dosesOf(database, lot));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The production setup: two instances of the service on one fresh PostgreSQL database, as behind a load balancer (one
     * data directory, so one signing key); the second reaches the database through a {@link TcpProxy}. The database
     * decides races between the instances as it does within one; then it goes away under the second instance and comes
     * back. The second instance first boots, while the first prepares the clinic, with its database unreachable: Payara
     * Micro cannot deploy the WAR then, and the launcher exits with status 4 for its supervisor to start it again, as this
     * test then does with the database reachable (so it finds the schema, the admin and the signing key made, as an
     * instance added to a running one does).
     */
    @Test
    void twoInstancesOnOneDatabaseDecideItsRacesThenAnOutageOfItIsReported503FastAndHealsWithoutARestart() throws Exception {
        Database database = Database.fresh();
        try (TcpProxy network = TcpProxy.to(database.host(), database.port());
             ServiceProcess first = ServiceProcess.startOn(database, dataDir, freePort());
             ServiceProcess.Starting unreachable = ServiceProcess.launchOn(database.via("127.0.0.1", cut(network)), dataDir, freePort())) {
            Clinic clinic = Clinic.on(first);
            Product product = clinic.history().product("\"IV_DRIP\"");
            Lot raced = clinic.history().releasedLot(product, 180, "FREEZER-1", 4);
            Lot underOutage = clinic.history().releasedLot(product, 180, "FREEZER-1", CLIENTS * VIALS_PER_CLIENT);
            ServiceProcess refused = unreachable.launched();
            assertEquals(4, refused.awaitExit(Duration.ofSeconds(90)), "booted without its database: exits for its supervisor");
            String log = Files.readString(refused.log());
            assertTrue(log.contains("the application did not deploy"), log);
            network.restore();
            try (ServiceProcess second = ServiceProcess.startOn(database.via("127.0.0.1", network.port()), dataDir, freePort())) {
                twoInstancesOnOneDatabaseGiveOneVialOnceReceiveOneLotOnceAndDecideOneLotInOrder(first, second, clinic, product, raced);
                aDatabaseOutageIsReported503FastAndHealsWithoutARestart(second, network, database, clinic.asking(second), underOutage);
            }
        }
    }

    /** {@code network} cut, for a service that must boot without its database; its port. */
    private static int cut(TcpProxy network) {
        network.cut();
        return network.port();
    }

    /**
     * Two instances of the service on one database, as behind a load balancer (one data directory, so one signing key):
     * the database decides races between them as it does within one. Both instances have answered no dose yet; {@code lot}
     * has 4 released vials.
     */
    static void twoInstancesOnOneDatabaseGiveOneVialOnceReceiveOneLotOnceAndDecideOneLotInOrder(ServiceProcess first, ServiceProcess second,
                                                                                              Clinic clinic, Product product, Lot lot) throws Exception {
        List<ServiceProcess> instances = List.of(first, second);

        for (int v = 0; v < 4; v++) {
            String vialId = lot.vialIds().get(v);
            List<Supplier<Reply>> doses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Api api = new Api(instances.get(i % 2).base());
                String nurse = clinic.nurses().get(i % CLIENTS);
                String body = dose(vialId, "P-TWO-" + v + "-" + i);
                String key = UUID.randomUUID().toString();
                doses.add(() -> api.post("api/administrations", nurse, body, "Idempotency-Key", key));
            }
            List<Reply> replies = AtOnce.send(doses);
            assertEquals(Map.of(201, 1L, 409, 15L), AtOnce.byStatus(replies), replies::toString);
            assertTrue(replies.stream().filter(r -> r.status() == 409).allMatch(r -> "VIAL_BLOCKED".equals(r.code())), replies::toString);
        }

        for (int round = 0; round < 4; round++) {
            String number = "TWO" + Api.unique();
            List<Supplier<Reply>> receipts = new ArrayList<>();
            for (ServiceProcess instance : instances) {
                Api api = new Api(instance.base());
                String body = """
                        {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"%s",
                         "expiresOn":"%s","location":"FREEZER-1","vialCount":3}""".formatted(number, product.code(),
                        clinic.history().cpc(), Fixtures.today().minusDays(20), Fixtures.today().plusDays(180));
                receipts.add(() -> api.post("api/lots", clinic.inventory(), body));
            }
            List<Reply> replies = AtOnce.send(receipts);
            assertEquals(Map.of(201, 1L, 409, 1L), AtOnce.byStatus(replies), replies::toString);
            assertTrue(replies.stream().anyMatch(r -> "LOT_EXISTS".equals(r.code())), replies::toString);
        }

        Staff otherQa = clinic.api().newUser(Role.QA);
        for (int round = 0; round < 2; round++) {
            Lot quarantined = clinic.history().receivedLot(product, 180, "FREEZER-1", 2);
            Reply entered = clinic.api().post("api/lots/" + quarantined.number() + "/qc-results", clinic.qa().token(),
                    "{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\"}");
            assertEquals(201, entered.status(), entered::toString);
            Api onFirst = new Api(first.base());
            Api onSecond = new Api(second.base());
            String release = "{\"password\":\"" + clinic.qa().password() + "\",\"meaning\":\"Released for clinical use\"}";
            List<Reply> replies = AtOnce.send(List.of(
                    () -> onFirst.post("api/lots/" + quarantined.number() + "/release", clinic.qa().token(), release),
                    () -> onSecond.post("api/lots/" + quarantined.number() + "/recall", otherQa.token(), "{\"reason\":\"CPC reported contamination\"}")));
            assertEquals(200, replies.get(0).status(), replies::toString);
            Reply recall = replies.get(1);
            String expected = recall.status() == 200 ? "RECALLED" : "RELEASED";
            if (recall.status() != 200) {
                assertEquals(409, recall.status(), recall::toString);
                assertEquals("LOT_STATUS_CONFLICT", recall.code(), recall::toString);
            }
            try (Connection db = first.database()) {
                ResultSet status = db.createStatement().executeQuery("SELECT status FROM lot WHERE lot_number = '" + quarantined.number() + "'");
                assertTrue(status.next());
                assertEquals(expected, status.getString(1), "the lot's state follows the decisions that were acknowledged");
                assertEquals(expected.equals("RECALLED") ? 2 : 1, count(db, "SELECT count(*) FROM lot_decision d JOIN lot l ON l.id = d.lot_id"
                        + " WHERE l.lot_number = '" + quarantined.number() + "'"), "one decision per acknowledged request");
            }
        }

        try (Connection db = first.database()) {
            dosesAreWhole(db, new ConcurrentLinkedQueue<>());
            assertEquals(4, count(db, "SELECT count(*) FROM administration"), "one dose per vial");
            assertEquals(4, count(db, "SELECT count(*) FROM lot WHERE lot_number LIKE 'TWO%'"));
            assertEquals(12, count(db, "SELECT count(*) FROM vial v JOIN lot l ON l.id = v.lot_id WHERE l.lot_number LIKE 'TWO%'"),
                    "the vials of one receipt per lot");
        }
        clinic.auditChainIsIntact();
        Reply verifiedBySecond = new Api(second.base()).get("api/audit/verify", clinic.qa().token());
        assertTrue(verifiedBySecond.json().getBoolean("intact"), verifiedBySecond::toString);
    }

    /**
     * The embedded database cannot start (another program holds its port): the launcher, which boots Payara Micro while
     * the database starts, exits with status 1 naming the database rather than run on without one.
     */
    @Test
    void aLauncherWhoseEmbeddedDatabaseCannotStartExitsWithStatusOneAndSaysWhy() throws Exception {
        int db = freePort();
        int http = freePort();
        try (ServerSocket taken = new ServerSocket(db);
             ServiceProcess.Starting starting = ServiceProcess.launch(dataDir.resolve("port-taken"), http, db)) {
            ServiceProcess service = starting.launched();
            assertEquals(1, service.awaitExit(Duration.ofSeconds(90)));
            String log = Files.readString(service.log());
            assertTrue(log.contains("The embedded PostgreSQL on port " + db), log);
            assertTrue(log.contains("did not start: exiting with status 1"), log);
        }
    }

    /**
     * An online backup of the embedded database ({@code --backup} while the service runs and doses are given), restored
     * ({@code --restore}) into a new data directory: the doses acknowledged before the backup are there, those after it are
     * not, and the audit chain verifies with the backup's last entry unchanged.
     */
    @Test
    void anOnlineBackupRestoresTheDosesBeforeItWithAnIntactAuditChain() throws Exception {
        Path original = dataDir.resolve("original");
        Path restoredDir = dataDir.resolve("restored");
        Path backup = dataDir.resolve("exotrace-backup.zip");
        int db = freePort();
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        long lastSeq = -1;
        String lastHash = null;
        try (ServiceProcess service = ServiceProcess.start(original, freePort(), db)) {
            Clinic clinic = Clinic.on(service);
            Product product = clinic.history().product("\"IV_DRIP\"");
            Lot lot = clinic.history().releasedLot(product, 180, "FREEZER-1", 6);
            for (int v = 0; v < 6; v++) {
                if (v == 4) {
                    try (Connection database = service.database()) {
                        ResultSet last = database.createStatement().executeQuery("SELECT seq, digest FROM audit_entry ORDER BY seq DESC LIMIT 1");
                        assertTrue(last.next());
                        lastSeq = last.getLong(1);
                        lastHash = last.getString(2);
                    }
                    ServiceProcess.Command written = ServiceProcess.run(original, "--backup", backup.toString());
                    assertEquals(0, written.exit(), written::output);
                    assertTrue(written.output().contains("mode=online"), written::output);
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)),
                            "the backup, patients and doses, readable by the service's user alone");
                    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(original)),
                            "the running service's data directory, private to its user");
                }
                Reply given = clinic.api().post("api/administrations", clinic.nurses().get(0), dose(lot.vialIds().get(v), "P-BACKUP-" + v),
                        "Idempotency-Key", UUID.randomUUID().toString());
                assertEquals(201, given.status(), given::toString);
                (v < 4 ? before : after).add(given.json().getString("administrationId"));
            }
        }

        ServiceProcess.Command restored = ServiceProcess.run(restoredDir, "--restore", backup.toString());
        assertEquals(0, restored.exit(), restored::output);
        ServiceProcess.Command again = ServiceProcess.run(restoredDir, "--restore", backup.toString());
        assertEquals(1, again.exit(), "a restore never overwrites a database: " + again.output());
        // the audit trail's sealing key is kept apart from the database (docs/adr/0038): the operator restores it too
        Path key = restoredDir.resolve("keys").resolve("audit-seal-key");
        Files.createDirectories(key.getParent());
        Files.copy(original.resolve("keys").resolve("audit-seal-key"), key);

        try (ServiceProcess service = ServiceProcess.start(restoredDir, freePort(), db); Connection database = service.database()) {
            ResultSet entry = database.createStatement().executeQuery("SELECT digest FROM audit_entry WHERE seq = " + lastSeq);
            assertTrue(entry.next(), "the audit entry last before the backup is in the copy");
            assertEquals(lastHash, entry.getString(1));
            Api api = new Api(service.base());
            String reader = api.tokenFor(Role.QA);
            for (String id : before) {
                assertEquals(200, api.get("api/administrations/" + id, reader).status(), "dose " + id + " given before the backup");
            }
            for (String id : after) {
                assertEquals(404, api.get("api/administrations/" + id, reader).status(), "dose " + id + " given after the backup");
            }
            Reply verify = api.get("api/audit/verify", reader);
            assertTrue(verify.json().getBoolean("intact"), verify::toString);
        }
    }
}
