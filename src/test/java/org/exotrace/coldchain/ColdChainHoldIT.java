package org.exotrace.coldchain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.exotrace.testing.Fixtures.Product;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.exotrace.testing.TestDatabase;
import org.exotrace.testing.WebhookReceiver;
import org.exotrace.testing.WebhookReceiver.Received;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Temperature holds (ADR 0044): the vials that were in a place while an excursion of it was open are blocked at the
 * bedside with TEMPERATURE_HOLD until QA disposes of the excursion by signature, releasing or wasting them, or until late
 * readings no longer show the excursion (the hold lapses); each excursion is announced as a signed webhook once opened,
 * once ended, once withdrawn (ADR 0045), received here ({@link WebhookReceiver}).
 */
@ExtendWith(ArquillianExtension.class)
class ColdChainHoldIT {

    @RegisterExtension
    static final WebhookReceiver webhooks = new WebhookReceiver();

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static String inventory;
    static String nurse;
    static String integration;
    Fixtures history;
    Product product;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            nurse = api.tokenFor(Role.NURSE);
            integration = api.tokenFor(Role.INTEGRATION);
        }
        history = new Fixtures(api, qa, inventory);
        product = history.product("\"IV_DRIP\",\"INJECTION\"");
    }

    private String freezer() {
        return freezer(15);
    }

    private String freezer(int maxGapMinutes) {
        String code = "FRZ-" + Api.unique().toUpperCase();
        Reply registered = api.post("api/locations", qa.token(), """
                {"code":"%s","name":"-80 °C freezer","kind":"FREEZER","minC":-90,"maxC":-60,"maxGapMinutes":%d}""".formatted(code, maxGapMinutes));
        assertEquals(201, registered.status(), registered::toString);
        return code;
    }

    private JsonObject send(String place, Instant at, String celsius) {
        return upload(place, at, at, Duration.ofMinutes(1), celsius);
    }

    /** A logger's memory: one reading every {@code every} from {@code from} to {@code to} (inclusive), all at {@code celsius}. */
    private JsonObject upload(String place, Instant from, Instant to, Duration every, String celsius) {
        var readings = Json.createArrayBuilder();
        for (Instant at = from; !at.isAfter(to); at = at.plus(every)) {
            readings.add(Json.createObjectBuilder().add("at", at.toString()).add("celsius", new BigDecimal(celsius)));
        }
        Reply sent = api.post("api/locations/" + place + "/readings", integration,
                Json.createObjectBuilder().add("loggerId", "TL-1").add("readings", readings).build().toString());
        assertEquals(200, sent.status(), sent::toString);
        return sent.json();
    }

    /** In range ten minutes ago, out of range a minute ago: an excursion that is still open. */
    private void excursionOpens(String place) {
        Instant now = Instant.now();
        send(place, now.minus(10, ChronoUnit.MINUTES), "-80.0");
        send(place, now.minus(1, ChronoUnit.MINUTES), "-41.5");
    }

    private JsonObject scan(Lot lot, int vial) {
        Reply reply = api.post("api/scans", nurse, "{\"barcode\":" + Json.createValue(lot.barcode(vial)) + ",\"route\":\"IV_DRIP\"}");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> reasons(JsonObject verdict) {
        return verdict.getJsonArray("reasons").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private void move(String vialId, String place) {
        Reply moved = api.post("api/vials/" + vialId + "/moves", inventory, "{\"location\":\"" + place + "\"}");
        assertTrue(moved.status() / 100 == 2, moved::toString);
    }

    private List<JsonObject> held(String place) {
        Reply reply = api.get("api/locations/" + place + "/holds", qa.token());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private Reply dispose(String place, JsonObject hold, String decision, String password) {
        return api.post("api/locations/" + place + "/dispositions", qa.token(), Json.createObjectBuilder()
                .add("kind", hold.getString("kind")).add("startedAt", hold.getString("startedAt")).add("decision", decision)
                .add("justification", "-41.5 °C for under ten minutes; the CPC's stability data allow it").add("password", password)
                .build().toString());
    }

    @Test
    void aVialInThePlaceDuringAnExcursionIsHeldEvenMovedOutAndOneMovedInAfterItEndedIsNot() {
        String place = freezer();
        String elsewhere = freezer();
        Lot there = history.releasedLot(product, 180, place, 2);
        Lot later = history.releasedLot(product, 180, elsewhere, 1);

        excursionOpens(place);
        move(there.vialIds().get(1), elsewhere);
        assertEquals(0, send(place, Instant.now(), "-80.0").getInt("newHolds"), "back in range: the excursion ends, the holds stay");
        move(later.vialIds().get(0), place);
        send(place, Instant.now(), "-79.8");

        assertEquals(List.of("TEMPERATURE_HOLD"), reasons(scan(there, 0)));
        assertEquals("BLOCKED", scan(there, 0).getString("verdict"));
        assertEquals(List.of("TEMPERATURE_HOLD"), reasons(scan(there, 1)), "moved out during the excursion: still held");
        JsonObject movedIn = scan(later, 0);
        assertEquals("OK", movedIn.getString("verdict"), "moved in after the excursion ended: " + movedIn);

        Reply dose = api.post("api/administrations", nurse, "{\"vialId\":\"" + there.vialIds().get(0) + "\",\"patientId\":\"P-1001\","
                + "\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(409, dose.status(), dose::toString);
        assertTrue(dose.isProblem(), dose::toString);
        assertEquals("VIAL_BLOCKED", dose.code());
        assertTrue(dose.body().contains("TEMPERATURE_HOLD"), dose::toString);

        List<JsonObject> held = held(place);
        assertEquals(there.vialIds().stream().sorted().toList(), held.stream().map(h -> h.getString("vialId")).sorted().toList(), held::toString);
        assertEquals(elsewhere, held.stream().filter(h -> h.getString("vialId").equals(there.vialIds().get(1))).findFirst().orElseThrow()
                .getString("location"));
        assertTrue(held.stream().allMatch(h -> h.getString("kind").equals("OUT_OF_RANGE")), held::toString);
        assertEquals(403, api.get("api/locations/" + place + "/holds", nurse).status());
    }

    @Test
    void qaReleasesTheHeldVialsBySignatureOnceTheExcursionEndedAndTheyScanOkAgain() {
        String place = freezer();
        Lot lot = history.releasedLot(product, 180, place, 1);
        excursionOpens(place);
        JsonObject hold = held(place).get(0);
        Reply early = dispose(place, hold, "RELEASE", qa.password());
        assertEquals(409, early.status(), early::toString);
        assertEquals("EXCURSION_OPEN", early.code());

        send(place, Instant.now(), "-80.0");
        Reply wrong = dispose(place, hold, "RELEASE", "not-the-password");
        assertEquals(403, wrong.status(), wrong::toString);
        assertTrue(wrong.isProblem(), wrong::toString);
        assertEquals("SIGNATURE_REFUSED", wrong.code());
        assertEquals(List.of("TEMPERATURE_HOLD"), reasons(scan(lot, 0)), "a refused signature changes nothing");

        Reply released = dispose(place, hold, "RELEASE", qa.password());
        assertEquals(201, released.status(), released::toString);
        assertEquals(List.of(lot.vialIds().get(0)), released.json().getJsonArray("vials").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals(0, released.json().getJsonArray("wasted").size());
        assertEquals("OK", scan(lot, 0).getString("verdict"));
        assertEquals(List.of(), held(place));

        Reply again = dispose(place, hold, "WASTE", qa.password());
        assertEquals(409, again.status(), again::toString);
        assertEquals("NOTHING_HELD", again.code());
        assertEquals("IN_STOCK", api.get("api/vials/" + lot.vialIds().get(0), inventory).json().getString("state"));
    }

    @Test
    void qaWastesTheHeldVialsAsTemperatureExcursionEvenWhileItLasts() {
        String place = freezer();
        Lot lot = history.releasedLot(product, 180, place, 1);
        excursionOpens(place);
        JsonObject hold = held(place).get(0);

        Reply wasted = dispose(place, hold, "WASTE", qa.password());
        assertEquals(201, wasted.status(), wasted::toString);
        assertEquals(List.of(lot.vialIds().get(0)), wasted.json().getJsonArray("wasted").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        JsonObject vial = api.get("api/vials/" + lot.vialIds().get(0), inventory).json();
        assertEquals("WASTED", vial.getString("state"));
        List<JsonObject> rows = vial.getJsonArray("history").getValuesAs(JsonObject.class);
        assertEquals("TEMPERATURE_EXCURSION", rows.get(rows.size() - 1).getString("reason"), vial::toString);
        assertEquals(List.of("ALREADY_USED"), reasons(scan(lot, 0)), "wasted, no longer held");
    }

    @Test
    void vialsAreNotReceivedNorMovedIntoAPlaceWhoseRangeDoesNotFitTheProductsAndNothingChanges() {
        String freezer = freezer();
        String fridge = "FR-" + Api.unique().toUpperCase();
        assertEquals(201, api.post("api/locations", qa.token(), """
                {"code":"%s","name":"vaccine fridge","kind":"REFRIGERATOR","minC":2,"maxC":8}""".formatted(fridge)).status());
        Product frozen = history.newProduct("\"IV_DRIP\"").storageRange("-90", "-20").create();
        assertEquals(-20, api.get("api/products/" + frozen.code(), qa.token()).json().getJsonNumber("storageMaxC").intValue());

        String number = "F" + Api.unique();
        Reply refused = api.post("api/lots", inventory, """
                {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"%s",
                 "expiresOn":"%s","location":"%s","vialCount":2}""".formatted(number, frozen.code(), history.cpc(), Fixtures.today().minusDays(20),
                Fixtures.today().plusDays(180), fridge));
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.isProblem(), refused::toString);
        assertEquals("STORAGE_RANGE_MISMATCH", refused.code());
        assertEquals(404, api.get("api/lots/" + number + "?productCode=" + frozen.code(), inventory).status(), "nothing received");

        Lot lot = history.receivedLot(frozen, 180, freezer, 1);
        Reply move = api.post("api/vials/" + lot.vialIds().get(0) + "/moves", inventory, "{\"location\":\"" + fridge + "\"}");
        assertEquals(409, move.status(), move::toString);
        assertEquals("STORAGE_RANGE_MISMATCH", move.code());
        assertEquals(freezer, api.get("api/vials/" + lot.vialIds().get(0), inventory).json().getString("location"), "not moved");
        move(lot.vialIds().get(0), "SHELF-" + Api.unique().toUpperCase());
        Lot anywhere = history.receivedLot(product, 180, fridge, 1);
        assertEquals(1, anywhere.vialIds().size(), "a product without a storage range goes to any place");
    }

    @Test
    void aLocationUsedWithoutRegisteringItIsAPlaceInUseAndOnceRegisteredUnderItsOwnTextItsExcursionsHoldItsVials() {
        String shelf = "Fridge " + Api.unique() + ", room 3";
        String path = "api/locations/" + URLEncoder.encode(shelf, StandardCharsets.UTF_8).replace("+", "%20");
        Lot lot = history.releasedLot(product, 180, shelf, 1);

        JsonObject inUse = api.get(path, qa.token()).json();
        assertFalse(inUse.getBoolean("registered"), inUse::toString);
        assertEquals(shelf, inUse.getString("name"));
        assertFalse(inUse.containsKey("minC"), "no range: " + inUse);
        Reply notYet = api.post(path + "/readings", integration, "{\"loggerId\":\"TL-1\",\"readings\":[{\"at\":\"" + Instant.now()
                + "\",\"celsius\":5.0}]}");
        assertEquals(409, notYet.status(), notYet::toString);
        assertEquals("LOCATION_NOT_REGISTERED", notYet.code());
        Reply neverUsed = api.post("api/locations", qa.token(), """
                {"code":"Shelf %s","name":"shelf","kind":"ROOM","minC":15,"maxC":25}""".formatted(Api.unique()));
        assertEquals(422, neverUsed.status(), neverUsed::toString);
        assertTrue(neverUsed.body().contains("code"), neverUsed::toString);

        Reply registered = api.post("api/locations", qa.token(), """
                {"code":"%s","name":"Vaccine fridge, room 3","kind":"REFRIGERATOR","minC":2,"maxC":8,"maxGapMinutes":30}""".formatted(shelf));
        assertEquals(201, registered.status(), registered::toString);
        assertTrue(registered.json().getBoolean("registered"));
        assertEquals("LOCATION_EXISTS", api.post("api/locations", qa.token(), """
                {"code":"%s","name":"again","kind":"ROOM","minC":15,"maxC":25}""".formatted(shelf)).code());
        List<JsonObject> listed = api.get("api/locations", inventory).json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("code").equals(shelf)).toList();
        assertEquals(1, listed.size(), listed::toString);
        assertEquals("Vaccine fridge, room 3", listed.get(0).getString("name"));

        Instant now = Instant.now();
        for (String[] reading : new String[][] {{"10", "5.0"}, {"1", "12.5"}}) {
            Reply sent = api.post(path + "/readings", integration, "{\"loggerId\":\"TL-1\",\"readings\":[{\"at\":\""
                    + now.minus(Long.parseLong(reading[0]), ChronoUnit.MINUTES) + "\",\"celsius\":" + reading[1] + "}]}");
            assertEquals(200, sent.status(), sent::toString);
        }
        assertEquals(List.of("TEMPERATURE_HOLD"), reasons(scan(lot, 0)), "the vial put there before it was registered is held");

        String box = "Box " + Api.unique();
        Lot counted = history.releasedLot(product, 180, "SHELF-" + Api.unique().toUpperCase(), 1);
        Reply count = api.post("api/stock/counts", inventory, "{\"location\":\"" + box + "\",\"vialIds\":[\"" + counted.vialIds().get(0) + "\"]}");
        assertEquals(201, count.status(), count::toString);
        Reply found = api.get("api/locations/" + URLEncoder.encode(box, StandardCharsets.UTF_8).replace("+", "%20"), qa.token());
        assertEquals(200, found.status(), "a location a count found a vial at is in use too: " + found);
        assertFalse(found.json().getBoolean("registered"));
    }

    // ---- notices and lapses (ADR 0045) -------------------------------------------------------------------------

    private static Predicate<Received> about(String place, String type) {
        return r -> place.equals(r.json().getString("locationCode", "")) && type.equals(r.json().getString("eventType", ""));
    }

    /** The outbox's events about the place, by type: what was announced, however often it was delivered. */
    private static Map<String, Integer> announced(String place) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT event_type, count(*) FROM webhook_event WHERE location_code = ? GROUP BY event_type")) {
            st.setString(1, place);
            Map<String, Integer> types = new TreeMap<>();
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    types.put(r.getString(1), r.getInt(2));
                }
            }
            return types;
        }
    }

    /** The place's lapsed holds, oldest first: kind, start and why. */
    private static List<String> lapses(String place) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement st = c.prepareStatement("""
                SELECT x.kind, x.started_at, x.reason FROM temperature_hold_lapsed x JOIN storage_place p ON p.id = x.place_id
                 WHERE p.code = ? ORDER BY x.started_at""")) {
            st.setString(1, place);
            List<String> found = new ArrayList<>();
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1) + " " + r.getTimestamp(2).toInstant() + " " + r.getString(3));
                }
            }
            return found;
        }
    }

    private static List<String> holdsByExcursion(List<JsonObject> held) {
        return held.stream().map(h -> h.getString("kind") + " " + Instant.parse(h.getString("startedAt"))).toList();
    }

    @Test
    void anExcursionIsAnnouncedSignedOnceOpenedAndOnceEndedHoweverOftenItIsSeen() throws SQLException {
        String place = freezer();
        history.releasedLot(product, 180, place, 2);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(place, now.minus(10, ChronoUnit.MINUTES), "-80.0");
        send(place, now.minus(2, ChronoUnit.MINUTES), "-41.5");

        Received opened = webhooks.await(about(place, "EXCURSION_OPENED"), 1).get(0);
        assertTrue(opened.signed(), opened::toString);
        assertEquals("EXCURSION_OPENED", opened.header("X-ExoTrace-Event-Type"));
        JsonObject event = opened.json();
        assertEquals("-80 °C freezer", event.getString("locationName"));
        assertEquals("OUT_OF_RANGE", event.getString("kind"));
        assertEquals(now.minus(2, ChronoUnit.MINUTES), Instant.parse(event.getString("startedAt")));
        assertEquals(new BigDecimal("-41.5"), event.getJsonNumber("lowestC").bigDecimalValue().stripTrailingZeros());
        assertEquals(new BigDecimal("-41.5"), event.getJsonNumber("highestC").bigDecimalValue().stripTrailingZeros());
        assertEquals(2, event.getInt("heldVials"));
        assertFalse(event.containsKey("endedAt"), event::toString);
        assertFalse(event.containsKey("lotNumber"), event::toString);

        send(place, now.minus(1, ChronoUnit.MINUTES), "-45.0");
        held(place); // QA's read makes the holds too
        assertEquals(Map.of("EXCURSION_OPENED", 1), announced(place), "seen three times, announced once");

        send(place, now, "-80.0");
        assertEquals(Map.of("EXCURSION_OPENED", 1, "EXCURSION_ENDED", 1), announced(place), "announced by the reading that ended it");
        JsonObject ended = webhooks.await(about(place, "EXCURSION_ENDED"), 1).get(0).json();
        assertEquals(now.minus(2, ChronoUnit.MINUTES), Instant.parse(ended.getString("startedAt")));
        assertEquals(now, Instant.parse(ended.getString("endedAt")));
        assertEquals("PT2M", ended.getString("duration"));
        assertEquals(new BigDecimal("-45"), ended.getJsonNumber("lowestC").bigDecimalValue().stripTrailingZeros());
        assertEquals(new BigDecimal("-41.5"), ended.getJsonNumber("highestC").bigDecimalValue().stripTrailingZeros());
        assertEquals(2, ended.getInt("heldVials"));
        held(place);
        assertEquals(Map.of("EXCURSION_OPENED", 1, "EXCURSION_ENDED", 1), announced(place));
        assertEquals(1, webhooks.received(about(place, "EXCURSION_OPENED")).size());
        JsonObject delivery = api.get("api/webhooks/deliveries?size=500", api.adminToken()).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(d -> d.getString("eventId").equals(event.getString("eventId"))).findFirst().orElseThrow();
        assertEquals(place, delivery.getString("locationCode"), delivery::toString);
    }

    @Test
    void aLoggerFallingSilentIsAnnouncedByTheTimerWithNothingElseAsked() {
        String place = freezer(1);
        Lot lot = history.releasedLot(product, 180, place, 1);
        Instant last = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(50);
        assertEquals(0, send(place, last, "-80.0").getInt("newHolds"), "not silent for longer than its minute yet");

        JsonObject opened = webhooks.await(about(place, "EXCURSION_OPENED"), 1, Duration.ofSeconds(100)).get(0).json();
        assertEquals("NO_READINGS", opened.getString("kind"));
        assertEquals(last, Instant.parse(opened.getString("startedAt")));
        assertEquals(1, opened.getInt("heldVials"));
        assertFalse(opened.containsKey("lowestC"), opened::toString);
        assertEquals(List.of("TEMPERATURE_HOLD"), reasons(scan(lot, 0)));
    }

    /** A place of one vial whose logger was last heard an hour ago (in range): the vial is held by the silence. */
    private record Silent(String place, Lot lot, Instant now, Instant lastHeard) {
    }

    private Silent silentForAnHour() {
        String place = freezer();
        Lot lot = history.releasedLot(product, 180, place, 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant lastHeard = now.minus(60, ChronoUnit.MINUTES);
        assertEquals(1, send(place, lastHeard, "-80.0").getInt("newHolds"), "silent for an hour: held");
        assertEquals(List.of("TEMPERATURE_HOLD"), reasons(scan(lot, 0)));
        return new Silent(place, lot, now, lastHeard);
    }

    @Test
    void aLateUploadThatFillsTheSilenceLiftsItsHoldsByARecordAndTheVialScansOkAgain() throws SQLException {
        Silent silent = silentForAnHour();
        String place = silent.place();
        Lot lot = silent.lot();
        Instant now = silent.now();
        Instant lastHeard = silent.lastHeard();

        // the logger uploads its memory in two batches; the first leaves it silent since its last reading
        Instant halfway = now.minus(30, ChronoUnit.MINUTES);
        assertEquals(1, upload(place, now.minus(55, ChronoUnit.MINUTES), halfway, Duration.ofMinutes(5), "-80.0").getInt("newHolds"));
        assertEquals(List.of("NO_READINGS " + halfway), holdsByExcursion(held(place)));
        assertEquals(List.of("TEMPERATURE_HOLD"), reasons(scan(lot, 0)));
        upload(place, now.minus(25, ChronoUnit.MINUTES), now, Duration.ofMinutes(5), "-80.0");

        assertEquals("OK", scan(lot, 0).getString("verdict"), "the readings show no excursion: its holds lapsed");
        assertEquals(List.of(), held(place));
        assertEquals(List.of("NO_READINGS " + lastHeard + " SILENCE_FILLED", "NO_READINGS " + halfway + " SILENCE_FILLED"), lapses(place));
        List<JsonObject> withdrawn = webhooks.await(about(place, "EXCURSION_WITHDRAWN"), 2).stream().map(Received::json).toList();
        assertEquals(List.of(lastHeard, halfway), withdrawn.stream().map(w -> Instant.parse(w.getString("startedAt"))).sorted().toList());
        assertTrue(withdrawn.stream().allMatch(w -> w.getInt("lapsedHolds") == 1), withdrawn::toString);
    }

    @Test
    void aHoldQaDisposedOfDoesNotLapseWhenLateReadingsFillItsSilence() throws SQLException {
        String place = freezer();
        Lot lot = history.releasedLot(product, 180, place, 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(place, now.minus(60, ChronoUnit.MINUTES), "-80.0");
        send(place, now.minus(5, ChronoUnit.MINUTES), "-80.0"); // the logger is back: the silence ended
        JsonObject hold = held(place).get(0);
        assertEquals("NO_READINGS", hold.getString("kind"));
        Reply released = dispose(place, hold, "RELEASE", qa.password());
        assertEquals(201, released.status(), released::toString);

        upload(place, now.minus(55, ChronoUnit.MINUTES), now.minus(10, ChronoUnit.MINUTES), Duration.ofMinutes(5), "-80.0");

        JsonObject withdrawn = webhooks.await(about(place, "EXCURSION_WITHDRAWN"), 1).get(0).json();
        assertEquals(0, withdrawn.getInt("lapsedHolds"), "QA's decision stands: nothing lapsed");
        assertEquals(List.of(), lapses(place));
        assertEquals("OK", scan(lot, 0).getString("verdict"));
    }

    @Test
    void aSilenceFilledByReadingsOutOfRangeKeepsTheVialsHeldUnderTheRunOutOfRange() throws SQLException {
        Silent silent = silentForAnHour();
        Instant now = silent.now();

        upload(silent.place(), now.minus(55, ChronoUnit.MINUTES), now.minus(5, ChronoUnit.MINUTES), Duration.ofMinutes(5), "-40.0");

        assertEquals(List.of("TEMPERATURE_HOLD"), reasons(scan(silent.lot(), 0)));
        assertEquals(List.of("OUT_OF_RANGE " + now.minus(55, ChronoUnit.MINUTES)), holdsByExcursion(held(silent.place())));
        assertEquals(List.of("NO_READINGS " + silent.lastHeard() + " SILENCE_FILLED"), lapses(silent.place()));
    }

    @Test
    void aRunOutOfRangeWhoseStartALateReadingMovesEarlierHoldsItsVialsUnderTheNewStartOnly() throws SQLException {
        String place = freezer();
        Lot lot = history.releasedLot(product, 180, place, 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant first = now.minus(10, ChronoUnit.MINUTES);
        send(place, now.minus(14, ChronoUnit.MINUTES), "-80.0");
        send(place, first, "-41.5");
        send(place, now.minus(12, ChronoUnit.MINUTES), "-43.0"); // late: the run began two minutes earlier

        assertEquals(List.of("TEMPERATURE_HOLD"), reasons(scan(lot, 0)));
        assertEquals(List.of("OUT_OF_RANGE " + now.minus(12, ChronoUnit.MINUTES)), holdsByExcursion(held(place)));
        assertEquals(List.of("OUT_OF_RANGE " + first + " START_MOVED"), lapses(place));
        JsonObject withdrawn = webhooks.await(about(place, "EXCURSION_WITHDRAWN"), 1).get(0).json();
        assertEquals(first, Instant.parse(withdrawn.getString("startedAt")));
        assertEquals(Map.of("EXCURSION_OPENED", 2, "EXCURSION_WITHDRAWN", 1), announced(place));
    }
}
