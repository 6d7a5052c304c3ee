package org.exotrace.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.TestDatabase;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service under attack: forged and broken bearer tokens, hostile input in paths, queries and bodies, the
 * headers of pages and API, and the audit of reads of patients' records. Every refusal is a 4xx problem with
 * nothing of the server's insides in it, and nothing is written.
 */
@ExtendWith(ArquillianExtension.class)
class HardeningIT {

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static Staff nurse;
    static String inventory;

    /** HTTP/1.1 only: Java's client otherwise upgrades to h2c, where an early 413 to a chunked upload ends the connection. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void client() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            nurse = api.newUser(Role.NURSE);
            inventory = api.tokenFor(Role.INVENTORY);
        }
    }

    // ---- tokens ----

    @Test
    void everyForgedOrBrokenBearerTokenIsUnauthenticated() throws Exception {
        TokenForge forge = TokenForge.ofServerUnderTest();
        assertEquals(200, getWithAuthorization("api/lots", "Bearer " + forge.signed(TokenForge.claims().build())).status(),
                "a token the test signs with the service's key and right claims is accepted, so the refusals below are about what is wrong");
        long now = Instant.now().getEpochSecond();
        JsonObject good = TokenForge.claims().build();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("alg none", "Bearer " + TokenForge.unsigned(good, true));
        headers.put("alg none without the last dot", "Bearer " + TokenForge.unsigned(good, false));
        headers.put("HS256 keyed with the public key PEM", "Bearer " + forge.hs256WithPublicKeyPem(good));
        headers.put("HS256 keyed with the public key DER", "Bearer " + forge.hs256WithPublicKeyDer(good));
        headers.put("ES256 header over an RS256 signature", "Bearer " + forge.es256HeaderOverRsaSignature(good));
        headers.put("signed by another RSA key", "Bearer " + forge.signedBy(TokenForge.anotherKey(), good));
        headers.put("one payload byte changed", "Bearer " + TokenForge.withPayloadByteChanged(api.adminToken()));
        headers.put("wrong issuer", "Bearer " + forge.signed(TokenForge.claims().add("iss", "https://evil.example").build()));
        headers.put("wrong audience", "Bearer " + forge.signed(TokenForge.claims().add("aud", "another-service").build()));
        headers.put("no audience", "Bearer " + forge.signed(TokenForge.claims().remove("aud").build()));
        headers.put("expired a minute ago", "Bearer " + forge.signed(TokenForge.claims().add("iat", now - 3600).add("exp", now - 60).build()));
        headers.put("not valid before an hour from now", "Bearer " + forge.signed(TokenForge.claims().add("nbf", now + 3600).build()));
        headers.put("no exp", "Bearer " + forge.signed(TokenForge.claims().remove("exp").build()));
        headers.put("garbage", "Bearer not-a-token");
        headers.put("three garbage parts", "Bearer a.b.c");
        headers.put("Bearer with no value", "Bearer");
        headers.put("Basic credentials", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes()));
        List<Executable> checks = new ArrayList<>();
        headers.forEach((what, header) -> checks.add(() -> {
            Reply reply = getWithAuthorization("api/lots", header);
            assertProblem(reply, 401, "UNAUTHENTICATED");
            assertFalse(reply.body().toLowerCase().contains("jwt"), () -> what + " leaks the verifier's words: " + reply);
        }));
        assertAll(checks);
    }

    // ---- hostile input ----

    @Test
    void overLongPathsAndQueriesAreRefusedWithoutInsides() throws SQLException {
        Writes before = Writes.now();
        Reply tooLongForTheServer = get("api/lots/" + "A".repeat(10_000), inventory);
        assertEquals(400, tooLongForTheServer.status(), "the HTTP listener refuses a request line over 8 KiB: " + tooLongForTheServer);
        assertNoInsides(tooLongForTheServer);
        Reply longLot = get("api/lots/" + "A".repeat(5_000), inventory);
        assertProblem(longLot, 404, "NOT_FOUND");
        assertTrue(longLot.json().getString("detail").length() < 120, longLot::toString);
        assertProblem(get("api/patients/" + "P".repeat(5_000) + "/doses", nurse.token()), 422, "VALIDATION_FAILED");
        assertProblem(get("api/lots?lotNumber=" + "A".repeat(5_000), inventory), 400, "VALIDATION_FAILED");
        assertProblem(get("api/lots?page=99999999999", inventory), 400, "VALIDATION_FAILED");
        before.assertNothingWritten();
    }

    @Test
    void sqlFragmentsAreDataNeverSql() throws SQLException {
        String drop = "'; DROP TABLE lot; --";
        String always = "' OR 1=1 --";
        Writes before = Writes.now();
        assertProblem(get("api/lots/" + encode(always), inventory), 404, "NOT_FOUND");
        assertProblem(get("api/lots/" + encode(drop), inventory), 404, "NOT_FOUND");
        assertProblem(get("api/lots?lotNumber=" + encode(always), inventory), 400, "VALIDATION_FAILED");
        Reply byProduct = get("api/lots?productCode=" + encode(drop), inventory);
        assertEquals(200, byProduct.status(), byProduct::toString);
        assertEquals(0, byProduct.json().getInt("total"), "the fragment matched no product: " + byProduct);
        Reply audit = get("api/audit?actor=" + encode(always), qa.token());
        assertEquals(200, audit.status(), audit::toString);
        assertEquals(0, audit.json().getInt("total"), "the fragment matched no actor: " + audit);
        assertProblem(post("api/cpcs", qa.token(), cpc(drop, "Kobe", "JP")), 400, "VALIDATION_FAILED");
        assertProblem(post("api/lots", inventory, """
                {"lotNumber":"%s","productCode":"X","cpcCode":"X","donorSource":"CORD_BLOOD","manufacturedOn":"2026-01-01",
                 "expiresOn":"2027-01-01","location":"F","vialCount":1}""".formatted(always)), 400, "VALIDATION_FAILED");
        before.assertNothingWritten();

        String code = "CPC-" + Api.unique();
        Reply created = post("api/cpcs", qa.token(), cpc(code, drop, "JP").replace("\"FA3190001\"", Json.createValue(always).toString()));
        assertEquals(201, created.status(), created::toString);
        JsonObject stored = get("api/cpcs/" + code, qa.token()).json();
        assertEquals(drop, stored.getString("name"));
        assertEquals(always, stored.getString("licenceNumber"));
        try (Connection db = TestDatabase.connect(); ResultSet lot = db.createStatement().executeQuery("SELECT to_regclass('lot') IS NOT NULL")) {
            assertTrue(lot.next() && lot.getBoolean(1), "the lot table is still there");
        }
    }

    @Test
    void scriptInStoredTextComesBackAsDataAndNoPageParsesTextAsHtml() {
        String script = "<script>alert(1)</script>";
        String image = "<img src=x onerror=alert(1)>";
        String code = "CPC-" + Api.unique();
        assertEquals(201, post("api/cpcs", qa.token(), cpc(code, script, "JP").replace("\"FA3190001\"", Json.createValue(image).toString())).status());
        Reply stored = get("api/cpcs/" + code, qa.token());
        assertTrue(stored.contentType().startsWith("application/json"), stored::toString);
        assertEquals("nosniff", stored.header("X-Content-Type-Options"));
        assertEquals(script, stored.json().getString("name"));
        assertEquals(image, stored.json().getString("licenceNumber"));
        for (String asset : List.of("qa.js", "lot.js", "lots.js", "scan.js", "stock.js", "words.js", "signin.js", "home.js", "inventory.js", "admin.js", "scanner.js")) {
            Reply js = get("assets/" + asset, null);
            assertEquals(200, js.status(), asset);
            for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
                assertFalse(js.body().contains(sink), asset + " uses " + sink);
            }
        }
    }

    @Test
    void aNulCharacterIsRefusedWhereItWouldBeStoredOrLookedUpAndNothingIsWritten() throws SQLException {
        Writes before = Writes.now();
        assertProblem(post("api/cpcs", qa.token(), cpc("CPC-" + Api.unique(), "Kobe\\u0000CPC", "JP")), 400, "INVALID_CHARACTERS");
        assertProblem(post("api/auth/token", null, "{\"username\":\"adm\\u0000in\",\"password\":\"whatever-it-is\"}"), 400, "INVALID_CHARACTERS");
        assertProblem(post("api/administrations", nurse.token(), "{\"vialId\":\"" + UUID.randomUUID() + "\",\"patientId\":\"P\\u0000-1\","
                + "\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString()), 400, "VALIDATION_FAILED");
        assertProblem(get("api/lots?lotNumber=A%00B", inventory), 400, "INVALID_CHARACTERS");
        assertProblem(get("api/audit?actor=A%00B", qa.token()), 400, "INVALID_CHARACTERS");
        Reply inPath = get("api/lots/A%00B", inventory);
        assertEquals(400, inPath.status(), "the HTTP listener refuses an encoded NUL in a path: " + inPath);
        assertNoInsides(inPath);
        Reply scan = post("api/scans", nurse.token(), "{\"barcode\":\"\\u0000]d2010\"}");
        assertEquals(200, scan.status(), "a scan answers any text with a verdict: " + scan);
        assertEquals("BLOCKED", scan.json().getString("verdict"));
        before.assertNothingWritten();
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws SQLException {
        Writes before = Writes.now();
        byte[] body = ("{\"code\":\"CPC-" + Api.unique() + "\",\"name\":\"X\",\"licenceNumber\":\"L\",\"country\":\"JP\"}").getBytes(StandardCharsets.UTF_8);
        int x = new String(body, StandardCharsets.UTF_8).indexOf("\"X\"") + 1;
        body[x] = (byte) 0xff;
        assertProblem(sendBytes("api/cpcs", qa.token(), HttpRequest.BodyPublishers.ofByteArray(body)), 400, "INVALID_CHARACTERS");
        assertProblem(get("api/lots?lotNumber=%C3%28", inventory), 400, "INVALID_CHARACTERS");
        before.assertNothingWritten();
    }

    @Test
    void deepOrUnclosedJsonIsRefusedAtOnce() throws SQLException {
        Writes before = Writes.now();
        assertProblem(post("api/cpcs", qa.token(), "[".repeat(100_000)), 400, "MALFORMED_JSON");
        assertProblem(post("api/cpcs", qa.token(), "{\"a\":".repeat(100_000)), 400, "MALFORMED_JSON");
        // an unknown property whose object or array never closes once spun a request thread for ever (parsson#23)
        for (String unclosed : List.of("{\"x\":{", "{\"x\":[", "{\"username\":\"admin\",\"x\":{\"y\":[1,")) {
            Reply reply = post("api/auth/token", null, unclosed);
            assertProblem(reply, 400, "MALFORMED_JSON");
        }
        assertProblem(post("api/cpcs", qa.token(), "{\"code\":\"CPC-1\""), 400, "MALFORMED_JSON");
        before.assertNothingWritten();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsKnownOrNot() throws SQLException {
        Writes before = Writes.now();
        byte[] twelveMegabytes = ("{\"code\":\"CPC-" + Api.unique() + "\",\"name\":\"" + "x".repeat(12 * 1024 * 1024)
                + "\",\"licenceNumber\":\"L\",\"country\":\"JP\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(sendBytes("api/cpcs", qa.token(), HttpRequest.BodyPublishers.ofByteArray(twelveMegabytes)),
                413, "BODY_TOO_LARGE");
        assertProblem(sendBytes("api/cpcs", qa.token(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twelveMegabytes))), 413, "BODY_TOO_LARGE");
        assertProblem(sendBytes("api/auth/token", null, HttpRequest.BodyPublishers.ofByteArray(twelveMegabytes)),
                413, "BODY_TOO_LARGE");
        before.assertNothingWritten();
    }

    @Test
    void wrongContentTypeAndMissingBodyAreRefused() throws SQLException {
        Writes before = Writes.now();
        String body = cpc("CPC-" + Api.unique(), "Kobe", "JP");
        assertProblem(send("POST", "api/cpcs", qa.token(), "text/plain", body), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(send("POST", "api/cpcs", qa.token(), "application/xml", "<cpc/>"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(send("POST", "api/cpcs", qa.token(), "application/json; charset=no-such-charset", body), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(send("POST", "api/cpcs", qa.token(), "application/json", null), 400, "BAD_REQUEST");
        assertProblem(send("POST", "api/cpcs", qa.token(), "application/json", "null"), 400, "VALIDATION_FAILED");
        before.assertNothingWritten();
    }

    // ---- pages and headers ----

    @Test
    void pagesSendAStrictPolicyHoldNoDataAndNothingSetsACookie() {
        for (String page : List.of("", "stock", "scan", "lots", "lots/L-1", "inventory", "admin")) {
            Reply reply = get(page, null);
            assertEquals(200, reply.status(), page);
            String csp = reply.header("Content-Security-Policy");
            assertNotNull(csp, page);
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
                    page + ": " + csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("*"), page + ": " + csp);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), page);
            assertEquals("no-referrer", reply.header("Referrer-Policy"), page);
            assertNull(reply.header("Set-Cookie"), page);
            assertFalse(reply.body().matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), page + " has an inline script");
            assertFalse(reply.body().matches("(?s).*\\son[a-z]+=.*") || reply.body().contains("style="), page + " has inline handlers or styles");
            if (!page.isEmpty()) {
                assertTrue(reply.body().contains("id=\"signin\""), page + " shows its sign-in form without a token");
            }
        }
        String token = api.adminToken();
        List<Reply> answers = List.of(get("api/lots", inventory), get("api/lots", null), getWithAuthorization("api/lots", "Bearer a.b.c"),
                post("api/auth/token", null, "{\"username\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}"),
                get("api/audit", token));
        for (Reply reply : answers) {
            assertNull(reply.header("Set-Cookie"), reply::toString);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply::toString);
            assertEquals("no-store", reply.header("Cache-Control"), reply::toString);
            assertTrue(reply.header("Content-Security-Policy").startsWith("default-src 'none'"), reply::toString);
        }
    }

    // ---- privacy ----

    @Test
    void readingAPatientsDosesALotsTraceOrReportOrOneDoseIsAuditedWithWhoLookedAtWhom() {
        Fixtures history = new Fixtures(api, qa, inventory);
        Fixtures.Lot lot = history.releasedLot(history.product("\"IV_DRIP\""), 200, "FREEZER-1", 2);
        String patient = "PH-" + Api.unique();
        Reply given = api.post("api/administrations", nurse.token(), "{\"barcode\":" + Json.createValue(lot.barcode(0)) + ",\"patientId\":\""
                + patient + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);

        Reply doses = api.get("api/patients/" + patient + "/doses", nurse.token());
        assertEquals(200, doses.status(), doses::toString);
        assertEquals(1, doses.json().getInt("doses"));
        JsonObject read = onlyEntry("api/audit?action=PATIENT_DOSES_READ&subjectId=" + patient);
        assertEquals(nurse.username(), read.getString("actor"));
        assertEquals("patient", read.getString("subjectType"));
        assertEquals(1, read.getJsonObject("change").getInt("vials"));

        assertEquals(200, api.get("api/lots/" + lot.number() + "/trace", qa.token()).status());
        JsonObject trace = onlyEntry("api/audit?action=LOT_TRACE_READ&subjectId=" + lot.number());
        assertEquals(qa.username(), trace.getString("actor"));
        assertEquals(1, trace.getJsonObject("change").getInt("patients"));

        assertEquals(200, api.get("api/lots/" + lot.number() + "/report", qa.token()).status());
        assertEquals(qa.username(), onlyEntry("api/audit?action=LOT_REPORT_READ&subjectId=" + lot.number()).getString("actor"));
        String dose = given.json().getString("administrationId");
        assertEquals(200, api.get("api/administrations/" + dose, nurse.token()).status());
        JsonObject doseRead = onlyEntry("api/audit?action=DOSE_READ&subjectId=" + patient);
        assertEquals(nurse.username(), doseRead.getString("actor"));
        assertEquals(dose, doseRead.getJsonObject("change").getString("administrationId"));
        Reply chain = api.get("api/audit/verify", qa.token());
        assertTrue(chain.json().getBoolean("intact"), chain::toString);
    }

    private JsonObject onlyEntry(String query) {
        Reply entries = api.get(query, qa.token());
        assertEquals(200, entries.status(), entries::toString);
        assertEquals(1, entries.json().getInt("total"), entries::toString);
        return entries.json().getJsonArray("items").getJsonObject(0);
    }

    // ---- helpers ----

    // ---- issue 26: metrics, numbers, headers and addresses ----

    @Test
    void methodNamesTheServiceDoesNotKnowAreRefusedAndMakeNoMetricSeries() throws SQLException {
        Writes before = Writes.now();
        String probe = "SECPROBE" + Api.unique().replaceAll("[^A-Za-z0-9]", "").toUpperCase();
        for (int i = 0; i < 20; i++) {
            Reply refused = send(probe + i, "api/users", null, null, null);
            assertProblem(refused, 405, "METHOD_NOT_ALLOWED");
        }
        assertProblem(send(probe, "api/users", inventory, null, null), 405, "METHOD_NOT_ALLOWED");
        Reply metrics = api.send("GET", "/metrics", null, null, null, "Accept", "text/plain");
        assertEquals(200, metrics.status(), metrics::toString);
        assertFalse(metrics.body().contains(probe), "no series is named after an invented method");
        assertTrue(metrics.body().contains("method=\"OTHER\""), "they are counted as OTHER");
        before.assertNothingWritten();
    }

    private static final String LAL = "\"method\":\"LAL\",\"performedAt\":\"2026-11-20T09:00:00Z\"";

    @Test
    void aQcReadingIsStoredAsTheNumberJudgedOrRefusedAndNothingIsWritten() throws SQLException {
        Fixtures fixtures = new Fixtures(api, qa, inventory);
        Fixtures.Product product = fixtures.newProduct("\"IV_DRIP\"").requiredAssays("""
                {"assay":"ENDOTOXIN","max":0.5,"unit":"EU/mL"},{"assay":"ZETA_POTENTIAL","min":-40,"max":-10,"unit":"mV"}""").create();
        Fixtures.Lot lot = fixtures.receivedLot(product, 180, "FREEZER-1", 1);
        String results = "api/lots/" + lot.number() + "/qc-results";
        Writes before = Writes.now();
        long resultsBefore = count("SELECT count(*) FROM qc_result");
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("4.2e262155", "VALUE_OUT_OF_RANGE");   // was judged FAIL and stored as 420000000000
        refused.put("-1e262144", "VALUE_OUT_OF_RANGE");    // was judged PASS and stored as -1
        refused.put("1e-1000000", "VALUE_OUT_OF_RANGE");   // was a 500
        refused.put("1e20000000", "VALUE_OUT_OF_RANGE");   // wrote a 20 MB audit entry
        refused.put("0.0000000000001", "VALUE_OUT_OF_RANGE");
        refused.put("1000000000000000000", "VALUE_OUT_OF_RANGE");
        refused.put("-0.6", "NEGATIVE_VALUE");             // a sign typo would PASS "<= 0.5 EU/mL"
        List<Executable> checks = new ArrayList<>();
        refused.forEach((value, code) -> checks.add(() -> {
            Reply reply = post(results, qa.token(), "{\"assay\":\"ENDOTOXIN\",\"value\":" + value + ",\"unit\":\"EU/mL\"," + LAL + "}");
            assertProblem(reply, 422, code);
            assertTrue(reply.body().length() < 2_000, reply::toString);
        }));
        checks.add(() -> assertProblem(send("POST", results, qa.token(), "text/csv", "assay,value,unit,method,performedAt\nENDOTOXIN,1e-13,EU/mL,LAL,2026-11-20T09:00:00Z\n"),
                422, "VALUE_OUT_OF_RANGE"));
        assertAll(checks);
        assertEquals(resultsBefore, count("SELECT count(*) FROM qc_result"), "no result was stored");
        before.assertNothingWritten();

        Reply bounds = post(results, qa.token(), "{\"assay\":\"ENDOTOXIN\",\"value\":0.000000000001,\"unit\":\"EU/mL\"," + LAL + "}");
        assertEquals(201, bounds.status(), bounds::toString);
        Reply negative = post(results, qa.token(), "{\"assay\":\"ZETA_POTENTIAL\",\"value\":-25.5,\"unit\":\"mV\"," + LAL + "}");
        assertEquals(201, negative.status(), "a limit below zero allows a value below zero: " + negative);
        assertEquals("PASS", negative.json().getJsonArray("results").getJsonObject(0).getString("judgement"));
        assertEquals("0.000000000001", text("SELECT value::text FROM qc_result WHERE assay = 'ENDOTOXIN' AND lot_id = "
                + "(SELECT id FROM lot WHERE lot_number = '" + lot.number() + "')"), "stored as the number judged");

        Reply limit = post("api/products", qa.token(), """
                {"code":"R-%s","name":"x","gtin":"04912345000019","donorSources":["CORD_BLOOD"],"volumeMl":2.0,
                 "particlesPerVial":780000000000,"routes":["IV_DRIP"],"requiredAssays":[{"assay":"ENDOTOXIN","max":1e-13,"unit":"EU/mL"}]}"""
                .formatted(Api.unique()));
        assertProblem(limit, 422, "VALIDATION_FAILED");
    }

    @Test
    void anAuditEntryHasABoundedSize() throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try (var insert = db.prepareStatement("INSERT INTO audit_entry (recorded_at, actor, action, subject_type, subject_id, change,"
                    + " digest, prev_hash, hash) VALUES (now(), 'test', 'TEST', 'test', 'test', ?, ?, ?, ?)")) {
                insert.setString(1, "{\"x\":\"" + "9".repeat(17_000) + "\"}");
                insert.setString(2, "0".repeat(64));
                insert.setString(3, "0".repeat(64));
                insert.setString(4, UUID.randomUUID().toString().replace("-", "").repeat(2));
                SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, insert::executeUpdate,
                        "an entry over 16 KiB is refused by the column");
                assertEquals("23514", refused.getSQLState(), refused::toString);
            } finally {
                db.rollback();
            }
        }
    }

    @Test
    void aFractionalVialCountIsRefused() throws SQLException {
        Fixtures fixtures = new Fixtures(api, qa, inventory);
        Fixtures.Product product = fixtures.product("\"IV_DRIP\"");
        Writes before = Writes.now();
        for (String count : List.of("1.5", "1e-1", "2.000001", "1e20000000")) {
            Reply reply = post("api/lots", inventory, """
                    {"lotNumber":"F%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"%s",
                     "expiresOn":"%s","location":"FREEZER-1","vialCount":%s}""".formatted(Api.unique(), product.code(), fixtures.cpc(),
                    Fixtures.today().minusDays(20), Fixtures.today().plusDays(180), count));
            assertProblem(reply, 400, null);
        }
        before.assertNothingWritten();
        Reply whole = post("api/lots", inventory, """
                {"lotNumber":"F%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"%s",
                 "expiresOn":"%s","location":"FREEZER-1","vialCount":2.0}""".formatted(Api.unique(), product.code(), fixtures.cpc(),
                Fixtures.today().minusDays(20), Fixtures.today().plusDays(180)));
        assertEquals(201, whole.status(), "2.0 is a whole number: " + whole);
    }

    @Test
    void fhirAnswersAreNotCached() {
        String integration = api.tokenFor(Role.INTEGRATION);
        Reply bundle = get("fhir/MedicationAdministration?patient=P-" + Api.unique(), integration);
        assertEquals(200, bundle.status(), bundle::toString);
        assertEquals("no-store", bundle.raw().headers().firstValue("Cache-Control").orElse(null), "a patient's doses are not cached");
    }

    @Test
    void optionsNamesNoFrameworkVersionAndListsNoResources() {
        for (String path : List.of("api/lots", "api/users", "fhir/MedicationAdministration")) {
            Reply options = send("OPTIONS", path, null, null, null);
            assertTrue(options.status() < 500, options::toString);
            assertFalse(String.valueOf(options.contentType()).contains("wadl"), options::toString);
            assertFalse(options.body().toLowerCase().contains("jersey"), () -> "names the framework: " + options);
            assertFalse(options.body().contains("<resource"), () -> "lists the resources: " + options);
        }
    }

    @Test
    void absoluteAddressesDoNotFollowTheHostHeader() throws Exception {
        String cpc = "H" + Api.unique().replaceAll("[^A-Za-z0-9]", "").toUpperCase();
        String created = raw("POST", "api/cpcs", "evil.example", "Bearer " + qa.token(), cpc(cpc, "Host CPC", "JP"));
        assertTrue(created.startsWith("HTTP/1.1 201"), created);
        String location = created.lines().filter(l -> l.toLowerCase().startsWith("location:")).findFirst().orElseThrow();
        assertFalse(location.contains("evil.example"), location);
        assertTrue(location.contains("://127.0.0.1:" + base.getPort() + "/"), "the address the connection arrived on: " + location);
        String metadata = raw("GET", "fhir/metadata", "evil.example:443", null, null);
        assertTrue(metadata.startsWith("HTTP/1.1 200"), metadata);
        assertFalse(metadata.contains("evil.example"), metadata);
        String local = raw("GET", "fhir/metadata", "localhost:" + base.getPort(), null, null);
        assertTrue(local.contains("http://localhost:" + base.getPort() + "/"), "a loopback name is kept, as on a workstation: " + local);
    }

    /** One HTTP/1.1 exchange written by hand, since Java's client sets {@code Host} itself: the whole answer as text. */
    private String raw(String method, String path, String host, String authorization, String json) throws Exception {
        URI target = uri(path);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + target.getRawPath() + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", target.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private static String text(String sql) throws SQLException {
        try (Connection db = TestDatabase.connect(); ResultSet r = db.createStatement().executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /** Rows that every change adds to: if none of these counts moved, nothing was written. */
    private record Writes(long audit, long lots, long cpcs, long doses, long users) {

        static Writes now() throws SQLException {
            try (Connection db = TestDatabase.connect(); ResultSet r = db.createStatement().executeQuery(
                    "SELECT (SELECT count(*) FROM audit_entry), (SELECT count(*) FROM lot), (SELECT count(*) FROM cpc),"
                            + " (SELECT count(*) FROM administration), (SELECT count(*) FROM app_user)")) {
                r.next();
                return new Writes(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
            }
        }

        void assertNothingWritten() throws SQLException {
            assertEquals(this, now(), "nothing was written");
        }
    }

    private static String cpc(String code, String name, String country) {
        return """
                {"code":"%s","name":"%s","licenceNumber":"FA3190001","country":"%s"}""".formatted(code, name, country);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Reply get(String path, String token) {
        return h1("GET", path, token == null ? null : "Bearer " + token, null, HttpRequest.BodyPublishers.noBody());
    }

    private Reply getWithAuthorization(String path, String authorization) {
        return h1("GET", path, authorization, null, HttpRequest.BodyPublishers.noBody());
    }

    private Reply post(String path, String token, String json, String... headers) {
        return send("POST", path, token, "application/json", json, headers);
    }

    private Reply send(String method, String path, String token, String contentType, String body, String... headers) {
        return h1(method, path, token == null ? null : "Bearer " + token, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), headers);
    }

    private Reply sendBytes(String path, String token, HttpRequest.BodyPublisher body) {
        return h1("POST", path, token == null ? null : "Bearer " + token, "application/json", body);
    }

    private Reply h1(String method, String path, String authorization, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(request);
    }

    private URI uri(String path) {
        String root = base.toString();
        return URI.create(root.endsWith("/") ? root : root + "/").resolve(path);
    }

    private Reply exchange(HttpRequest.Builder request) {
        HttpResponse<String> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), response);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), () -> "not problem+json: " + reply);
        if (code != null) {
            assertEquals(code, reply.code(), reply::toString);
        }
        assertEquals(status, reply.json().getInt("status"));
        assertNotNull(reply.json().getString("requestId", null), reply::toString);
        assertNoInsides(reply);
    }

    /** No stack trace, class name, SQL or server version in what a client sees. */
    private static void assertNoInsides(Reply reply) {
        String body = reply.body();
        for (String inside : List.of("Exception", "at org.", "at java.", "org.exotrace", "org.postgresql", "eclipse", "SELECT ", "INSERT ",
                "Payara", "Grizzly")) {
            assertFalse(body.contains(inside), () -> "leaks '" + inside + "': " + reply);
        }
    }
}
