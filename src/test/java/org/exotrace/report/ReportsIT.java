package org.exotrace.report;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import java.sql.SQLException;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.exotrace.testing.Fixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QA's reports over a history built through the API: lots received, released, wasted, counted and
 * given by two nurses, scanned and by hand. Other tests share the database, so the figures asserted
 * are those of this test's own products and nurses, or the change a test made.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static String inventory;
    static String integration;
    static Staff nurse;
    static Staff otherNurse;
    Fixtures history;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            integration = api.tokenFor(Role.INTEGRATION);
            nurse = api.newUser(Role.NURSE);
            otherNurse = api.newUser(Role.NURSE);
        }
        history = new Fixtures(api, qa, inventory);
    }

    Product product(String routes) {
        return history.product(routes);
    }

    Lot lot(Product product, int daysToExpiry, String location, int vials) {
        return history.releasedLot(product, daysToExpiry, location, vials);
    }

    void waste(String vialId, String reason) {
        Reply wasted = api.post("api/vials/" + vialId + "/waste", inventory, "{\"reason\":\"" + reason + "\"}");
        assertEquals(201, wasted.status(), wasted::toString);
    }

    /** Records a dose; {@code vial} is {@code "barcode":...} or {@code "vialId":...}. */
    JsonObject give(Staff by, String vial, String route, String volumeMl, String extra) {
        return give(by, vial, route, volumeMl, "chronic fatigue", extra);
    }

    JsonObject give(Staff by, String vial, String route, String volumeMl, String indication, String extra) {
        String body = "{" + vial + ",\"patientId\":\"PT-" + Api.unique() + "\",\"route\":\"" + route + "\",\"volumeMl\":" + volumeMl
                + ",\"purpose\":\"THERAPY\",\"indication\":" + Json.createValue(indication) + ",\"physician\":\"Dr. Sato\"" + extra + "}";
        Reply given = api.post("api/administrations", by.token(), body, "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);
        return given.json();
    }

    static String scanned(Lot lot, int i) {
        return "\"barcode\":" + Json.createValue(lot.barcode(i));
    }

    static String byHand(Lot lot, int i) {
        return "\"vialId\":\"" + lot.vialIds().get(i) + "\"";
    }

    JsonObject report(String path) {
        Reply reply = api.get("api/reports/" + path, qa.token());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    static JsonObject only(JsonArray lines, String key, String value) {
        List<JsonObject> found = lines.getValuesAs(JsonObject.class).stream().filter(l -> value.equals(l.getString(key, null))).toList();
        assertEquals(1, found.size(), () -> key + "=" + value + " in " + lines);
        return found.get(0);
    }

    static Map<String, JsonObject> byReason(JsonObject wastage, Product p) {
        return wastage.getJsonArray("lines").getValuesAs(JsonObject.class).stream().filter(l -> l.getString("productCode").equals(p.code()))
                .collect(Collectors.toMap(l -> l.getString("reason"), l -> l));
    }

    static void assertLine(JsonObject line, int vials, int partialVials, String ml) {
        assertEquals(vials, line.getInt("vials"), line::toString);
        assertEquals(partialVials, line.getInt("partialVials"), line::toString);
        assertEquals(new java.math.BigDecimal(ml), line.getJsonNumber("ml").bigDecimalValue().stripTrailingZeros(), line::toString);
    }

    @Test
    void wastageCountsWastedMissingAndRemaindersByReasonAndProduct() {
        Product a = product("\"IV_DRIP\"");
        Product b = product("\"IV_DRIP\"");
        Lot lotA = lot(a, 180, "FREEZER-1", 4);
        Lot lotB = lot(b, 180, "FREEZER-1", 1);
        String shelf = "SHELF-" + Api.unique();
        Lot counted = lot(a, 180, shelf, 2);
        JsonObject before = report("wastage");

        waste(lotA.vialIds().get(0), "BROKEN");
        waste(lotA.vialIds().get(1), "BROKEN");
        waste(lotB.vialIds().get(0), "TEMPERATURE_EXCURSION");
        Reply count = api.post("api/stock/counts", inventory, "{\"location\":\"" + shelf + "\",\"vialIds\":[]}");
        assertEquals(201, count.status(), count::toString);
        give(nurse, scanned(lotA, 2), "IV_DRIP", "1.5", "");
        give(nurse, scanned(lotA, 3), "IV_DRIP", "2.0", "");

        JsonObject w = report("wastage?from=" + today() + "&to=" + today());
        assertEquals(today().toString(), w.getJsonObject("period").getString("from"));
        assertEquals("Asia/Tokyo", w.getString("timeZone"));
        Map<String, JsonObject> ofA = byReason(w, a);
        assertEquals(3, ofA.size(), ofA::toString);
        assertLine(ofA.get("BROKEN"), 2, 0, "4");
        assertLine(ofA.get("MISSING_AT_COUNT"), 2, 0, "4");
        assertLine(ofA.get("PARTIAL_USE_REMAINDER"), 0, 1, "0.5");
        Map<String, JsonObject> ofB = byReason(w, b);
        assertEquals(List.of("TEMPERATURE_EXCURSION"), List.copyOf(ofB.keySet()));
        assertLine(ofB.get("TEMPERATURE_EXCURSION"), 1, 0, "2");

        JsonObject after = report("wastage");
        assertEquals(5, after.getInt("vials") - before.getInt("vials"), "whole vials of the last 30 days");
        assertEquals(1, after.getInt("partialVials") - before.getInt("partialVials"));
        assertEquals(new java.math.BigDecimal("10.5"), after.getJsonNumber("ml").bigDecimalValue()
                .subtract(before.getJsonNumber("ml").bigDecimalValue()).stripTrailingZeros());
        assertTrue(byReason(report("wastage?from=" + today().plusDays(1) + "&to=" + today().plusDays(1)), a).isEmpty(), "not tomorrow");
        assertEquals(3, byReason(api.get("api/reports/wastage", integration).json(), a).size(), "integrations may read");
    }

    @Test
    void aPeriodBackwardsTooLongOrNotADateIsRefusedNamingTheField() {
        assertProblem(api.get("api/reports/wastage?from=2026-03-02&to=2026-03-01", qa.token()), 422, "from");
        assertProblem(api.get("api/reports/scan-compliance?from=2020-01-01&to=2026-01-01", qa.token()), 422, "to");
        assertProblem(api.get("api/reports/wastage?from=2026-02-30", qa.token()), 422, "from");
        Reply notADate = api.get("api/reports/wastage?to=yesterday", qa.token());
        assertTrue(notADate.status() == 400 || notADate.status() == 422, notADate::toString);
        assertTrue(notADate.isProblem(), notADate::toString);
        assertProblem(api.get("api/reports/regulatory-export?year=2026&from=2026-01-01", qa.token()), 422, "year");
        assertEquals(403, api.get("api/reports/stock", api.tokenFor(Role.NURSE)).status());
        assertEquals(403, api.get("api/reports/wastage", inventory).status());
        assertEquals(401, api.get("api/reports/stock", null).status());
        assertEquals(200, api.get("/openapi", null).status(), "the reports' bean parameters keep /openapi working (ADR 3)");
    }

    static void assertProblem(Reply reply, int status, String field) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertEquals("VALIDATION_FAILED", reply.code(), reply::toString);
        assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply::toString);
    }

    @Test
    void scanComplianceIsTheShareOfVialsRecordedWithoutAScanByNurseAndWeek() {
        Product p = product("\"IV_DRIP\"");
        Lot lot = lot(p, 180, "FREEZER-1", 6);
        String week = "%d-W%02d".formatted(today().get(IsoFields.WEEK_BASED_YEAR), today().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        JsonObject before = report("scan-compliance");

        give(nurse, scanned(lot, 0), "IV_DRIP", "2.0", "");
        give(nurse, scanned(lot, 1), "IV_DRIP", "2.0", "");
        give(nurse, byHand(lot, 2), "IV_DRIP", "2.0", "");
        give(otherNurse, "\"vials\":[{" + scanned(lot, 3) + "},{" + byHand(lot, 4) + "}]", "IV_DRIP", "4.0", "");
        give(otherNurse, byHand(lot, 5), "IV_DRIP", "1.0", "");

        JsonObject r = report("scan-compliance?from=" + today().minusDays(6) + "&to=" + today());
        JsonObject first = only(r.getJsonArray("byNurse"), "nurse", nurse.username()).getJsonObject("figures");
        assertEquals(3, first.getInt("doses"));
        assertEquals(3, first.getInt("vials"));
        assertEquals(1, first.getInt("unscannedVials"));
        assertEquals("33.3", first.getJsonNumber("unscannedPercent").toString());
        JsonObject second = only(r.getJsonArray("byNurse"), "nurse", otherNurse.username()).getJsonObject("figures");
        assertEquals(2, second.getInt("doses"));
        assertEquals(3, second.getInt("vials"));
        assertEquals(2, second.getInt("unscannedVials"));
        assertEquals("66.7", second.getJsonNumber("unscannedPercent").toString());

        JsonObject after = report("scan-compliance");
        JsonObject o0 = before.getJsonObject("overall");
        JsonObject o1 = after.getJsonObject("overall");
        assertEquals(5, o1.getInt("doses") - o0.getInt("doses"));
        assertEquals(6, o1.getInt("vials") - o0.getInt("vials"));
        assertEquals(3, o1.getInt("unscannedVials") - o0.getInt("unscannedVials"));
        JsonObject thisWeek = only(after.getJsonArray("byWeek"), "week", week);
        int weekBefore = before.getJsonArray("byWeek").getValuesAs(JsonObject.class).stream().filter(w -> w.getString("week").equals(week))
                .mapToInt(w -> w.getJsonObject("figures").getInt("vials")).sum();
        assertEquals(6, thisWeek.getJsonObject("figures").getInt("vials") - weekBefore);
        assertEquals(today().with(java.time.DayOfWeek.MONDAY).toString(), thisWeek.getString("weekStart"));
        JsonObject none = report("scan-compliance?from=1999-01-01&to=1999-01-31").getJsonObject("overall");
        assertEquals(0, none.getInt("vials"));
        assertTrue(!none.containsKey("unscannedPercent") || none.isNull("unscannedPercent"), "no vials, no share: " + none);
    }

    @Test
    void theStockSummaryCountsOnHandByProductAndLocationAndWhatIsPastExpiry() throws SQLException {
        Product p = product("\"IV_DRIP\"");
        String freezer = "FREEZER-" + Api.unique();
        String fridge = "FRIDGE-" + Api.unique();
        lot(p, 120, freezer, 3);
        Lot soon = lot(p, 40, freezer, 2);
        waste(soon.vialIds().get(0), "BROKEN");
        Lot old = lot(p, 90, fridge, 2);
        try (Connection db = TestDatabase.connect();
             PreparedStatement s = db.prepareStatement("UPDATE lot SET expires_on = ? WHERE lot_number = ?")) {
            s.setObject(1, today().minusDays(1));
            s.setString(2, old.number());
            assertEquals(1, s.executeUpdate(), "time passes: the lot expired yesterday");
        }

        JsonObject r = report("stock");
        assertEquals(today().toString(), r.getString("asOf"));
        List<JsonObject> mine = r.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("productCode").equals(p.code())).toList();
        assertEquals(2, mine.size(), mine::toString);
        JsonObject inFreezer = only(Json.createArrayBuilder(mine).build(), "location", freezer);
        assertEquals(4, inFreezer.getInt("vials"));
        assertEquals(2, inFreezer.getInt("lots"));
        assertEquals(today().plusDays(40).toString(), inFreezer.getString("earliestExpiry"));
        assertEquals(0, inFreezer.getInt("expiredVials"));
        JsonObject inFridge = only(Json.createArrayBuilder(mine).build(), "location", fridge);
        assertEquals(2, inFridge.getInt("vials"));
        assertEquals(2, inFridge.getInt("expiredVials"));
        JsonObject expired = only(r.getJsonArray("expired"), "lotNumber", old.number());
        assertEquals(2, expired.getInt("vials"));
        assertEquals(fridge, expired.getString("location"));
        assertTrue(r.getInt("expiredVials") >= 2, r::toString);
    }

    @Test
    void theRegulatoryExportListsEveryDoseByProductAndRouteAsJsonAndCsv() {
        Product p = product("\"IV_DRIP\",\"INJECTION\"");
        Lot lot = lot(p, 180, "FREEZER-1", 3);
        String provision = ",\"consentRef\":\"IC-2026-7\",\"provisionPlanNumber\":\"PB3240001\"";
        JsonObject drip = give(nurse, scanned(lot, 0), "IV_DRIP", "1.5", provision);
        JsonObject injection = give(otherNurse, byHand(lot, 1), "INJECTION", "1.0", "knee pain, \"left\"", ",\"site\":\"JOINT\"");
        JsonObject drip2 = give(nurse, scanned(lot, 2), "IV_DRIP", "2.0", "");
        int year = today().getYear();

        JsonObject json = report("regulatory-export?year=" + year);
        assertEquals(year + "-01-01", json.getJsonObject("period").getString("from"));
        assertEquals(year + "-12-31", json.getJsonObject("period").getString("to"));
        List<JsonObject> doses = json.getJsonArray("doses").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("productCode").equals(p.code())).toList();
        assertEquals(List.of(injection.getString("administrationId"), drip.getString("administrationId"), drip2.getString("administrationId")),
                doses.stream().map(d -> d.getString("administrationId")).toList(), "by route (INJECTION before IV_DRIP), then time");
        JsonObject first = doses.get(1);
        assertEquals(lot.number(), first.getString("lotNumbers"));
        assertEquals(history.cpc(), first.getString("cpcCodes"));
        assertEquals("IC-2026-7", first.getString("consentRef"));
        assertEquals("PB3240001", first.getString("provisionPlanNumber"));
        assertEquals("Dr. Sato", first.getString("physician"));
        assertEquals(nurse.username(), first.getString("nurse"));
        assertEquals(585_000_000_000L, first.getJsonNumber("particles").longValue());
        assertTrue(first.getBoolean("scanned"));
        assertEquals(false, doses.get(0).getBoolean("scanned"));
        List<JsonObject> summary = json.getJsonArray("summary").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("productCode").equals(p.code())).toList();
        assertEquals(List.of("INJECTION 1 1.0", "IV_DRIP 2 3.5"), summary.stream().map(s -> s.getString("route") + " " + s.getInt("doses") + " "
                + s.getJsonNumber("totalMl").bigDecimalValue().setScale(1)).toList());

        Reply csv = api.send("GET", "api/reports/regulatory-export?year=" + year, qa.token(), null, null, "Accept", "text/csv");
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.contentType().startsWith("text/csv"), csv::toString);
        assertEquals("attachment; filename=\"regulatory-export-" + year + ".csv\"", csv.header("Content-Disposition"));
        String[] rows = csv.body().split("\r\n");
        assertEquals("administrationId,kind,administeredAt,patientId,productCode,productName,lotNumbers,cpcCodes,vials,route,site,siteDetail,"
                + "volumeMl,particles,purpose,indication,physician,consentRef,provisionPlanNumber,nurse,scanned,corrects,corrections", rows[0]);
        List<String> mine = Arrays.stream(rows).filter(r -> r.contains("," + p.code() + ",")).toList();
        assertEquals(3, mine.size(), csv::body);
        assertEquals(injection.getString("administrationId") + ",ADMINISTERED," + injection.getString("administeredAt") + ","
                + injection.getString("patientId") + "," + p.code() + ",max NFC 2cc," + lot.number() + "," + history.cpc() + ",1,INJECTION,JOINT,,1.000,"
                + "390000000000,THERAPY,\"knee pain, \"\"left\"\"\",Dr. Sato,,," + otherNurse.username() + ",false,,0", mine.get(0));

        Reply quarter = api.send("GET", "api/reports/regulatory-export?from=" + today() + "&to=" + today(), integration, null, null,
                "Accept", "text/csv");
        assertEquals(200, quarter.status(), quarter::toString);
        assertEquals("attachment; filename=\"regulatory-export-" + today() + "_" + today() + ".csv\"", quarter.header("Content-Disposition"));
        assertEquals(3, Arrays.stream(quarter.body().split("\r\n")).filter(r -> r.contains("," + p.code() + ",")).count());
        JsonObject read = api.get("api/audit?action=REGULATORY_EXPORT_READ&size=100", qa.token()).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getJsonObject("change").getString("from").equals(today().toString())
                        && e.getJsonObject("change").getString("to").equals(today().toString())).findFirst().orElseThrow();
        assertEquals("report", read.getString("subjectType"), read::toString);
    }
}
