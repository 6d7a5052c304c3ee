package org.exotrace.trace;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recall, forward trace with the notification follow-up, and a patient's doses, over a history built through REST. */
@ExtendWith(ArquillianExtension.class)
class TraceIT {

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static String inventory;
    static String nurse;
    static String integration;

    String lot;
    String patientA;
    String patientB;

    /**
     * A released lot of five vials: 0 moved to another freezer, 1 broken, 2 given to A (scanned), 3 given to B
     * (chosen by hand), 4 given to A in part (0.5 ml of 2).
     */
    @BeforeEach
    void aHistory() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            nurse = api.tokenFor(Role.NURSE);
            integration = api.tokenFor(Role.INTEGRATION);
        }
        Fixtures history = new Fixtures(api, qa, inventory);
        Product product = history.newProduct("\"IV_DRIP\",\"INJECTION\"").donorSources("DENTAL_PULP").create();
        List<String> serials = List.of("S0", "S1", "S2", "S3", "S4");
        Lot received = history.release(history.receivedLot(product, 200, "FREEZER-1", "L" + Api.unique(), serials));
        lot = received.number();
        List<String> vialIds = received.vialIds();
        assertEquals(201, api.post("api/vials/" + vialIds.get(0) + "/moves", inventory, "{\"location\":\"FREEZER-2\"}").status());
        assertEquals(201, api.post("api/vials/" + vialIds.get(1) + "/waste", inventory, "{\"reason\":\"BROKEN\"}").status());
        patientA = "PA-" + Api.unique();
        patientB = "PB-" + Api.unique();
        give("{\"barcode\":" + Json.createValue(received.barcode(2)) + ",\"patientId\":\"" + patientA + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,"
                + "\"purpose\":\"THERAPY\",\"indication\":\"knee osteoarthritis\"}");
        give("{\"vialId\":\"" + vialIds.get(3) + "\",\"patientId\":\"" + patientB + "\",\"route\":\"INJECTION\",\"site\":\"FACE\","
                + "\"volumeMl\":2.0,\"purpose\":\"COSMETIC\"}");
        give("{\"barcode\":" + Json.createValue(received.barcode(4)) + ",\"patientId\":\"" + patientA + "\",\"route\":\"INJECTION\",\"site\":\"SCALP\","
                + "\"volumeMl\":0.5,\"purpose\":\"COSMETIC\"}");
    }

    private void give(String body) {
        Reply given = api.post("api/administrations", nurse, body, "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);
    }

    private Reply recall() {
        return api.post("api/lots/" + lot + "/recall", qa.token(), "{\"reason\":\"CPC notice: endotoxin re-test failed\"}");
    }

    private JsonObject trace() {
        Reply reply = api.get("api/lots/" + lot + "/trace?history=true", integration);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<String> strings(JsonArray array, String member) {
        return array.stream().map(v -> v.asJsonObject().getString(member)).toList();
    }

    @Test
    void aRecallListsTheVialsStillOnAShelf() {
        Reply recalled = recall();
        assertEquals(200, recalled.status(), recalled::toString);
        JsonArray onHand = recalled.json().getJsonArray("onHand");
        assertEquals(List.of("S0"), strings(onHand, "serial"));
        assertEquals("FREEZER-2", onHand.getJsonObject(0).getString("location"));
        JsonObject counts = recalled.json().getJsonObject("vials");
        assertEquals(3, counts.getInt("ADMINISTERED"));
        assertEquals(1, counts.getInt("WASTED"));
    }

    @Test
    void theForwardTraceHasEveryVialEveryDoseAndEveryPatient() {
        assertEquals(200, recall().status());
        JsonObject trace = trace();
        assertEquals("RECALLED", trace.getString("status"));
        assertEquals("CPC notice: endotoxin re-test failed", trace.getJsonObject("recall").getString("reason"));
        assertEquals(qa.username(), trace.getJsonObject("recall").getString("recalledBy"));
        assertEquals(List.of("S0", "S1", "S2", "S3", "S4"), strings(trace.getJsonArray("vials"), "serial"));
        assertEquals(List.of("IN_STOCK", "WASTED", "ADMINISTERED", "ADMINISTERED", "ADMINISTERED"), strings(trace.getJsonArray("vials"), "state"));
        assertEquals(List.of("RECEIVED", "MOVED"), strings(trace.getJsonArray("vials").getJsonObject(0).getJsonArray("history"), "kind"));
        JsonArray doses = trace.getJsonArray("doses");
        assertEquals(List.of(patientA, patientB, patientA), strings(doses, "patientId"));
        assertEquals(List.of("S2", "S3", "S4"), strings(doses, "serial"));
        assertEquals(List.of("IV_DRIP", "INJECTION", "INJECTION"), strings(doses, "route"));
        assertEquals(0.5, doses.getJsonObject(2).getJsonNumber("volumeMl").doubleValue());
        assertEquals("SCALP", doses.getJsonObject(2).getString("site"));
        assertFalse(doses.getJsonObject(1).getBoolean("scanned"));
        assertEquals(3, trace.getInt("doseCount"));
        JsonObject brief = api.get("api/lots/" + lot + "/trace", qa.token()).json();
        assertEquals(List.of(), brief.getJsonArray("vials").getJsonObject(0).getJsonArray("history"), "history only when asked for");
        assertEquals(3, brief.getJsonArray("doses").size());
        assertEquals(2, trace.getInt("patientCount"));
        assertEquals(2, trace.getInt("patientsToReach"));
    }

    @Test
    void notifyingAPatientTakesThemOffTheListAndOnlyRecipientsOfARecalledLotCount() {
        Reply early = api.post("api/lots/" + lot + "/notifications", qa.token(),
                "{\"patientId\":\"" + patientA + "\",\"channel\":\"PHONE\",\"outcome\":\"REACHED\"}");
        assertEquals(409, early.status(), early::toString);
        assertEquals("RELEASED", early.json().getString("currentState"));
        assertEquals(200, recall().status());

        Reply missed = api.post("api/lots/" + lot + "/notifications", qa.token(),
                "{\"patientId\":\"" + patientA + "\",\"channel\":\"PHONE\",\"outcome\":\"NOT_REACHED\",\"note\":\"no answer\"}");
        assertEquals(201, missed.status(), missed::toString);
        assertEquals(2, trace().getInt("patientsToReach"), "a call nobody answered reaches nobody");
        assertEquals(201, api.post("api/lots/" + lot + "/notifications", qa.token(),
                "{\"patientId\":\"" + patientA + "\",\"channel\":\"EMAIL\",\"outcome\":\"REACHED\"}").status());
        JsonObject trace = trace();
        assertEquals(1, trace.getInt("patientsToReach"));
        JsonObject a = trace.getJsonArray("patients").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("patientId").equals(patientA)).findFirst().orElseThrow();
        assertTrue(a.getBoolean("reached"));
        assertEquals(2, a.getInt("attempts"));
        assertEquals(2, a.getInt("vials"));

        Reply stranger = api.post("api/lots/" + lot + "/notifications", qa.token(),
                "{\"patientId\":\"P-NOBODY\",\"channel\":\"PHONE\",\"outcome\":\"REACHED\"}");
        assertEquals(422, stranger.status(), stranger::toString);
        assertEquals("NOT_A_RECIPIENT", stranger.code());
    }

    @Test
    void theNotificationListIsACsvWithOneRowPerDose() {
        assertEquals(200, recall().status());
        assertEquals(201, api.post("api/lots/" + lot + "/notifications", qa.token(),
                "{\"patientId\":\"" + patientB + "\",\"channel\":\"LETTER\",\"outcome\":\"REACHED\"}").status());
        Reply csv = api.send("GET", "api/lots/" + lot + "/trace", qa.token(), null, null, "Accept", "text/csv");
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
        List<String> lines = csv.body().lines().toList();
        assertEquals(4, lines.size(), csv.body());
        assertTrue(lines.get(0).startsWith("lotNumber,productCode,patientId,administeredAt"), lines.get(0));
        assertEquals(2, lines.stream().filter(l -> l.contains(patientA)).count());
        String b = lines.stream().filter(l -> l.contains(patientB)).findFirst().orElseThrow();
        assertTrue(b.contains(",false,true,") && b.endsWith(",REACHED"), "scanned false, reached true, last outcome REACHED: " + b);
    }

    @Test
    void aPatientsDosesShowLotProductCpcQcAndTheReleaseSigner() {
        assertEquals(200, recall().status());
        Reply reply = api.get("api/patients/" + patientA + "/doses", nurse);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject doses = reply.json();
        assertEquals(2, doses.getInt("doses"));
        assertTrue(doses.getBoolean("anyRecalled"));
        JsonArray items = doses.getJsonArray("items");
        assertEquals(List.of("S4", "S2"), strings(items, "serial"), "newest first");
        JsonObject first = items.getJsonObject(1);
        assertEquals(lot, first.getString("lotNumber"));
        assertEquals("RECALLED", first.getString("lotStatus"));
        assertEquals("DENTAL_PULP", first.getString("donorSource"));
        assertTrue(first.getString("cpcCode").startsWith("CPC-"));
        assertTrue(first.getJsonObject("qc").getBoolean("passed"));
        assertEquals("PASS", first.getJsonObject("qc").getJsonArray("assays").getJsonObject(0).getString("judgement"));
        assertEquals(qa.username(), first.getJsonArray("releasedBy").getJsonObject(0).getString("signer"));

        JsonObject nobody = api.get("api/patients/P-NOBODY-" + Api.unique() + "/doses", qa.token()).json();
        assertEquals(0, nobody.getInt("doses"));
        assertEquals(422, api.get("api/patients/%3Cscript%3E/doses", qa.token()).status());
    }

    @Test
    void whoMayTraceWhat() {
        assertEquals(403, api.get("api/lots/" + lot + "/trace", inventory).status());
        assertEquals(403, api.get("api/lots/" + lot + "/trace", nurse).status());
        assertEquals(403, api.get("api/patients/" + patientA + "/doses", inventory).status());
        assertEquals(200, api.get("api/patients/" + patientA + "/doses", integration).status());
        assertEquals(403, api.post("api/lots/" + lot + "/notifications", integration,
                "{\"patientId\":\"" + patientA + "\",\"channel\":\"PHONE\",\"outcome\":\"REACHED\"}").status());
        assertEquals(404, api.get("api/lots/NOPE" + Api.unique() + "/trace", qa.token()).status());
    }
}
