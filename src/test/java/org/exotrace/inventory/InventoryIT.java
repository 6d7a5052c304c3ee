package org.exotrace.inventory;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.exotrace.gs1.Gtin;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalogue, receiving lots, vials and their ledger, and the stock views, through the REST API. */
@ExtendWith(ArquillianExtension.class)
class InventoryIT {

    @ArquillianResource
    URL base;

    Api api;
    String qa;
    String inventory;
    String product;
    String cpc;

    @BeforeEach
    void catalogue() {
        api = new Api(base);
        qa = api.tokenFor(Role.QA);
        inventory = api.tokenFor(Role.INVENTORY);
        product = "NFC-" + Api.unique();
        cpc = "CPC-" + Api.unique();
        assertEquals(201, api.post("api/cpcs", qa, """
                {"code":"%s","name":"Osaka CPC","licenceNumber":"FA5190002","country":"JP"}""".formatted(cpc)).status());
        Reply created = api.post("api/products", qa, productJson(product, freshGtin()));
        assertEquals(201, created.status(), created::toString);
    }

    static String freshGtin() {
        String first13 = "0" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        return first13 + Gtin.checkDigit(first13);
    }

    static String productJson(String code, String gtin) {
        return """
                {"code":"%s","name":"max NFC 2cc","gtin":"%s","donorSources":["DENTAL_PULP","ADIPOSE","BONE_MARROW","CORD_BLOOD"],
                 "volumeMl":2.0,"particlesPerVial":780000000000,"routes":["IV_DRIP","INJECTION"],
                 "requiredAssays":[{"assay":"STERILITY","expected":"NEGATIVE"},{"assay":"ENDOTOXIN","max":0.5,"unit":"EU/mL"},
                                   {"assay":"PARTICLE_COUNT","min":3.9e11,"unit":"particles/mL"}]}""".formatted(code, gtin);
    }

    String lotJson(String lot, String expiresOn, String vials) {
        return """
                {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD",
                 "manufacturedOn":"2026-11-01","expiresOn":"%s","location":"FREEZER-1",%s}""".formatted(lot, product, cpc, expiresOn, vials);
    }

    static String future(int days) {
        return LocalDate.now().plusDays(days).toString();
    }

    private static void assertProblem(Reply reply, int status, String code, String field) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertEquals(code, reply.code(), reply::toString);
        if (field != null) {
            assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply::toString);
        }
    }

    private long lotTotal() {
        return api.get("api/lots", inventory).json().getJsonNumber("total").longValue();
    }

    @Test
    void productShowsItsSpecificationAndABadCheckDigitOrDuplicateIsRefused() {
        JsonObject p = api.get("api/products/" + product, qa).json();
        assertEquals(3, p.getJsonArray("requiredAssays").size());
        assertEquals(2.0, p.getJsonNumber("volumeMl").doubleValue());
        String gtin = freshGtin();
        String wrong = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10);
        assertProblem(api.post("api/products", qa, productJson("BAD-" + Api.unique(), wrong)), 422, "GTIN_INVALID", "gtin");
        assertProblem(api.post("api/products", qa, productJson(product, freshGtin())), 409, "PRODUCT_EXISTS", null);
        assertProblem(api.post("api/products", qa, productJson("X-" + Api.unique(), p.getString("gtin"))), 409, "GTIN_IN_USE", null);
        assertProblem(api.post("api/products", inventory, productJson("Y-" + Api.unique(), freshGtin())), 403, "FORBIDDEN", null);
    }

    @Test
    void aLotReceivedWithPrintedSerialsIsQuarantinedWithItsVialsInStock() {
        String lot = "L" + Api.unique();
        Reply received = api.post("api/lots", inventory, lotJson(lot, future(180), "\"serials\":[\"0001\",\"0002\",\"0003\"]"));
        assertEquals(201, received.status(), received::toString);
        assertEquals("QUARANTINED", received.json().getJsonObject("lot").getString("status"));
        JsonObject view = api.get("api/lots/" + lot, qa).json();
        assertEquals(3, view.getJsonObject("counts").getInt("IN_STOCK"));
        JsonArray vials = view.getJsonArray("vials");
        assertEquals(List.of("0001", "0002", "0003"), vials.stream().map(v -> v.asJsonObject().getString("serial")).toList());
        assertEquals("FREEZER-1", vials.getJsonObject(0).getString("location"));
        assertEquals(cpc, view.getString("cpcCode"));
    }

    @Test
    void aLotReceivedWithACountGetsDistinctAssignedSerials() {
        String lot = "C" + Api.unique();
        Reply received = api.post("api/lots", inventory, lotJson(lot, future(180), "\"vialCount\":25"));
        assertEquals(201, received.status(), received::toString);
        assertEquals(25, received.json().getInt("vials"));
        JsonArray vials = api.get("api/lots/" + lot + "?size=100", inventory).json().getJsonArray("vials");
        Set<String> serials = new HashSet<>();
        vials.forEach(v -> serials.add(v.asJsonObject().getString("serial")));
        assertEquals(25, serials.size());
    }

    @Test
    void theSameLotNumberTwiceForOneProductIsAConflictAndAddsNoVials() {
        String lot = "D" + Api.unique();
        assertEquals(201, api.post("api/lots", inventory, lotJson(lot, future(180), "\"serials\":[\"A1\"]")).status());
        assertProblem(api.post("api/lots", inventory, lotJson(lot, future(180), "\"serials\":[\"A2\",\"A3\"]")), 409, "LOT_EXISTS", null);
        assertEquals(1, api.get("api/lots/" + lot, inventory).json().getJsonObject("counts").getInt("IN_STOCK"));
    }

    @Test
    void aSerialAlreadyRegisteredForTheGtinIsAConflict() {
        String first = "E" + Api.unique();
        assertEquals(201, api.post("api/lots", inventory, lotJson(first, future(180), "\"serials\":[\"S-1\",\"S-2\"]")).status());
        long before = lotTotal();
        assertProblem(api.post("api/lots", inventory, lotJson("F" + Api.unique(), future(180), "\"serials\":[\"S-3\",\"S-2\"]")),
                409, "SERIAL_EXISTS", null);
        assertEquals(before, lotTotal());
    }

    @Test
    void badDeliveriesAreRefusedNamingTheFieldAndNothingIsWritten() {
        long before = lotTotal();
        String lot = "G" + Api.unique();
        String ok = "\"serials\":[\"1\"]";
        assertProblem(api.post("api/lots", inventory, lotJson(lot, future(180), ok).replace(product, "NO-SUCH")), 422, "UNKNOWN_PRODUCT", "productCode");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, future(180), ok).replace(cpc, "NO-SUCH")), 422, "UNKNOWN_CPC", "cpcCode");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, future(180), ok).replace("CORD_BLOOD", "UMBILICAL_CORD")),
                422, "VALIDATION_FAILED", "donorSource");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, "2026-10-01", ok)), 422, "VALIDATION_FAILED", "expiresOn");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, LocalDate.now().toString(), ok).replace("2026-11-01", "2026-01-01")),
                422, "VALIDATION_FAILED", "expiresOn");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, "2027-02-30", ok)), 422, "VALIDATION_FAILED", "expiresOn");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, "31/05/2027", ok)), 400, "VALIDATION_FAILED", "expiresOn");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, future(180), "\"serials\":[\"7\",\"8\",\"7\"]")), 422, "VALIDATION_FAILED", "serials[2]");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, future(180), "\"serials\":[\"9\"],\"vialCount\":1")), 422, "VALIDATION_FAILED", "serials");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, future(180), "\"vialCount\":100001")), 400, "VALIDATION_FAILED", "vialCount");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, future(180), "\"vialCount\":-5")), 400, "VALIDATION_FAILED", "vialCount");
        assertProblem(api.post("api/lots", inventory, lotJson(lot, future(180), "\"vialCount\":\"many\"")), 400, "MALFORMED_JSON", null);
        assertProblem(api.post("api/lots", inventory, lotJson("not a lot!", future(180), ok)), 400, "VALIDATION_FAILED", "lotNumber");
        assertEquals(before, lotTotal());
        assertProblem(api.get("api/lots/" + lot, inventory), 404, "NOT_FOUND", null);
    }

    @Test
    void lotNumbersAndSerialsAreWhatGs1Ais10And21CarryNoMoreNoLess() {
        String lot = "AB/" + Api.unique();
        Reply received = api.post("api/lots", inventory, lotJson(lot, future(180), "\"serials\":[\"S/1\",\"S%2?\",\"S(3)\"]"));
        assertEquals(201, received.status(), received::toString);
        Reply view = api.get("api/lots?lotNumber=" + URLEncoder.encode(lot, StandardCharsets.UTF_8), qa);
        assertEquals(200, view.status(), view::toString);
        assertEquals(lot, view.json().getJsonArray("items").getJsonObject(0).getString("lotNumber"), view::toString);
        Reply wildcard = api.get("api/lots?lotNumber=" + URLEncoder.encode(lot.replace('/', '_'), StandardCharsets.UTF_8), qa);
        assertEquals(0, wildcard.json().getJsonNumber("total").longValue(), "'_' in a search is a character, not a wildcard");
        Reply one = api.get("api/lots/" + URLEncoder.encode(lot, StandardCharsets.UTF_8), qa);
        assertEquals(200, one.status(), one::toString);
        assertEquals(3, one.json().getJsonObject("counts").getInt("IN_STOCK"), one::toString);
        long before = lotTotal();
        for (String serial : List.of("S#1", "S$1", "S@1", "S[1", "S\\\\1", "S]1", "S^1", "S`1", "S{1", "S|1", "S}1", "S~1")) {
            Reply refused = api.post("api/lots", inventory, lotJson("R" + Api.unique(), future(180), "\"serials\":[\"" + serial + "\"]"));
            assertProblem(refused, 400, "VALIDATION_FAILED", null);
            assertTrue(refused.json().getJsonArray("errors").getJsonObject(0).getString("field").startsWith("serials"), refused::toString);
        }
        assertProblem(api.post("api/lots", inventory, lotJson("AB#" + Api.unique(), future(180), "\"serials\":[\"1\"]")),
                400, "VALIDATION_FAILED", "lotNumber");
        assertEquals(before, lotTotal());
    }

    @Test
    void movesAndWasteAreAppendedToTheVialsHistory() {
        String lot = "H" + Api.unique();
        assertEquals(201, api.post("api/lots", inventory, lotJson(lot, future(180), "\"serials\":[\"H1\"]")).status());
        String vialId = api.get("api/lots/" + lot, inventory).json().getJsonArray("vials").getJsonObject(0).getString("vialId");
        assertEquals(201, api.post("api/vials/" + vialId + "/moves", inventory, "{\"location\":\"FRIDGE-2\"}").status());
        assertProblem(api.post("api/vials/" + vialId + "/moves", inventory, "{\"location\":\"FRIDGE-2\"}"), 409, "ALREADY_THERE", null);
        assertProblem(api.post("api/vials/" + vialId + "/waste", inventory, "{\"reason\":\"DROPPED_IT\"}"), 400, "MALFORMED_JSON", null);
        Reply wasted = api.post("api/vials/" + vialId + "/waste", inventory, "{\"reason\":\"BROKEN\",\"note\":\"cracked on thawing\"}");
        assertEquals(201, wasted.status(), wasted::toString);
        assertProblem(api.post("api/vials/" + vialId + "/moves", inventory, "{\"location\":\"FREEZER-1\"}"), 409, "VIAL_NOT_IN_STOCK", null);
        assertProblem(api.post("api/vials/" + vialId + "/waste", inventory, "{\"reason\":\"BROKEN\"}"), 409, "VIAL_NOT_IN_STOCK", null);

        JsonObject vial = api.get("api/vials/" + vialId, inventory).json();
        assertEquals("WASTED", vial.getString("state"));
        assertEquals("FRIDGE-2", vial.getString("location"));
        JsonArray history = vial.getJsonArray("history");
        assertEquals(List.of("RECEIVED", "MOVED", "WASTED"), history.stream().map(h -> h.asJsonObject().getString("kind")).toList());
        assertEquals("BROKEN", history.getJsonObject(2).getString("reason"));
        assertEquals(1, api.get("api/lots/" + lot, inventory).json().getJsonObject("counts").getInt("WASTED"));
    }

    @Test
    void unknownOrMalformedVialIdsAreNotFound() {
        assertProblem(api.get("api/vials/00000000-0000-0000-0000-000000000000", inventory), 404, "NOT_FOUND", null);
        assertProblem(api.get("api/vials/not-a-vial", inventory), 404, "NOT_FOUND", null);
    }

    @Test
    void stockListsTheEarliestExpiryFirstAndTheExpiringViewOnlyWhatExpiresSoon() {
        String late = "LATE" + Api.unique();
        String soon = "SOON" + Api.unique();
        assertEquals(201, api.post("api/lots", inventory, lotJson(late, future(300), "\"vialCount\":3")).status());
        assertEquals(201, api.post("api/lots", inventory, lotJson(soon, future(10), "\"vialCount\":2")).status());
        List<String> order = lotsInStock(api.get("api/stock?size=500", inventory));
        assertTrue(order.indexOf(soon) >= 0 && order.indexOf(soon) < order.indexOf(late), order::toString);
        List<String> expiring = lotsInStock(api.get("api/stock/expiring?withinDays=30&size=500", inventory));
        assertTrue(expiring.contains(soon), expiring::toString);
        assertFalse(expiring.contains(late), expiring::toString);
        assertProblem(api.get("api/stock/expiring?withinDays=-1", inventory), 400, "VALIDATION_FAILED", null);
        String integration = api.tokenFor(Role.INTEGRATION);
        assertEquals(200, api.get("api/stock", integration).status());
        assertProblem(api.post("api/lots", integration, lotJson("I" + Api.unique(), future(100), "\"vialCount\":1")), 403, "FORBIDDEN", null);
        assertProblem(api.get("api/stock", api.tokenFor(Role.NURSE)), 403, "FORBIDDEN", null);
    }

    @Test
    void aPhysicalCountRecordsMissingAndMisplacedVialsAsLedgerAdjustments() {
        String shelf = "SHELF-" + Api.unique();
        String other = "SHELF-" + Api.unique();
        String lotA = "CA" + Api.unique();
        String lotB = "CB" + Api.unique();
        assertEquals(201, api.post("api/lots", inventory, lotJson(lotA, future(200), "\"serials\":[\"K1\",\"K2\",\"K3\"]").replace("FREEZER-1", shelf)).status());
        assertEquals(201, api.post("api/lots", inventory, lotJson(lotB, future(200), "\"serials\":[\"M1\"]").replace("FREEZER-1", other)).status());
        JsonArray onShelf = api.get("api/lots/" + lotA, inventory).json().getJsonArray("vials");
        String k1 = onShelf.getJsonObject(0).getString("vialId");
        String k2 = onShelf.getJsonObject(1).getString("vialId");
        String k3 = onShelf.getJsonObject(2).getString("vialId");
        String m1 = api.get("api/lots/" + lotB, inventory).json().getJsonArray("vials").getJsonObject(0).getString("vialId");
        String nobody = "00000000-0000-0000-0000-00000000abcd";

        String counted = """
                {"location":"%s","vialIds":["%s","%s","%s","%s"]}""".formatted(shelf, k1, k2, m1, nobody);
        Reply preview = api.post("api/stock/counts/preview", inventory, counted);
        assertEquals(200, preview.status(), preview::toString);
        assertEquals(k3, preview.json().getJsonArray("missing").getJsonObject(0).getString("vialId"));
        assertEquals(m1, preview.json().getJsonArray("relocated").getJsonObject(0).getString("vialId"));
        assertEquals("IN_STOCK", api.get("api/vials/" + k3, inventory).json().getString("state"), "a preview changes nothing");
        assertEquals(other, api.get("api/vials/" + m1, inventory).json().getString("location"), "a preview moves nothing");

        Reply count = api.post("api/stock/counts", inventory, counted);
        assertEquals(201, count.status(), count::toString);
        JsonObject result = count.json();
        for (String list : List.of("missing", "relocated", "notInStock", "unknown")) {
            assertEquals(preview.json().getJsonArray(list).size(), result.getJsonArray(list).size(), "the count applied is the count previewed: " + list);
        }
        assertEquals(3, result.getInt("expected"));
        assertEquals(2, result.getInt("matched"));
        assertEquals(k3, result.getJsonArray("missing").getJsonObject(0).getString("vialId"));
        assertEquals(m1, result.getJsonArray("relocated").getJsonObject(0).getString("vialId"));
        assertEquals(nobody, result.getJsonArray("unknown").getString(0));

        JsonObject missing = api.get("api/vials/" + k3, inventory).json();
        assertEquals("WASTED", missing.getString("state"));
        JsonObject adjustment = missing.getJsonArray("history").getJsonObject(1);
        assertEquals("COUNT_ADJUSTED", adjustment.getString("kind"));
        assertEquals("MISSING_AT_COUNT", adjustment.getString("reason"));
        assertEquals(shelf, api.get("api/vials/" + m1, inventory).json().getString("location"));
        assertProblem(api.post("api/stock/counts", inventory, "{\"location\":\"X\",\"vialIds\":[\"not-a-uuid\"]}"), 400, "MALFORMED_JSON", null);
        assertProblem(api.post("api/stock/counts", qa, "{\"location\":\"X\",\"vialIds\":[]}"), 403, "FORBIDDEN", null);
    }

    @Test
    void aScannedLabelNamesItsVialOrSaysNoneWasReceivedAndAnUnreadableOneIsRefused() {
        String lot = "SC" + Api.unique();
        String gtin = api.get("api/products/" + product, inventory).json().getString("gtin");
        assertEquals(201, api.post("api/lots", inventory, lotJson(lot, "2027-05-31", "\"serials\":[\"S1\"]")).status());
        String vialId = api.get("api/lots/" + lot, inventory).json().getJsonArray("vials").getJsonObject(0).getString("vialId");

        Reply known = api.post("api/stock/scans", inventory, Json.createObjectBuilder()
                .add("barcode", "]d201" + gtin + "17270531" + "10" + lot + "\u001d21S1").build().toString());
        assertEquals(200, known.status(), known::toString);
        assertEquals(vialId, known.json().getJsonObject("vial").getString("vialId"));
        assertEquals("QUARANTINED", known.json().getJsonObject("vial").getString("lotStatus"));
        assertEquals("FREEZER-1", known.json().getJsonObject("vial").getString("location"));

        Reply fresh = api.post("api/stock/scans", inventory, Json.createObjectBuilder()
                .add("barcode", "(01)" + gtin + "(17)270531(10)" + lot + "(21)S2").build().toString());
        assertEquals(200, fresh.status(), fresh::toString);
        assertEquals("S2", fresh.json().getString("serial"));
        assertEquals(lot, fresh.json().getString("lotNumber"));
        assertEquals("2027-05-31", fresh.json().getString("expiresOn"));
        assertFalse(fresh.json().containsKey("vial") && !fresh.json().isNull("vial"), "no vial was received with serial S2");

        assertProblem(api.post("api/stock/scans", inventory, "{\"barcode\":\"not a barcode\"}"), 422, "BARCODE_INVALID", "barcode");
        assertProblem(api.post("api/stock/scans", inventory, "{\"barcode\":\"(01)" + gtin + "(10)" + lot + "\"}"), 422, "BARCODE_INVALID", "barcode");
        assertProblem(api.post("api/stock/scans", qa, "{\"barcode\":\"x\"}"), 403, "FORBIDDEN", null);
        assertEquals(200, api.get("api/cpcs/" + cpc, inventory).status(), "receiving staff read the catalogue to receive");
    }

    @Test
    void theStockPageIsServedWithAStrictContentSecurityPolicy() {
        Reply page = api.get("stock", null);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("Stock on hand"));
        assertTrue(page.header("Content-Security-Policy").contains("default-src 'none'"), page.header("Content-Security-Policy"));
        Reply home = api.get("", null);
        assertEquals(200, home.status(), home::toString);
        assertTrue(home.body().contains("href=\"stock\""), home.body());
        Reply script = api.get("assets/stock.js", null);
        assertEquals(200, script.status());
        assertTrue(script.body().contains("api/stock/expiring"));
    }

    private static List<String> lotsInStock(Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("lines").stream().map(l -> l.asJsonObject().getString("lotNumber")).toList();
    }
}
