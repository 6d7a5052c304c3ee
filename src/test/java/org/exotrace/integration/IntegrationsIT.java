package org.exotrace.integration;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.exotrace.testing.Api;
import org.exotrace.testing.Conformance;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.exotrace.testing.Fixtures.Product;
import org.exotrace.testing.TestDatabase;
import org.exotrace.testing.WebhookReceiver;
import org.exotrace.testing.WebhookReceiver.Received;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What other systems get from the service: a lot's life as an EPCIS 2.0 document, checked against GS1's JSON Schema
 * and as a CPC or regulator reads it; and QA's decisions as signed webhooks, received here by a small HTTP server on
 * the loopback port that arquillian.xml hands to the service ({@link TestDatabase#WEBHOOK_PORT}).
 */
@ExtendWith(ArquillianExtension.class)
class IntegrationsIT {

    private static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    @RegisterExtension
    static final WebhookReceiver webhooks = new WebhookReceiver();

    @ArquillianResource
    URL base;

    Api api;
    static Staff qa;
    static Staff integration;
    static String inventory;
    static String nurse;
    Fixtures history;
    Product product;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            integration = api.newUser(Role.INTEGRATION);
            inventory = api.tokenFor(Role.INVENTORY);
            nurse = api.tokenFor(Role.NURSE);
        }
        history = new Fixtures(api, qa, inventory);
        product = history.product("\"IV_DRIP\"");
    }

    // ---- EPCIS -------------------------------------------------------------------------------------------------

    /** The clinic's GLN the test server is given (arquillian.xml); its company prefix has 7 digits, as the GTINs'. */
    private static final String SITE = "urn:epc:id:sgln:4912345.00000.";

    /** The SGTIN a regulator expects for a vial: GS1 company prefix of 7 digits (the default), indicator digit first. */
    private String sgtin(String serial) {
        String gtin = product.gtin();
        return "urn:epc:id:sgtin:" + gtin.substring(1, 8) + "." + gtin.charAt(0) + gtin.substring(8, 13) + "." + serial;
    }

    private JsonObject epcis(String lot) {
        Reply reply = api.send("GET", "api/epcis/events?lot=" + lot, integration.token(), null, null, "Accept", "application/ld+json");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/ld+json"), reply::contentType);
        Conformance.assertEpcis(reply.body());
        return reply.json();
    }

    private static List<JsonObject> events(JsonObject document) {
        return document.getJsonObject("epcisBody").getJsonArray("eventList").getValuesAs(JsonObject.class);
    }

    private static List<String> epcs(JsonObject event) {
        return event.getJsonArray("epcList").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void aLotsLifeIsAnEpcisDocumentOfObjectEventsInTheOrderTheyHappened() throws IOException {
        Lot lot = history.release(history.receivedLot(product, 200, "FREEZER-1", 4));
        List<String> vials = lot.vialIds();
        assertEquals(201, api.post("api/vials/" + vials.get(0) + "/moves", inventory, "{\"location\":\"FREEZER-2\"}").status());
        assertEquals(201, api.post("api/vials/" + vials.get(1) + "/waste", inventory, "{\"reason\":\"BROKEN\"}").status());
        String patient = "EP-" + Api.unique();
        Reply dose = api.post("api/administrations", nurse, "{\"vialId\":\"" + vials.get(2) + "\",\"patientId\":\"" + patient
                + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, dose.status(), dose::toString);
        assertEquals(200, api.post("api/lots/" + lot.number() + "/recall", qa.token(), "{\"reason\":\"CPC notice: sterility re-test failed\"}").status());

        JsonObject document = epcis(lot.number());
        Files.writeString(Path.of(System.getProperty("exotrace.test.dir", "target/it"), "epcis-example.json"), document.toString());
        assertEquals("EPCISDocument", document.getString("type"));
        assertEquals("2.0", document.getString("schemaVersion"));
        assertEquals(CONTEXT, document.getJsonArray("@context").getString(0));
        List<JsonObject> events = events(document);
        assertEquals(List.of("receiving", "inspecting", "storing", "destroying", "dispensing", "holding"),
                events.stream().map(e -> e.getString("bizStep")).toList(), "a receipt is CBV's receiving: commissioning is the CPC's");
        assertEquals(List.of("in_progress", "conformant", "in_progress", "destroyed", "dispensed", "recalled"),
                events.stream().map(e -> e.getString("disposition")).toList());
        assertTrue(events.stream().allMatch(e -> e.getString("action").equals("OBSERVE")), "the clinic adds no EPC: the CPC did");
        List<String> all = lot.serials().stream().map(this::sgtin).toList();

        JsonObject lotClass = document.getJsonObject("epcisHeader").getJsonObject("epcisMasterData").getJsonArray("vocabularyList")
                .getJsonObject(0).getJsonArray("vocabularyElementList").getJsonObject(0);
        assertEquals("urn:epc:class:lgtin:" + sgtin("").substring("urn:epc:id:sgtin:".length()) + lot.number(), lotClass.getString("id"));
        assertEquals(List.of("urn:epcglobal:cbv:mda#lotNumber=" + lot.number(), "urn:epcglobal:cbv:mda#itemExpirationDate=" + lot.expiresOn()),
                lotClass.getJsonArray("attributes").getValuesAs(JsonObject.class).stream()
                        .map(a -> a.getString("id") + "=" + a.getString("attribute")).toList());

        JsonObject receiving = events.get(0);
        assertEquals(all, epcs(receiving));
        assertFalse(receiving.containsKey("ilmd"), "EPCIS carries lot master data on ADD only");
        assertEquals(SITE + "FREEZER-1", receiving.getJsonObject("readPoint").getString("id"));
        assertEquals(SITE + "FREEZER-1", receiving.getJsonObject("bizLocation").getString("id"));
        assertEquals(SITE + "0", events.get(1).getJsonObject("bizLocation").getString("id"), "QA's release concerns the clinic's stock");
        assertFalse(events.get(4).containsKey("bizLocation"), "a vial dispensed is no longer at the clinic");
        assertEquals(SITE + "FREEZER-1", events.get(4).getJsonObject("readPoint").getString("id"));
        assertFalse(document.toString().contains("urn:exotrace:location:"), "no unregistered location namespace");

        assertEquals(all, epcs(events.get(1)), "the release concerns every vial then on hand");
        assertEquals(List.of(sgtin(lot.serials().get(0))), epcs(events.get(2)));
        assertEquals(SITE + "FREEZER-2", events.get(2).getJsonObject("readPoint").getString("id"));
        assertEquals(SITE + "FREEZER-2", events.get(2).getJsonObject("bizLocation").getString("id"));
        assertEquals(List.of(sgtin(lot.serials().get(1))), epcs(events.get(3)));
        assertEquals(List.of(sgtin(lot.serials().get(2))), epcs(events.get(4)));
        assertEquals(List.of(sgtin(lot.serials().get(0)), sgtin(lot.serials().get(3))), epcs(events.get(5)),
                "the recall names the vials still on a shelf");
        for (int i = 0; i < events.size(); i++) {
            JsonObject e = events.get(i);
            assertEquals("ObjectEvent", e.getString("type"));
            assertEquals("+09:00", e.getString("eventTimeZoneOffset"));
            if (i > 0) {
                assertFalse(Instant.parse(e.getString("eventTime")).isBefore(Instant.parse(events.get(i - 1).getString("eventTime"))));
            }
        }
        assertFalse(document.toString().contains(patient), "no patient in an EPCIS event");
        assertEquals(events.stream().map(e -> e.getString("eventID")).toList(),
                events(epcis(lot.number())).stream().map(e -> e.getString("eventID")).toList(), "event ids stay the same on every read");
        assertEquals(events.size(), new HashSet<>(events.stream().map(e -> e.getString("eventID")).toList()).size());

        JsonArray reads = api.get("api/audit?action=LOT_EPCIS_READ&subjectId=" + lot.number(), qa.token()).json().getJsonArray("items");
        assertEquals(2, reads.size(), reads::toString);
        assertEquals(integration.username(), reads.getJsonObject(0).getString("actor"));
    }

    @Test
    void aReceiptOfTenThousandVialsIsOneReceivingEventWithEveryEpc() {
        String number = "B" + Api.unique();
        Reply received = api.post("api/lots", inventory, """
                {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"%s",
                 "expiresOn":"%s","location":"FREEZER-BIG","vialCount":10000}""".formatted(number, product.code(), history.cpc(),
                Fixtures.today().minusDays(10), Fixtures.today().plusDays(300)));
        assertEquals(201, received.status(), received::toString);
        List<JsonObject> events = events(epcis(number));
        assertEquals(1, events.size());
        List<String> epcs = epcs(events.get(0));
        assertEquals(10_000, epcs.size());
        assertEquals(10_000, new HashSet<>(epcs).size());
        String prefix = sgtin("");
        assertTrue(epcs.stream().allMatch(e -> e.startsWith(prefix) && e.length() == prefix.length() + 10), () -> epcs.get(0));
    }

    @Test
    void anUnknownLotIsNotFoundAndAMissingOneIsRefused() {
        Reply unknown = api.get("api/epcis/events?lot=NO" + Api.unique(), integration.token());
        assertEquals(404, unknown.status(), unknown::toString);
        assertTrue(unknown.isProblem());
        assertEquals("NOT_FOUND", unknown.code());
        Reply missing = api.get("api/epcis/events", integration.token());
        assertEquals(422, missing.status(), missing::toString);
        assertEquals("VALIDATION_FAILED", missing.code());
    }

    // ---- webhooks ----------------------------------------------------------------------------------------------

    private static List<Received> awaitWebhooks(Predicate<Received> which, int count) {
        return webhooks.await(which, count);
    }

    private static Predicate<Received> about(String lot, String type) {
        return r -> lot.equals(r.json().getString("lotNumber", "")) && type.equals(r.json().getString("eventType", ""));
    }

    @Test
    void aRecallIsPostedSignedWithTheLotItsGtinWhyAndWho() throws Exception {
        Lot lot = history.releasedLot(product, 200, "FREEZER-1", 1);
        assertEquals(200, api.post("api/lots/" + lot.number() + "/recall", qa.token(), "{\"reason\":\"CPC notice: endotoxin\"}").status());

        Received recall = awaitWebhooks(about(lot.number(), "LOT_RECALLED"), 1).get(0);
        JsonObject event = recall.json();
        assertEquals(WebhookReceiver.hmac(recall.header("X-ExoTrace-Timestamp"), recall.body()), recall.header("X-ExoTrace-Signature"));
        long sentAt = Long.parseLong(recall.header("X-ExoTrace-Timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - sentAt) < 300, "a fresh timestamp");
        assertEquals(event.getString("eventId"), recall.header("X-ExoTrace-Event-Id"));
        assertEquals("LOT_RECALLED", recall.header("X-ExoTrace-Event-Type"));
        assertTrue(recall.header("Content-Type").startsWith("application/json"));
        assertEquals(product.gtin(), event.getString("gtin"));
        assertEquals(product.code(), event.getString("productCode"));
        assertEquals("RECALLED", event.getString("status"));
        assertEquals("RELEASED", event.getString("previousStatus"));
        assertEquals("CPC notice: endotoxin", event.getString("reason"));
        assertEquals(qa.username(), event.getString("decidedBy"));
        assertNotNull(Instant.parse(event.getString("occurredAt")));
        Received release = awaitWebhooks(about(lot.number(), "LOT_RELEASED"), 1).get(0);
        assertFalse(release.json().getString("eventId").equals(event.getString("eventId")));

        assertEquals(409, api.post("api/lots/" + lot.number() + "/recall", qa.token(), "{\"reason\":\"again\"}").status());
        assertEquals(2, outboxEvents(lot.number()), "a refused decision publishes nothing");
    }

    @Test
    void aCorrectedDoseOfARecalledLotIsPostedAsItsPatientsChanged() throws Exception {
        Lot lot = history.releasedLot(product, 200, "FREEZER-1", 1);
        Reply given = api.post("api/administrations", nurse, "{\"vialId\":\"" + lot.vialIds().get(0) + "\",\"patientId\":\"P-WRONG-"
                + Api.unique() + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);
        assertEquals(200, api.post("api/lots/" + lot.number() + "/recall", qa.token(), "{\"reason\":\"CPC notice\"}").status());
        String doseId = given.json().getString("administrationId");
        Reply corrected = api.post("api/administrations/" + doseId + "/corrections", qa.token(), "{\"action\":\"REPLACE\","
                + "\"reason\":\"entered for the wrong patient\",\"password\":\"" + qa.password() + "\",\"replacement\":{\"patientId\":"
                + "\"P-RIGHT-" + Api.unique() + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}}");
        assertEquals(201, corrected.status(), corrected::toString);

        Received changed = awaitWebhooks(about(lot.number(), "RECALL_PATIENTS_CHANGED"), 1).get(0);
        assertEquals(WebhookReceiver.hmac(changed.header("X-ExoTrace-Timestamp"), changed.body()), changed.header("X-ExoTrace-Signature"));
        JsonObject event = changed.json();
        assertEquals("RECALLED", event.getString("status"));
        assertEquals(doseId, event.getString("correctedAdministrationId"));
        assertEquals(corrected.json().getJsonObject("correction").getString("correctionId"), event.getString("correctionId"));
        assertEquals("REPLACE", event.getString("correction"));
        assertEquals(product.gtin(), event.getString("gtin"));
    }

    @Test
    void aWebhookAnsweredWith500ComesAgainWithTheSameEventId() throws Exception {
        Lot lot = history.receivedLot(product, 200, "FREEZER-1", 1);
        webhooks.refuseFirst.add(lot.number());
        assertEquals(200, api.post("api/lots/" + lot.number() + "/reject", qa.token(), "{\"reason\":\"sterility positive\"}").status());

        List<Received> twice = awaitWebhooks(about(lot.number(), "LOT_REJECTED"), 2);
        assertEquals(500, twice.get(0).answered());
        assertEquals(200, twice.get(1).answered());
        String eventId = twice.get(0).json().getString("eventId");
        assertEquals(eventId, twice.get(1).json().getString("eventId"));
        assertEquals(twice.get(0).body(), twice.get(1).body(), "the same body, byte for byte");
        assertEquals(List.of("1", "2"), twice.stream().map(r -> r.header("X-ExoTrace-Delivery-Attempt")).toList());
        assertEquals(WebhookReceiver.hmac(twice.get(1).header("X-ExoTrace-Timestamp"), twice.get(1).body()), twice.get(1).header("X-ExoTrace-Signature"));

        JsonObject delivery = awaitDelivered(eventId);
        assertEquals(2, delivery.getInt("attempts"));
        assertEquals(200, delivery.getInt("lastStatus"));
        assertEquals("LOT_REJECTED", delivery.getString("eventType"));
        assertEquals(List.of(500, 200), attempts(eventId));
    }

    /** The operator's view of the event's delivery, once it says DELIVERED (the attempt is recorded after the answer). */
    private JsonObject awaitDelivered(String eventId) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            Reply page = api.get("api/webhooks/deliveries?status=DELIVERED&size=500", api.adminToken());
            assertEquals(200, page.status(), page::toString);
            var match = page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(d -> eventId.equals(d.getString("eventId"))).findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("delivery of " + eventId + " never listed as DELIVERED");
    }

    private static int outboxEvents(String lot) throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM webhook_event WHERE lot_number = ?")) {
            st.setString(1, lot);
            try (ResultSet r = st.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static List<Integer> attempts(String eventId) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement st = c.prepareStatement("""
                SELECT a.http_status FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                 WHERE d.event_id = ?::uuid ORDER BY a.attempt""")) {
            st.setString(1, eventId);
            List<Integer> statuses = new ArrayList<>();
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    statuses.add(r.getInt(1));
                }
            }
            return statuses;
        }
    }

    /**
     * A delivery is a row, not memory: one written by an earlier run (or another instance) is sent; while another
     * instance holds it locked (claiming it), this one skips it instead of sending it too, and sends it once free.
     * Skipping leaves no trace, so a second delivery due a second after the locked one tells when a poll has passed
     * over it: the dispatcher takes due rows in the order they fell due, so the poll that sends the second had the
     * first in front of it.
     */
    @Test
    void anOutboxRowIsSentFromTheTableAndALockedOneIsLeftToItsHolder() throws Exception {
        String lot = "OUTBOX" + Api.unique();
        String later = "OUTBOX" + Api.unique();
        UUID eventId = UUID.randomUUID();
        UUID laterId = UUID.randomUUID();
        String body = outboxEvent(eventId, lot);
        String url = "http://127.0.0.1:" + System.getProperty(TestDatabase.WEBHOOK_PORT) + "/hook";
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            outboxDelivery(db, eventId, lot, body, url, "2 seconds");
            outboxDelivery(db, laterId, later, outboxEvent(laterId, later), url, "3 seconds");
            db.commit(); // due in 2 s: locked now, as another instance's claim would hold it, until well after that
            try (PreparedStatement lock = db.prepareStatement("SELECT id FROM webhook_delivery WHERE event_id = ? FOR UPDATE")) {
                lock.setObject(1, eventId);
                lock.executeQuery().close();
            }
            Predicate<Received> mine = r -> lot.equals(r.json().getString("lotNumber", ""));
            awaitWebhooks(r -> later.equals(r.json().getString("lotNumber", "")), 1);
            assertTrue(webhooks.received(mine).isEmpty(), "sent while another transaction held the row");
            db.commit();
            Received sent = awaitWebhooks(mine, 1).get(0);
            assertEquals(body, sent.body());
            assertEquals(eventId.toString(), sent.header("X-ExoTrace-Event-Id"));
        }
        assertEquals(List.of(200), attempts(eventId.toString()));
    }

    private static String outboxEvent(UUID eventId, String lot) {
        return Json.createObjectBuilder().add("eventId", eventId.toString()).add("eventType", "LOT_RECALLED").add("lotNumber", lot)
                .build().toString();
    }

    /** An event and its delivery to {@code url}, due after {@code dueIn}, written as an earlier run would have left them. */
    private static void outboxDelivery(Connection db, UUID eventId, String lot, String body, String url, String dueIn) throws SQLException {
        try (PreparedStatement event = db.prepareStatement(
                "INSERT INTO webhook_event (id, event_type, lot_number, payload, created_at) VALUES (?, 'LOT_RECALLED', ?, ?, now())");
             PreparedStatement delivery = db.prepareStatement(
                     "INSERT INTO webhook_delivery (event_id, url, status, next_attempt_at) VALUES (?, ?, 'PENDING', now() + ?::interval)")) {
            event.setObject(1, eventId);
            event.setString(2, lot);
            event.setString(3, body);
            event.executeUpdate();
            delivery.setObject(1, eventId);
            delivery.setString(2, url);
            delivery.setString(3, dueIn);
            delivery.executeUpdate();
        }
    }

    @Test
    void theOpenApiDocumentDescribesBothEndpoints() {
        Reply openapi = api.send("GET", "/openapi", null, null, null, "Accept", "application/json");
        assertEquals(200, openapi.status(), openapi::toString);
        JsonObject paths = openapi.json().getJsonObject("paths");
        assertTrue(paths.containsKey("/api/epcis/events"), paths.keySet()::toString);
        assertTrue(paths.containsKey("/api/webhooks/deliveries"), paths.keySet()::toString);
    }

    @Test
    void deliveriesAreForAdminsOnlyAndAnUnknownStatusIsRefused() {
        assertEquals(403, api.get("api/webhooks/deliveries", qa.token()).status());
        Reply wrong = api.get("api/webhooks/deliveries?status=LOST", api.adminToken());
        assertEquals(400, wrong.status(), wrong::toString);
        assertEquals("VALIDATION_FAILED", wrong.code());
        Reply pending = api.get("api/webhooks/deliveries?status=PENDING", api.adminToken());
        assertEquals(200, pending.status(), pending::toString);
        assertTrue(pending.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().allMatch(d -> d.getString("status").equals("PENDING")));
    }
}
