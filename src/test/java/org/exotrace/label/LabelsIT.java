package org.exotrace.label;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.exotrace.label.entity.LabelStock;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Labels printed by the service and read back as a nurse's scanner reads them: the PDF rendered to pixels, each
 * DataMatrix decoded by ZXing, the decoded text posted to {@code POST /api/scans}, and the vial the label was printed
 * for comes back.
 */
@ExtendWith(ArquillianExtension.class)
class LabelsIT {

    @ArquillianResource
    URL base;

    Api api;
    Staff qa;
    String inventory;
    String nurse;
    Fixtures fixtures;
    Fixtures.Product product;

    @BeforeEach
    void staff() {
        api = new Api(base);
        qa = api.newUser(Role.QA);
        inventory = api.tokenFor(Role.INVENTORY);
        nurse = api.tokenFor(Role.NURSE);
        fixtures = new Fixtures(api, qa, inventory);
        product = fixtures.product("\"IV_DRIP\"");
    }

    /** A lot received with a count: the service assigns the serials, prints a label for each vial, and each label scans as its vial. */
    @Test
    void vialsReceivedByCountGetLabelsThatScanAsTheirOwnVial() {
        String number = "LBL" + Api.unique();
        Reply received = api.post("api/lots", inventory, """
                {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"%s","manufacturedOn":"%s",
                 "expiresOn":"%s","location":"FREEZER-L","vialCount":3}""".formatted(number, product.code(), fixtures.cpc(),
                product.donorSources().get(0), Fixtures.today().minusDays(10), Fixtures.today().plusDays(200)));
        assertEquals(201, received.status(), received::toString);
        Map<String, String> serialOfVial = vials(number);
        fixtures.release(new Fixtures.Lot(product, number, Fixtures.today().plusDays(200), List.copyOf(serialOfVial.values()),
                List.copyOf(serialOfVial.keySet())));

        Printed labels = print(number, inventory, "{\"format\":\"PDF\"}");

        assertEquals(200, labels.status(), labels::toString);
        assertEquals("application/pdf", labels.contentType());
        List<String> scans = LabelRendering.scanned(labels.body(), LabelStock.of(null, null, null));
        assertEquals(3, scans.size(), scans::toString);
        Map<String, String> scanned = scans.stream().map(this::scan).collect(Collectors.toMap(v -> v.getJsonObject("vial").getString("vialId"),
                v -> v.getString("verdict") + " " + v.getJsonObject("vial").getString("serial")));
        assertEquals(serialOfVial.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> "OK " + e.getValue())), scanned,
                "each label scans as the vial it was printed for, usable");
    }

    @Test
    void aQuarantinedLotsLabelsOnAnA4SheetScanAsTheirVialsAndAreBlockedAndAReprintIsAuditedAsSuch() {
        Fixtures.Lot lot = fixtures.receivedLot(product, 200, "FREEZER-L", "Q(" + Api.unique() + ")", List.of("A(1)", "B%2", "C_3", "D-4", "E.5"));

        Printed sheet = print(lot.number(), qa.token(), "{\"format\":\"PDF\",\"layout\":\"A4\",\"widthMm\":40,\"heightMm\":20}");

        assertEquals(200, sheet.status(), sheet::toString);
        List<String> scans = LabelRendering.scanned(sheet.body(), LabelStock.of(LabelStock.Layout.A4, new BigDecimal("40"), new BigDecimal("20")));
        assertEquals(5, scans.size(), scans::toString);
        for (int i = 0; i < scans.size(); i++) {
            JsonObject verdict = scan(scans.get(i));
            assertEquals(lot.vialIds().get(i), verdict.getJsonObject("vial").getString("vialId"), verdict::toString);
            assertEquals("BLOCKED", verdict.getString("verdict"));
            assertEquals(List.of("LOT_QUARANTINED"), verdict.getJsonArray("reasons").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).toList());
        }

        Printed again = print(lot.number(), inventory, "{\"format\":\"PDF\",\"vialIds\":[\"" + lot.vialIds().get(2) + "\"]}");
        assertEquals(200, again.status(), again::toString);
        Reply audit = api.get("api/audit?action=LABELS_PRINTED&subjectId=" + java.net.URLEncoder.encode(lot.number(), java.nio.charset.StandardCharsets.UTF_8), qa.token());
        assertEquals(200, audit.status(), audit::toString);
        List<JsonObject> entries = audit.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(2, entries.size(), audit::toString);
        JsonObject reprint = change(entries.get(0));
        assertEquals(1, reprint.getInt("vials"));
        assertEquals(1, reprint.getInt("reprints"), "the vial's label was printed before");
        JsonObject first = change(entries.get(1));
        assertEquals(5, first.getInt("vials"));
        assertEquals(0, first.getInt("reprints"));
        assertEquals("A4", first.getString("layout"));
    }

    @Test
    void zplForAThermalPrinterCarriesEachVialsElementStringWithFnc1() {
        Fixtures.Lot lot = fixtures.receivedLot(product, 200, "FREEZER-L", 2);

        Printed zpl = print(lot.number(), inventory, "{\"format\":\"ZPL\",\"widthMm\":50,\"heightMm\":25}");

        assertEquals(200, zpl.status(), zpl::toString);
        assertTrue(zpl.contentType().startsWith("text/plain"), zpl.contentType());
        String text = new String(zpl.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, text.split("\\^XA", -1).length - 1, text);
        for (String serial : lot.serials()) {
            assertTrue(text.contains("^FD_101" + product.gtin() + "17" + lot.expiresOn().format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"))
                    + "10" + lot.number() + "_121" + serial + "^FS"), text);
        }
    }

    @Test
    void aRequestThatCannotBePrintedIsRefusedAndNothingIsRecorded() {
        Fixtures.Lot lot = fixtures.receivedLot(product, 200, "FREEZER-L", 1);
        Fixtures.Lot other = fixtures.receivedLot(product, 200, "FREEZER-L", 1);

        assertProblem(print(lot.number(), inventory, "{}"), 400, "format");
        assertProblem(print(lot.number(), inventory, "{\"format\":\"PDF\",\"widthMm\":5}"), 422, "widthMm");
        assertProblem(print(lot.number(), inventory, "{\"format\":\"PDF\",\"vialIds\":[\"" + other.vialIds().get(0) + "\"]}"), 422, "vialIds[0]");
        assertProblem(print(lot.number(), inventory, "{\"format\":\"PDF\",\"vialIds\":[\"" + lot.vialIds().get(0) + "\",\""
                + lot.vialIds().get(0) + "\"]}"), 422, "vialIds[1]");
        Printed unknown = print("NO-SUCH-" + Api.unique(), inventory, "{\"format\":\"PDF\"}");
        assertEquals(404, unknown.status());
        assertEquals(403, print(lot.number(), nurse, "{\"format\":\"PDF\"}").status(), "a nurse prints no labels");

        Reply audit = api.get("api/audit?action=LABELS_PRINTED&subjectId=" + lot.number(), qa.token());
        assertEquals(0, audit.json().getJsonArray("items").size(), audit::toString);
    }

    private JsonObject change(JsonObject entry) {
        Object change = entry.get("change");
        return change instanceof JsonObject o ? o : Json.createReader(new java.io.StringReader(entry.getString("change"))).readObject();
    }

    private void assertProblem(Printed reply, int status, String field) {
        assertEquals(status, reply.status(), reply::toString);
        String body = new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(reply.contentType().startsWith("application/problem+json"), body);
        assertTrue(body.contains("\"" + field + "\""), () -> "names " + field + ": " + body);
    }

    private Map<String, String> vials(String lotNumber) {
        Reply lot = api.get("api/lots/" + lotNumber + "?size=10", inventory);
        assertEquals(200, lot.status(), lot::toString);
        return lot.json().getJsonArray("vials").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("vialId"), v -> v.getString("serial")));
    }

    private JsonObject scan(String barcode) {
        Reply scan = api.post("api/scans", nurse, Json.createObjectBuilder().add("barcode", barcode).build().toString());
        assertEquals(200, scan.status(), scan::toString);
        return scan.json();
    }

    record Printed(int status, String contentType, byte[] body) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + (contentType != null && contentType.contains("json") ? new String(body) : body.length + " bytes");
        }
    }

    private Printed print(String lotNumber, String token, String json) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve("api/lots/"
                            + java.net.URLEncoder.encode(lotNumber, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/labels"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Printed(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
