package org.exotrace.trace;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.exotrace.testing.Fixtures.CPC_LICENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QA's lot report through REST, over a history built through the API: a released lot of six vials,
 * one moved, one wasted, three doses to two patients (one vial chosen by hand), in JSON, CSV and PDF.
 */
@ExtendWith(ArquillianExtension.class)
class LotReportIT {

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static String inventory;
    static String nurse;

    Fixtures history;
    Product product;
    Lot lot;
    String patientA;
    String patientB;

    @BeforeEach
    void aLotWithAHistory() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            nurse = api.tokenFor(Role.NURSE);
        }
        history = new Fixtures(api, qa, inventory);
        product = history.newProduct("\"IV_DRIP\",\"INJECTION\"").donorSources("CORD_BLOOD", "DENTAL_PULP")
                .requiredAssays("{\"assay\":\"STERILITY\",\"expected\":\"NEGATIVE\"},{\"assay\":\"ENDOTOXIN\",\"max\":0.5,\"unit\":\"EU/mL\"}")
                .create();
        String endotoxin = "{\"assay\":\"ENDOTOXIN\",\"value\":0.12,\"unit\":\"EU/mL\",\"method\":\"LAL\",\"performedAt\":\""
                + Instant.now().minus(1, ChronoUnit.DAYS) + "\"}";
        lot = history.release(history.receivedLot(product, 180, "FREEZER-1", 6), endotoxin);

        List<String> vialIds = lot.vialIds();
        created(api.post("api/vials/" + vialIds.get(5) + "/moves", inventory, "{\"location\":\"FRIDGE-2\"}"));
        created(api.post("api/vials/" + vialIds.get(4) + "/waste", inventory, "{\"reason\":\"BROKEN\"}"));

        patientA = "PA" + Api.unique().substring(0, 6);
        patientB = "PB" + Api.unique().substring(0, 6);
        dose("\"barcode\":" + Json.createValue(lot.barcode(0)), patientA, "2.0");
        dose("\"vialId\":\"" + vialIds.get(1) + "\"", patientB, "2.0");
        dose("\"barcode\":" + Json.createValue(lot.barcode(2)), patientA, "1.5");
    }

    private void dose(String vial, String patient, String volumeMl) {
        created(api.post("api/administrations", nurse, "{" + vial + ",\"patientId\":\"" + patient
                + "\",\"route\":\"IV_DRIP\",\"volumeMl\":" + volumeMl + ",\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static void created(Reply reply) {
        assertEquals(201, reply.status(), reply::toString);
    }

    private Reply report(String token, String accept) {
        return api.send("GET", "api/lots/" + lot.number() + "/report", token, null, null, "Accept", accept);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertEquals(code, reply.code(), reply::toString);
    }

    @Test
    void theJsonReportCountsEveryVialAndListsEveryDoseOfTheLot() {
        Reply reply = report(qa.token(), "application/json");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
        JsonObject r = reply.json();
        assertEquals("ExoTrace clinic", r.getString("clinic"));
        assertEquals(qa.username(), r.getString("generatedBy"));
        assertTrue(Instant.parse(r.getString("generatedAt")).isAfter(Instant.now().minusSeconds(60)));

        JsonObject identity = r.getJsonObject("lot");
        assertEquals(lot.number(), identity.getString("lotNumber"));
        assertEquals(product.code(), identity.getString("productCode"));
        assertEquals("max NFC 2cc", identity.getString("productName"));
        assertEquals(product.gtin(), identity.getString("gtin"));
        assertEquals(lot.expiresOn().toString(), identity.getString("expiresOn"));
        assertEquals("RELEASED", identity.getString("status"));
        JsonObject source = r.getJsonObject("source");
        assertEquals(history.cpc(), source.getString("cpcCode"));
        assertEquals(CPC_LICENCE, source.getString("cpcLicenceNumber"));
        assertEquals("CORD_BLOOD", source.getString("donorSource"));

        List<String> assays = r.getJsonArray("assays").stream().map(JsonObject.class::cast)
                .map(a -> a.getString("assay") + "=" + a.getString("judgement") + " " + a.getString("reading")).toList();
        assertEquals(List.of("ENDOTOXIN=PASS 0.12 EU/mL", "STERILITY=PASS NEGATIVE"), assays);
        assertTrue(r.getBoolean("qcPassed"));
        JsonObject signature = r.getJsonArray("signatures").getJsonObject(0);
        assertEquals(qa.username(), signature.getString("signer"));
        assertTrue(signature.getString("contentDigest").matches("[0-9a-f]{64}"), signature::toString);
        assertTrue(signature.getBoolean("coversCurrentResults"));
        JsonObject decision = r.getJsonArray("decisions").getJsonObject(0);
        assertEquals("QUARANTINED", decision.getString("from"));
        assertEquals("RELEASED", decision.getString("to"));
        assertEquals(qa.username(), decision.getString("decidedBy"));

        JsonObject counts = r.getJsonObject("counts");
        assertEquals(6, counts.getInt("received"));
        assertEquals(2, counts.getInt("onHand"));
        assertEquals(3, counts.getInt("administered"));
        assertEquals(0, counts.getInt("dispensed"));
        assertEquals(1, counts.getInt("wasted"));
        assertEquals(0, counts.getInt("expired"));
        assertTrue(counts.getBoolean("balanced"));
        assertTrue(counts.getString("check").startsWith("received 6 = on hand 2 + administered 3 + dispensed 0 + wasted 1 (= 6): true"),
                counts::toString);

        List<JsonObject> doses = r.getJsonArray("doses").stream().map(JsonObject.class::cast).toList();
        assertEquals(List.of(patientA, patientB, patientA), doses.stream().map(d -> d.getString("patientId")).toList());
        assertEquals(List.of(lot.serials().get(0), lot.serials().get(1), lot.serials().get(2)),
                doses.stream().map(d -> d.getString("serial")).toList());
        assertEquals(List.of(true, false, true), doses.stream().map(d -> d.getBoolean("scanned")).toList(), "the hand-picked vial is not scanned");
        assertEquals(1.5, doses.get(2).getJsonNumber("doseVolumeMl").doubleValue());
        assertEquals("IV_DRIP", doses.get(0).getString("route"));
        assertEquals("WELLNESS", doses.get(0).getString("purpose"));
        assertFalse(doses.get(0).getString("nurse").isBlank());
        assertFalse(doses.get(0).getString("administrationId").isBlank());

        assertEquals(List.of(), r.getJsonArray("excursions"), "its vials lived through no temperature excursion");

        Reply audited = api.get("api/audit?action=LOT_REPORT_READ&subjectId=" + lot.number(), qa.token());
        assertEquals(1, audited.json().getInt("total"), audited::toString);
        JsonObject entry = audited.json().getJsonArray("items").getJsonObject(0);
        assertEquals(qa.username(), entry.getString("actor"));
        assertEquals(product.code(), entry.getJsonObject("change").getString("product"));
        assertEquals(3, entry.getJsonObject("change").getInt("doses"));
    }

    @Test
    void streamedReportsGiveTheirDatabaseConnectionBackMoreTimesThanThePoolHasConnections() {
        for (int i = 0; i < 40; i++) {
            Reply reply = report(qa.token(), i % 2 == 0 ? "application/json" : "text/csv");
            assertEquals(200, reply.status(), reply::toString);
        }
        assertEquals(3, report(qa.token(), "application/json").json().getJsonArray("doses").size());
        assertEquals(41, api.get("api/audit?action=LOT_REPORT_READ&subjectId=" + lot.number(), qa.token()).json().getInt("total"));
    }

    @Test
    void theCsvIsTheDoseListWithOneRowPerDoseVialAndTheLotOnEveryRow() {
        Reply reply = report(qa.token(), "text/csv");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/csv"), reply::toString);
        assertTrue(reply.header("Content-Disposition").contains("lot-" + lot.number() + "-report.csv"), reply::toString);
        String[] lines = reply.body().split("\r\n");
        assertEquals(4, lines.length, reply::body);
        assertTrue(lines[0].startsWith("lotNumber,productCode,productName,gtin,cpcCode,"), lines[0]);
        assertTrue(lines[0].contains(",patientId,") && lines[0].contains(",scanned"), lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(lot.number() + "," + product.code() + ",max NFC 2cc," + product.gtin() + "," + history.cpc() + ","),
                    lines[i]);
        }
        assertTrue(lines[1].contains("," + patientA + ",") && lines[1].endsWith("," + lot.serials().get(0) + ",true" + ",".repeat(23)), lines[1]);
        assertTrue(lines[2].contains("," + patientB + ",") && lines[2].endsWith("," + lot.serials().get(1) + ",false" + ",".repeat(23)), lines[2]);
        assertTrue(lines[3].contains("," + patientA + ","), lines[3]);
    }

    @Test
    void thePdfReadsBackWithTheLotBothPatientsTheQcTheSignerAndPageNumbers() throws IOException, InterruptedException, URISyntaxException {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("api/lots/" + lot.number() + "/report"))
                .header("Authorization", "Bearer " + qa.token()).header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Lot report " + lot.number()), text);
            assertTrue(text.contains(patientA) && text.contains(patientB), text);
            assertTrue(text.contains("PASS"), text);
            assertTrue(text.contains(qa.username()), text);
            assertTrue(text.contains("page 1 of " + document.getNumberOfPages()), text);
            assertTrue(text.contains("received 6 = on hand 2 + administered 3 + dispensed 0 + wasted 1"), text);
            assertFalse(text.contains("Recall follow-up"), "a lot that is not recalled has no follow-up");
        }
    }

    /** The PDF QA files for a recalled lot carries the follow-up the lot page shows: who is still to be reached. */
    @Test
    void aRecalledLotsPdfEndsWithThePatientsStillToReach() throws IOException, InterruptedException, URISyntaxException {
        created200(api.post("api/lots/" + lot.number() + "/recall", qa.token(), "{\"reason\":\"endotoxin above limit at the CPC\"}"));
        created(api.post("api/lots/" + lot.number() + "/notifications", qa.token(), "{\"patientId\":\"" + patientA
                + "\",\"channel\":\"PHONE\",\"outcome\":\"REACHED\"}"));
        created(api.post("api/lots/" + lot.number() + "/notifications", qa.token(), "{\"patientId\":\"" + patientB
                + "\",\"channel\":\"EMAIL\",\"outcome\":\"NOT_REACHED\"}"));

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("api/lots/" + lot.number() + "/report"))
                .header("Authorization", "Bearer " + qa.token()).header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            String followUp = text.substring(text.indexOf("Recall follow-up"));
            assertTrue(followUp.startsWith("Recall follow-up: 1 of 2 patients still to reach"), followUp);
            assertTrue(followUp.indexOf(patientB) < followUp.indexOf(patientA), "the patient still to reach comes first: " + followUp);
            assertTrue(followUp.contains("NOT_REACHED") && followUp.contains("NO - still to reach"), followUp);
        }
    }

    /**
     * Two vials of a lot lived through an excursion of their freezer (it held them), and QA released them by signature:
     * the lot report lists the excursion with QA's release in JSON, CSV and PDF.
     */
    @Test
    void anExcursionThatHeldTwoOfTheLotsVialsIsInTheReportWithQasReleaseInJsonCsvAndPdf() throws IOException, InterruptedException,
            URISyntaxException {
        String integration = api.tokenFor(Role.INTEGRATION);
        String place = "FRZ-" + Api.unique().toUpperCase();
        created(api.post("api/locations", qa.token(), """
                {"code":"%s","name":"Freezer 2, room 3","kind":"FREEZER","minC":-90,"maxC":-60}""".formatted(place)));
        Lot held = history.receivedLot(product, 180, place, 2);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Reply readings = api.post("api/locations/" + place + "/readings", integration, "{\"loggerId\":\"TL-7\",\"readings\":["
                + "{\"at\":\"" + t.minusSeconds(600) + "\",\"celsius\":-80.0},{\"at\":\"" + t.minusSeconds(90) + "\",\"celsius\":-48.5},"
                + "{\"at\":\"" + t.minusSeconds(60) + "\",\"celsius\":-52.0},{\"at\":\"" + t + "\",\"celsius\":-80.0}]}");
        assertEquals(200, readings.status(), readings::toString);
        assertEquals(2, readings.json().getInt("newHolds"), readings::toString);
        String justification = "90 s up to -48.5 C; the CPC's stability data allow 30 minutes above -60 C";
        Reply released = api.post("api/locations/" + place + "/dispositions", qa.token(), Json.createObjectBuilder().add("kind", "OUT_OF_RANGE")
                .add("startedAt", t.minusSeconds(90).toString()).add("decision", "RELEASE").add("justification", justification)
                .add("password", qa.password()).build().toString());
        created(released);

        Reply reply = api.send("GET", "api/lots/" + held.number() + "/report", qa.token(), null, null, "Accept", "application/json");
        assertEquals(200, reply.status(), reply::toString);
        List<JsonObject> excursions = reply.json().getJsonArray("excursions").getValuesAs(JsonObject.class);
        assertEquals(1, excursions.size(), excursions::toString);
        JsonObject e = excursions.get(0);
        assertEquals(place, e.getString("placeCode"));
        assertEquals("Freezer 2, room 3", e.getString("placeName"));
        assertEquals(-90, e.getJsonNumber("minC").intValue());
        assertEquals(-60, e.getJsonNumber("maxC").intValue());
        assertEquals("OUT_OF_RANGE", e.getString("kind"));
        assertEquals(t.minusSeconds(90), Instant.parse(e.getString("startedAt")));
        assertEquals(t, Instant.parse(e.getString("endedAt")));
        assertFalse(e.getBoolean("open"));
        assertEquals(2, e.getInt("minutes"), "90 s, rounded up");
        assertEquals(-52.0, e.getJsonNumber("lowestC").doubleValue());
        assertEquals(-48.5, e.getJsonNumber("highestC").doubleValue());
        assertEquals(2, e.getInt("heldVials"));
        assertEquals(0, e.getInt("stillHeld"));
        JsonObject release = e.getJsonArray("dispositions").getJsonObject(0);
        assertEquals(1, e.getJsonArray("dispositions").size());
        assertEquals("RELEASE", release.getString("decision"));
        assertEquals(justification, release.getString("justification"));
        assertEquals(qa.username(), release.getString("signedBy"));
        assertTrue(Duration.between(Instant.parse(released.json().getString("signedAt")), Instant.parse(release.getString("signedAt"))).abs()
                .toMillis() < 1, "the time it was signed, as stored (to the microsecond): " + release);
        assertEquals(released.json().getString("dispositionId"), release.getString("dispositionId"));
        assertEquals(2, release.getInt("vials"));

        Reply csv = api.send("GET", "api/lots/" + held.number() + "/report", qa.token(), null, null, "Accept", "text/csv");
        assertEquals(200, csv.status(), csv::toString);
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVParser.parse(csv.body(),
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get()).getRecords();
        assertEquals(1, rows.size(), "no dose, one excursion: " + csv.body());
        org.apache.commons.csv.CSVRecord row = rows.get(0);
        assertEquals(held.number(), row.get("lotNumber"));
        assertEquals("", row.get("administrationId"));
        assertEquals(place, row.get("excursionPlace"));
        assertEquals("OUT_OF_RANGE", row.get("excursionKind"));
        assertEquals(t.minusSeconds(90), Instant.parse(row.get("excursionStartedAt")));
        assertEquals(t, Instant.parse(row.get("excursionEndedAt")));
        assertEquals(List.of("false", "2", "-52.00", "-48.50", "2", "0", "RELEASE", "2", justification, qa.username()),
                List.of(row.get("excursionOpen"), row.get("excursionMinutes"), row.get("lowestC"), row.get("highestC"), row.get("heldVials"),
                        row.get("stillHeld"), row.get("disposition"), row.get("dispositionVials"), row.get("dispositionJustification"),
                        row.get("dispositionSignedBy")));

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("api/lots/" + held.number()
                + "/report")).header("Authorization", "Bearer " + qa.token()).header("Accept", "application/pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " "); // table cells wrap
            String section = text.substring(text.indexOf("Temperature excursions (1)"));
            assertTrue(section.contains(place) && section.contains("out of range -90.0..-60.0 °C"), section);
            assertTrue(section.contains("2 (0 still held)"), section);
            assertTrue(section.contains("RELEASE 2 by") && section.contains(qa.username()), section);
        }
    }

    private static void created200(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
    }

    @Test
    void theReportIsForQaOnlyAndRefusesUnknownLotsAndFormsAsProblems() {
        assertProblem(report(nurse, "application/json"), 403, "FORBIDDEN");
        assertProblem(report(inventory, "application/json"), 403, "FORBIDDEN");
        assertProblem(report(null, "application/json"), 401, "UNAUTHENTICATED");
        assertProblem(report(qa.token(), "text/html"), 406, "NOT_ACCEPTABLE");
        assertProblem(api.send("GET", "api/lots/NO-SUCH-" + Api.unique() + "/report", qa.token(), null, null, "Accept", "application/json"),
                404, "NOT_FOUND");
        assertProblem(api.send("GET", "api/lots/NO-SUCH-" + Api.unique() + "/report", qa.token(), null, null, "Accept", "application/pdf"),
                404, "NOT_FOUND");
        assertProblem(api.send("GET", "api/lots/NO-SUCH-" + Api.unique() + "/report", qa.token(), null, null, "Accept", "text/csv"),
                404, "NOT_FOUND");
        Reply any = report(qa.token(), "*/*");
        assertEquals(200, any.status(), any::toString);
        assertTrue(any.contentType().startsWith("application/json"), "JSON by default: " + any.contentType());
        assertEquals(200, api.get("/openapi", null).status(), "the OpenAPI document still builds");
    }

    @Test
    void twoProductsSharingTheLotNumberAreToldApartByProductCode() {
        Product other = history.newProduct("\"NASAL\"").volumeMl("4.0").create();
        history.receivedLot(other, 180, "FREEZER-1", lot.number(), List.of(lot.number() + "-X"));
        assertProblem(report(qa.token(), "application/json"), 409, "LOT_AMBIGUOUS");
        Reply mine = api.send("GET", "api/lots/" + lot.number() + "/report?productCode=" + product.code(), qa.token(), null, null,
                "Accept", "application/json");
        assertEquals(200, mine.status(), mine::toString);
        assertEquals(6, mine.json().getJsonObject("counts").getInt("received"));
        Reply theirs = api.send("GET", "api/lots/" + lot.number() + "/report?productCode=" + other.code(), qa.token(), null, null,
                "Accept", "text/csv");
        assertEquals(200, theirs.status(), theirs::toString);
        assertEquals(1, theirs.body().split("\r\n").length, "no doses of the other product's lot: " + theirs.body());
    }
}
