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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Temperature holds (ADR 0044): the vials that were in a place while an excursion of it was open are blocked at the
 * bedside with TEMPERATURE_HOLD until QA disposes of the excursion by signature, releasing or wasting them.
 */
@ExtendWith(ArquillianExtension.class)
class ColdChainHoldIT {

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
        String code = "FRZ-" + Api.unique().toUpperCase();
        Reply registered = api.post("api/locations", qa.token(), """
                {"code":"%s","name":"-80 °C freezer","kind":"FREEZER","minC":-90,"maxC":-60,"maxGapMinutes":15}""".formatted(code));
        assertEquals(201, registered.status(), registered::toString);
        return code;
    }

    private JsonObject send(String place, Instant at, String celsius) {
        Reply sent = api.post("api/locations/" + place + "/readings", integration,
                "{\"loggerId\":\"TL-1\",\"readings\":[{\"at\":\"" + at + "\",\"celsius\":" + celsius + "}]}");
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
}
