package org.exotrace.bedside;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.exotrace.testing.Fixtures.Product;
import org.exotrace.testing.TestDatabase;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.exotrace.testing.Fixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bedside through REST: scan verdicts, doses, dispenses, Idempotency-Key and races on one vial. */
@ExtendWith(ArquillianExtension.class)
class BedsideIT {

    static final char GS = '\u001d';

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static String inventory;
    static String nurse;
    static String otherNurse;
    Fixtures history;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            nurse = api.tokenFor(Role.NURSE);
            otherNurse = api.newUserToken(Role.NURSE);
        }
        history = new Fixtures(api, qa, inventory);
    }

    Product product(String routes, String volumeMl) {
        return history.newProduct(routes).volumeMl(volumeMl).create();
    }

    Lot lot(Product product, int daysToExpiry, String location, int vials) {
        return history.releasedLot(product, daysToExpiry, location, vials);
    }

    JsonObject scan(String barcode, String route) {
        Reply reply = api.post("api/scans", nurse, "{\"barcode\":" + Json.createValue(barcode)
                + (route == null ? "" : ",\"route\":\"" + route + "\"") + "}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    static List<String> words(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    Reply administer(String token, String body, String key) {
        return api.post("api/administrations", token, body, "Idempotency-Key", key);
    }

    static String dose(String barcode, String extra) {
        return "{\"barcode\":" + Json.createValue(barcode) + ",\"patientId\":\"P-1001\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,"
                + "\"purpose\":\"WELLNESS\"" + extra + "}";
    }

    @Test
    void aReleasedVialScansOkWithProductLotAndVolume() {
        Product p = product("\"IV_DRIP\",\"INJECTION\"", "2.0");
        Lot lot = lot(p, 180, "FREEZER-1", 2);
        JsonObject verdict = scan(lot.barcode(0), "IV_DRIP");
        assertEquals("OK", verdict.getString("verdict"), verdict::toString);
        assertEquals(List.of(), words(verdict.getJsonArray("reasons")));
        assertEquals(lot.number(), verdict.getJsonObject("lot").getString("lotNumber"));
        assertEquals("RELEASED", verdict.getJsonObject("lot").getString("status"));
        assertEquals(p.code(), verdict.getJsonObject("product").getString("code"));
        assertEquals(2.0, verdict.getJsonObject("product").getJsonNumber("volumeMl").doubleValue());
        assertEquals(lot.serials().get(0), verdict.getJsonObject("vial").getString("serial"));
        JsonObject bracketed = scan("(01)" + p.gtin() + "(17)" + lot.expiresOn().format(DateTimeFormatter.ofPattern("yyMMdd")) + "(10)" + lot.number()
                + "(21)" + lot.serials().get(1), null);
        assertEquals("OK", bracketed.getString("verdict"), bracketed::toString);
    }

    @Test
    void everyBlockingReasonIsNamed() {
        Product p = product("\"IV_DRIP\"", "2.0");
        Lot quarantined = history.receivedLot(p, 180, "FREEZER-1", 1);
        JsonObject both = scan(quarantined.barcode(0), "NASAL");
        assertEquals("BLOCKED", both.getString("verdict"));
        assertEquals(List.of("LOT_QUARANTINED", "ROUTE_NOT_ALLOWED"), words(both.getJsonArray("reasons")));

        JsonObject garbage = scan("\u0000\u00ffnot a barcode" + "x".repeat(100_000), null);
        assertEquals(List.of("BARCODE_INVALID"), words(garbage.getJsonArray("reasons")));
        assertTrue(garbage.containsKey("detail"), garbage::toString);
        assertEquals(List.of("UNKNOWN_VIAL"), words(scan("]d201" + p.gtin() + "21NOSUCH" + Api.unique().replaceAll("[0-9]", "Q"), null).getJsonArray("reasons")));

        Lot released = lot(p, 180, "FREEZER-1", 1);
        String wrongLot = released.barcode(0).replace("10" + released.number() + GS, "10OTHERLOT" + GS);
        assertEquals(List.of("LABEL_MISMATCH"), words(scan(wrongLot, null).getJsonArray("reasons")));

        assertEquals(200, api.post("api/lots/" + released.number() + "/recall", qa.token(), "{\"reason\":\"CPC notice\"}").status());
        assertEquals(List.of("LOT_RECALLED"), words(scan(released.barcode(0), null).getJsonArray("reasons")));
    }

    @Test
    void anExpiredVialIsBlockedAndOneExpiringSoonWarns() throws SQLException {
        Product p = product("\"IV_DRIP\"", "2.0");
        Lot soon = lot(p, 10, "FRIDGE-" + Api.unique(), 1);
        JsonObject warned = scan(soon.barcode(0), null);
        assertEquals("OK", warned.getString("verdict"));
        assertEquals(List.of("EXPIRES_SOON"), words(warned.getJsonArray("warnings")));

        Lot expired = lot(p, 180, "FREEZER-1", 1);
        LocalDate yesterday = today().minusDays(1);
        try (Connection db = TestDatabase.connect();
             PreparedStatement s = db.prepareStatement("UPDATE lot SET expires_on = ? WHERE lot_number = ?")) {
            s.setObject(1, yesterday);
            s.setString(2, expired.number());
            assertEquals(1, s.executeUpdate(), "time passes: the lot's expiry is now yesterday");
        }
        Lot asLabelled = new Lot(p, expired.number(), yesterday, expired.serials(), expired.vialIds());
        JsonObject verdict = scan(asLabelled.barcode(0), null);
        assertEquals(List.of("EXPIRED"), words(verdict.getJsonArray("reasons")));
        Reply refused = administer(nurse, dose(asLabelled.barcode(0), ""), UUID.randomUUID().toString());
        assertEquals(409, refused.status(), refused::toString);
        assertEquals(List.of("EXPIRED"), words(refused.json().getJsonArray("reasons")));
    }

    @Test
    void aLaterExpiringVialWarnsWhenAnEarlierOneIsOnTheSameShelf() {
        Product p = product("\"IV_DRIP\"", "2.0");
        String shelf = "FREEZER-" + Api.unique();
        Lot earlier = lot(p, 60, shelf, 1);
        Lot later = lot(p, 120, shelf, 1);
        assertEquals(List.of("NOT_FIRST_EXPIRY"), words(scan(later.barcode(0), null).getJsonArray("warnings")));
        assertEquals(List.of(), words(scan(earlier.barcode(0), null).getJsonArray("warnings")));

        // a dose asks the same question after locking the vial, and keeps the warning with the dose
        Reply laterGiven = administer(nurse, dose(later.barcode(0), ""), UUID.randomUUID().toString());
        assertEquals(201, laterGiven.status(), laterGiven::toString);
        assertEquals(List.of("NOT_FIRST_EXPIRY"), words(laterGiven.json().getJsonArray("warnings")));
        Reply earlierGiven = administer(nurse, dose(earlier.barcode(0), ""), UUID.randomUUID().toString());
        assertEquals(201, earlierGiven.status(), earlierGiven::toString);
        assertEquals(List.of(), words(earlierGiven.json().getJsonArray("warnings")));
    }

    @Test
    void aDoseIsRecordedOnceAndTheVialIsThenAlreadyUsed() {
        Product p = product("\"IV_DRIP\",\"INJECTION\"", "2.0");
        Lot lot = lot(p, 180, "FREEZER-1", 1);
        Reply given = administer(nurse, dose(lot.barcode(0), ""), UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);
        JsonObject dose = given.json();
        assertEquals("P-1001", dose.getString("patientId"));
        assertEquals(780_000_000_000L, dose.getJsonNumber("particles").longValue());
        JsonObject vial = dose.getJsonArray("vials").getJsonObject(0);
        assertTrue(vial.getBoolean("scanned"));
        assertEquals(lot.number(), vial.getString("lotNumber"));
        assertEquals(history.cpc(), vial.getString("cpcCode"));
        assertTrue(given.header("Location").endsWith("/api/administrations/" + dose.getString("administrationId")), given::toString);
        assertEquals(200, api.get("api/administrations/" + dose.getString("administrationId"), qa.token()).status());

        assertEquals(List.of("ALREADY_USED"), words(scan(lot.barcode(0), null).getJsonArray("reasons")));
        Reply again = administer(nurse, dose(lot.barcode(0), ""), UUID.randomUUID().toString());
        assertEquals(409, again.status());
        assertEquals("VIAL_BLOCKED", again.code());
        assertEquals(List.of("ALREADY_USED"), words(again.json().getJsonArray("reasons")));
        String state = api.get("api/vials/" + vial.getString("vialId"), inventory).json().getString("state");
        assertEquals("ADMINISTERED", state);
    }

    @Test
    void aReplayWithTheSameKeyAnswersTheSameDoseAndAnotherBodyIsRefused() {
        Product p = product("\"IV_DRIP\"", "2.0");
        Lot lot = lot(p, 180, "FREEZER-1", 2);
        String key = UUID.randomUUID().toString();
        Reply first = administer(nurse, dose(lot.barcode(0), ""), key);
        assertEquals(201, first.status(), first::toString);
        Reply replay = administer(nurse, dose(lot.barcode(0), ""), key);
        assertEquals(201, replay.status(), replay::toString);
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json(), replay.json());
        Reply reused = administer(nurse, dose(lot.barcode(1), ""), key);
        assertEquals(422, reused.status(), reused::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", reused.code());
        assertEquals(List.of("IN_STOCK"), List.of(scan(lot.barcode(1), null).getJsonObject("vial").getString("state")), "nothing written");
        Reply noKey = api.post("api/administrations", nurse, dose(lot.barcode(1), ""));
        assertEquals(400, noKey.status());
        assertEquals("IDEMPOTENCY_KEY_REQUIRED", noKey.code());
    }

    @Test
    void twoNursesOnOneVialAtOnceGiveOneDose() throws Exception {
        Product p = product("\"IV_DRIP\"", "2.0");
        Lot lot = lot(p, 180, "FREEZER-1", 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Reply>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String token = i % 2 == 0 ? nurse : otherNurse;
                attempts.add(() -> administer(token, dose(lot.barcode(0), ""), UUID.randomUUID().toString()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : pool.invokeAll(attempts)) {
                Reply r = f.get();
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertEquals(List.of("ALREADY_USED"), words(r.json().getJsonArray("reasons")), r::toString);
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseNotTheServerDecidesARaceWithAnotherServer() throws Exception {
        Product p = product("\"IV_DRIP\"", "2.0");
        Lot lot = lot(p, 180, "FREEZER-1", 1);
        String vialId = scan(lot.barcode(0), null).getJsonObject("vial").getString("vialId");
        try (Connection otherServer = TestDatabase.connect()) {
            otherServer.setAutoCommit(false);
            try (PreparedStatement lock = otherServer.prepareStatement("SELECT state FROM vial WHERE id = ?::uuid FOR UPDATE")) {
                lock.setString(1, vialId);
                ResultSet rs = lock.executeQuery();
                assertTrue(rs.next());
            }
            CompletableFuture<Reply> ours = CompletableFuture.supplyAsync(() -> administer(nurse, dose(lot.barcode(0), ""), UUID.randomUUID().toString()));
            TestDatabase.awaitLockWaits(1);
            assertFalse(ours.isDone(), "our request waits for the other server's lock on the vial");
            try (PreparedStatement use = otherServer.prepareStatement("UPDATE vial SET state = 'ADMINISTERED' WHERE id = ?::uuid")) {
                use.setString(1, vialId);
                use.executeUpdate();
            }
            otherServer.commit();
            Reply reply = ours.get(30, TimeUnit.SECONDS);
            assertEquals(409, reply.status(), reply::toString);
            assertEquals(List.of("ALREADY_USED"), words(reply.json().getJsonArray("reasons")));
        }
    }

    @Test
    void aDripOfTwoVialsWithPartialUseWastesTheRemainder() {
        Product p = product("\"IV_DRIP\"", "2.0");
        Lot lot = lot(p, 180, "FREEZER-1", 2);
        String body = "{\"vials\":[{\"barcode\":" + Json.createValue(lot.barcode(0)) + "},{\"barcode\":"
                + Json.createValue(lot.barcode(1)) + "}],\"patientId\":\"P-2002\",\"route\":\"IV_DRIP\",\"volumeMl\":3.5,"
                + "\"purpose\":\"THERAPY\",\"indication\":\"chronic fatigue\",\"physician\":\"Dr. Sato\"}";
        Reply given = administer(nurse, body, UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);
        JsonArray vials = given.json().getJsonArray("vials");
        assertEquals(2.0, vials.getJsonObject(0).getJsonNumber("volumeMl").doubleValue());
        assertEquals(1.5, vials.getJsonObject(1).getJsonNumber("volumeMl").doubleValue());
        assertEquals(0.5, vials.getJsonObject(1).getJsonNumber("remainderMl").doubleValue());
        assertEquals(1_365_000_000_000L, given.json().getJsonNumber("particles").longValue());
    }

    @Test
    void aHandChosenVialIsMarkedAndALateEntryKeepsItsReason() {
        Product p = product("\"INJECTION\"", "2.0");
        Lot lot = lot(p, 180, "FREEZER-1", 1);
        String vialId = scan(lot.barcode(0), null).getJsonObject("vial").getString("vialId");
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        Reply noSite = administer(nurse, "{\"vialId\":\"" + vialId + "\",\"patientId\":\"P-3003\",\"route\":\"INJECTION\",\"volumeMl\":1.0,"
                + "\"purpose\":\"COSMETIC\"}", UUID.randomUUID().toString());
        assertEquals(422, noSite.status(), noSite::toString);
        Reply given = administer(nurse, "{\"vialId\":\"" + vialId + "\",\"patientId\":\"P-3003\",\"route\":\"INJECTION\",\"site\":\"FACE\","
                + "\"volumeMl\":1.0,\"purpose\":\"COSMETIC\",\"administeredAt\":\"" + twoHoursAgo + "\",\"lateEntryReason\":\"scanner broken\"}",
                UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);
        assertFalse(given.json().getJsonArray("vials").getJsonObject(0).getBoolean("scanned"));
        assertEquals("scanner broken", given.json().getString("lateEntryReason"));
        assertEquals(1.0, given.json().getJsonArray("vials").getJsonObject(0).getJsonNumber("remainderMl").doubleValue());
    }

    @Test
    void aHomeUseProductIsDispensedWholeAndNotByDrip() {
        Product nasal = product("\"NASAL\"", "4.0");
        Lot lot = lot(nasal, 180, "FRIDGE-1", 2);
        Reply drip = api.post("api/dispenses", nurse, "{\"barcode\":" + Json.createValue(lot.barcode(0))
                + ",\"patientId\":\"P-4004\",\"route\":\"IV_DRIP\",\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(409, drip.status(), drip::toString);
        assertEquals(List.of("ROUTE_NOT_ALLOWED"), words(drip.json().getJsonArray("reasons")));
        Reply handed = api.post("api/dispenses", nurse, "{\"barcode\":" + Json.createValue(lot.barcode(0))
                + ",\"patientId\":\"P-4004\",\"route\":\"NASAL\",\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, handed.status(), handed::toString);
        assertEquals("DISPENSED", handed.json().getString("kind"));
        assertEquals(4.0, handed.json().getJsonNumber("volumeMl").doubleValue());
        assertEquals("DISPENSED", scan(lot.barcode(0), null).getJsonObject("vial").getString("state"));
    }

    @Test
    void aScanStationLearnsTheClinicsBedsideRules() {
        Reply settings = api.get("api/scans/settings", nurse);
        assertEquals(200, settings.status(), settings::toString);
        assertEquals(List.of(), words(settings.json().getJsonArray("requiredFields")), "none configured in the tests");
        assertEquals(30, settings.json().getInt("expiresSoonDays"));
        assertEquals("PT12H", settings.json().getString("lateEntryWindow"));
        assertEquals("Asia/Tokyo", settings.json().getString("clinicTimeZone"));
        assertEquals(403, api.get("api/scans/settings", inventory).status());
    }

    @Test
    void onlyNursesScanAndRecordDoses() {
        assertEquals(403, api.post("api/scans", inventory, "{\"barcode\":\"x\"}").status());
        assertEquals(403, api.post("api/administrations", qa.token(), dose("x", ""), "Idempotency-Key", "k").status());
        assertEquals(401, api.post("api/scans", null, "{\"barcode\":\"x\"}").status());
        Reply bad = administer(nurse, "{\"barcode\":\"x\",\"patientId\":\"\",\"route\":\"IV_DRIP\",\"volumeMl\":-1,\"purpose\":\"WELLNESS\"}",
                UUID.randomUUID().toString());
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.isProblem());
    }
}
