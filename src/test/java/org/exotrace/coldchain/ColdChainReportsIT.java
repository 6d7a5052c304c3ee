package org.exotrace.coldchain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A place's temperature history for a period as QA opens it in a spreadsheet: its readings and its excursions as CSV
 * (by Accept, as the lot report and the regulatory export), and the excursions' length, range, holds and dispositions
 * in the JSON too.
 */
@ExtendWith(ArquillianExtension.class)
class ColdChainReportsIT {

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static String inventory;
    static String integration;
    Fixtures history;
    String place;
    /** The period asked: whole minutes around the readings. */
    Instant from;
    Instant to;

    @BeforeEach
    void aFreezer() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            integration = api.tokenFor(Role.INTEGRATION);
        }
        history = new Fixtures(api, qa, inventory);
        place = "FRZ-" + Api.unique().toUpperCase();
        Reply registered = api.post("api/locations", qa.token(), """
                {"code":"%s","name":"-80 °C freezer, room 2","kind":"FREEZER","minC":-90,"maxC":-60,"maxGapMinutes":15}""".formatted(place));
        assertEquals(201, registered.status(), registered::toString);
        from = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
        to = from.plus(2, ChronoUnit.HOURS);
    }

    private void send(Instant at, String celsius) {
        Reply sent = api.post("api/locations/" + place + "/readings", integration,
                "{\"loggerId\":\"TL-1\",\"readings\":[{\"at\":\"" + at + "\",\"celsius\":" + celsius + "}]}");
        assertEquals(200, sent.status(), sent::toString);
    }

    private Reply csv(String what, String query) {
        return api.send("GET", "api/locations/" + place + "/" + what + query, qa.token(), null, null, "Accept", "text/csv");
    }

    private String period() {
        return "?from=" + from + "&to=" + to;
    }

    private static List<CSVRecord> rows(Reply reply) throws IOException {
        return CSVParser.parse(reply.body(), CSVFormat.RFC4180).getRecords();
    }

    private static Instant at(CSVRecord row, String column, List<String> header) {
        return Instant.parse(row.get(header.indexOf(column)));
    }

    @Test
    void theReadingsOfAPeriodAreACsvAttachmentNamedByPlaceAndPeriodEachJudgedAgainstTheRange() throws IOException {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(t.minusSeconds(120), "-41.5");
        send(t.minusSeconds(600), "-80.0");
        send(t.minusSeconds(60), "-79.25");
        send(from.minusSeconds(60), "-80.0"); // before the period: not in it

        Reply reply = csv("readings", period());
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/csv"), reply::toString);
        assertEquals("attachment; filename=\"" + place + "-readings-" + basic(from) + "_" + basic(to) + ".csv\"",
                reply.header("Content-Disposition"));
        assertTrue(reply.body().endsWith("\r\n"), reply::body);
        List<CSVRecord> rows = rows(reply);
        assertEquals(List.of("place", "logger", "at", "celsius", "inRange"), rows.get(0).toList());
        assertEquals(List.of(
                List.of(place, "TL-1", t.minusSeconds(600).toString(), "-80.00", "true"),
                List.of(place, "TL-1", t.minusSeconds(120).toString(), "-41.50", "false"),
                List.of(place, "TL-1", t.minusSeconds(60).toString(), "-79.25", "true")),
                rows.subList(1, rows.size()).stream().map(CSVRecord::toList).toList(), "in time order, the period's only");

        JsonObject json = api.get("api/locations/" + place + "/readings" + period(), qa.token()).json();
        assertEquals(-90, json.getJsonNumber("minC").intValue());
        assertEquals(-60, json.getJsonNumber("maxC").intValue());
        assertEquals(List.of(true, false, true), json.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getBoolean("inRange")).toList());
        Reply any = api.send("GET", "api/locations/" + place + "/readings" + period(), qa.token(), null, null, "Accept", "*/*");
        assertTrue(any.contentType().startsWith("application/json"), "JSON unless CSV is asked for: " + any.contentType());
    }

    @Test
    void theExcursionsOfAPeriodAreACsvWithTheirLengthTheVialsTheyHeldAndQasDispositionAndSayWhileOneIsOpen() throws IOException {
        Lot lot = history.releasedLot(history.product("\"IV_DRIP\""), 180, place, 2);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(t.minusSeconds(600), "-80.0");
        send(t.minusSeconds(60), "-41.5");
        send(t.minusSeconds(30), "-55.0");

        Reply open = csv("excursions", period());
        assertEquals(200, open.status(), open::toString);
        assertTrue(open.contentType().startsWith("text/csv"), open::toString);
        assertEquals("attachment; filename=\"" + place + "-excursions-" + basic(from) + "_" + basic(to) + ".csv\"",
                open.header("Content-Disposition"));
        List<CSVRecord> rows = rows(open);
        List<String> header = rows.get(0).toList();
        assertEquals(List.of("place", "placeName", "minC", "maxC", "kind", "startedAt", "endedAt", "open", "minutes", "lowestC", "highestC",
                "heldVials", "stillHeld", "disposition", "dispositionVials", "justification", "signedBy", "signedAt", "dispositionId"), header);
        assertEquals(2, rows.size(), open::body);
        CSVRecord lasting = rows.get(1);
        assertEquals(List.of(place, "'-80 °C freezer, room 2", "-90.0", "-60.0", "OUT_OF_RANGE"), lasting.toList().subList(0, 5),
                "a name starting with '-' is kept as text, not run as a formula");
        assertEquals(t.minusSeconds(60), at(lasting, "startedAt", header));
        assertEquals(List.of("", "true"), List.of(lasting.get(header.indexOf("endedAt")), lasting.get(header.indexOf("open"))), "open: no end yet");
        assertTrue(Integer.parseInt(lasting.get(8)) >= 1, "minutes so far: " + lasting);
        assertEquals(List.of("-55.00", "-41.50", "2", "2", ""), lasting.toList().subList(9, 14), "both vials held, none disposed of");

        send(t, "-80.0");
        JsonObject hold = api.get("api/locations/" + place + "/holds", qa.token()).json().getJsonArray("items").getJsonObject(0);
        Reply released = api.post("api/locations/" + place + "/dispositions", qa.token(), Json.createObjectBuilder()
                .add("kind", "OUT_OF_RANGE").add("startedAt", hold.getString("startedAt")).add("decision", "RELEASE")
                .add("justification", "one minute at -41.5 °C, within the CPC's stability data").add("password", qa.password())
                .build().toString());
        assertEquals(201, released.status(), released::toString);

        rows = rows(csv("excursions", period()));
        assertEquals(2, rows.size(), rows::toString);
        CSVRecord ended = rows.get(1);
        assertEquals(t, at(ended, "endedAt", header));
        assertEquals(List.of("false", "1", "-55.00", "-41.50", "2", "0", "RELEASE", "2", "one minute at -41.5 °C, within the CPC's stability data",
                qa.username()), ended.toList().subList(7, 17));
        assertTrue(Instant.parse(ended.get(17)).isAfter(t), ended::toString);
        assertEquals(released.json().getString("dispositionId"), ended.get(18));

        JsonObject json = api.get("api/locations/" + place + "/excursions" + period(), qa.token()).json();
        assertEquals(-90, json.getJsonNumber("minC").intValue());
        assertEquals(-60, json.getJsonNumber("maxC").intValue());
        JsonObject excursion = json.getJsonArray("items").getJsonObject(0);
        assertEquals(t.minusSeconds(60).toString(), excursion.getString("startedAt"), "existing fields as they were");
        assertEquals(1, excursion.getInt("minutes"));
        assertFalse(excursion.getBoolean("open"));
        assertEquals(2, excursion.getInt("heldVials"));
        assertEquals(0, excursion.getInt("stillHeld"));
        JsonObject disposition = excursion.getJsonArray("dispositions").getJsonObject(0);
        assertEquals("RELEASE", disposition.getString("decision"));
        assertEquals(2, disposition.getInt("vials"));
        assertEquals(qa.username(), disposition.getString("signedBy"));
        assertEquals(2, lot.vialIds().size());
    }

    @Test
    void aBadPeriodIsAProblemAsInJsonAndAnUnknownPlaceIsNotFound() {
        for (String what : List.of("readings", "excursions")) {
            for (String query : List.of("?from=yesterday", "?from=" + to + "&to=" + from, "?from=" + from.minus(32, ChronoUnit.DAYS) + "&to=" + from)) {
                Reply refused = csv(what, query);
                assertEquals(422, refused.status(), what + query + ": " + refused);
                assertTrue(refused.isProblem(), refused::toString);
                assertEquals("VALIDATION_FAILED", refused.code());
                Reply json = api.get("api/locations/" + place + "/" + what + query, qa.token());
                assertEquals(422, json.status(), json::toString);
            }
            Reply unknown = api.send("GET", "api/locations/NO-SUCH-" + Api.unique().toUpperCase() + "/" + what, qa.token(), null, null,
                    "Accept", "text/csv");
            assertEquals(404, unknown.status(), unknown::toString);
            assertTrue(unknown.isProblem(), unknown::toString);
        }
        Reply nurse = api.send("GET", "api/locations/" + place + "/readings", api.tokenFor(Role.NURSE), null, null, "Accept", "text/csv");
        assertEquals(403, nurse.status(), nurse::toString);
    }

    /** {@code 20261207T031500Z}: an instant in a file name. */
    private static String basic(Instant at) {
        return at.toString().replace("-", "").replace(":", "");
    }
}
