package org.exotrace.coldchain;

import jakarta.json.JsonObject;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Storage places, a logger's readings as loggers send them (late, twice, out of order) and the excursions they show. */
@ExtendWith(ArquillianExtension.class)
class ColdChainIT {

    @ArquillianResource
    URL base;

    Api api;
    String qa;
    String integration;
    String place;
    /** A whole minute an hour ago: the readings of the tests lie after it. */
    Instant t0;

    @BeforeEach
    void aFreezer() {
        api = new Api(base);
        qa = api.tokenFor(Role.QA);
        integration = api.tokenFor(Role.INTEGRATION);
        place = "FRZ-" + Api.unique().toUpperCase();
        t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(60, ChronoUnit.MINUTES);
        Reply registered = api.post("api/locations", qa, """
                {"code":"%s","name":"-80 °C freezer, room 2","kind":"FREEZER","minC":-90,"maxC":-60,"maxGapMinutes":15}""".formatted(place));
        assertEquals(201, registered.status(), registered::toString);
        assertTrue(registered.header("Location").endsWith("/api/locations/" + place), registered::toString);
    }

    private String at(int minutes) {
        return t0.plus(minutes, ChronoUnit.MINUTES).toString();
    }

    private Reply send(String logger, String readings) {
        return api.post("api/locations/" + place + "/readings", integration, "{\"loggerId\":\"" + logger + "\",\"readings\":[" + readings + "]}");
    }

    private String reading(int minute, String celsius) {
        return "{\"at\":\"" + at(minute) + "\",\"celsius\":" + celsius + "}";
    }

    private List<JsonObject> excursions() {
        Reply reply = api.get("api/locations/" + place + "/excursions?from=" + at(-10) + "&to=" + at(70), qa);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    @Test
    void readingsOutOfRangeOpenAnExcursionThatTheNextReadingInRangeClosesWhateverOrderTheyArriveIn() {
        Reply first = send("TL-1", reading(0, "-80.0") + "," + reading(5, "-79.5") + "," + reading(15, "-41.2"));
        assertEquals(200, first.status(), first::toString);
        assertEquals(3, first.json().getInt("received"));

        List<JsonObject> open = excursions().stream().filter(e -> e.getString("kind").equals("OUT_OF_RANGE")).toList();
        assertEquals(1, open.size(), open::toString);
        assertEquals(at(15), open.get(0).getString("startedAt"));
        assertFalse(open.get(0).containsKey("endedAt"), "open while no reading is back in range: " + open);

        // a reading that arrives late, between the last in range and the first out of it, starts the excursion earlier
        Reply late = send("TL-1", reading(20, "-78.0") + "," + reading(10, "-55.0") + "," + reading(5, "-79.5"));
        assertEquals(200, late.status(), late::toString);
        assertEquals(2, late.json().getInt("received"));
        assertEquals(1, late.json().getInt("duplicates"), "the same logger and time is the same reading");

        List<JsonObject> closed = excursions().stream().filter(e -> e.getString("kind").equals("OUT_OF_RANGE")).toList();
        assertEquals(1, closed.size(), closed::toString);
        assertEquals(at(10), closed.get(0).getString("startedAt"));
        assertEquals(at(20), closed.get(0).getString("endedAt"));
        assertEquals(-55.0, closed.get(0).getJsonNumber("lowestC").doubleValue(), 1e-9);
        assertEquals(-41.2, closed.get(0).getJsonNumber("highestC").doubleValue(), 1e-9);

        Reply readings = api.get("api/locations/" + place + "/readings?from=" + at(0) + "&to=" + at(30), qa);
        assertEquals(200, readings.status(), readings::toString);
        assertEquals(List.of(at(0), at(5), at(10), at(15), at(20)), readings.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("at")).toList(), "one series in time order, each reading once");
    }

    @Test
    void aSilenceLongerThanThePlaceAllowsIsAnExcursionOfItsOwnAndSoIsTheSilenceSinceTheLastReading() {
        Reply sent = send("TL-2", reading(0, "-80") + "," + reading(10, "-80") + "," + reading(40, "-80"));
        assertEquals(200, sent.status(), sent::toString);

        List<JsonObject> gaps = excursions().stream().filter(e -> e.getString("kind").equals("NO_READINGS")).toList();
        assertEquals(2, gaps.size(), gaps::toString);
        assertEquals(at(10), gaps.get(0).getString("startedAt"));
        assertEquals(at(40), gaps.get(0).getString("endedAt"), "30 minutes without a reading, where 15 are allowed");
        assertEquals(at(40), gaps.get(1).getString("startedAt"), "the last reading was 20 minutes ago: open");
        assertFalse(gaps.get(1).containsKey("endedAt"), gaps::toString);
        assertTrue(excursions().stream().noneMatch(e -> e.getString("kind").equals("OUT_OF_RANGE")));
    }

    @Test
    void readingsThatCannotBeStoredAreRefusedWholeAndOnlyLoggersMaySendThem() {
        Reply noOffset = send("TL-3", reading(0, "-80") + ",{\"at\":\"2026-12-07T03:15:00\",\"celsius\":-80}");
        assertEquals(422, noOffset.status(), noOffset::toString);
        assertTrue(noOffset.body().contains("readings[1].at"), noOffset::toString);
        Reply tooFine = send("TL-3", "{\"at\":\"" + at(1) + "\",\"celsius\":-80.123}");
        assertEquals(422, tooFine.status(), tooFine::toString);
        assertTrue(tooFine.body().contains("readings[0].celsius"), tooFine::toString);
        Reply readings = api.get("api/locations/" + place + "/readings?from=" + at(-10) + "&to=" + at(70), qa);
        assertEquals(0, readings.json().getJsonArray("items").size(), "nothing of a refused batch is stored");

        assertEquals(403, api.post("api/locations/" + place + "/readings", qa, "{\"loggerId\":\"X\",\"readings\":[" + reading(0, "-80") + "]}")
                .status(), "QA reads readings; loggers send them");
        assertEquals(404, api.post("api/locations/NO-SUCH-" + Api.unique().toUpperCase() + "/readings", integration,
                "{\"loggerId\":\"X\",\"readings\":[" + reading(0, "-80") + "]}").status());
        Reply again = api.post("api/locations", qa, """
                {"code":"%s","name":"again","kind":"ROOM","minC":15,"maxC":25}""".formatted(place));
        assertEquals(409, again.status(), again::toString);
        assertEquals("LOCATION_EXISTS", again.code());
        Reply empty = api.post("api/locations", qa, """
                {"code":"%s","name":"upside down","kind":"REFRIGERATOR","minC":8,"maxC":2}""".formatted("FR-" + Api.unique().toUpperCase()));
        assertEquals(422, empty.status(), empty::toString);
        assertTrue(empty.body().contains("maxC"), empty::toString);
        assertEquals(List.of(place), api.get("api/locations", integration).json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("code")).filter(place::equals).collect(Collectors.toList()));
    }

    @Test
    void aLoggersCsvExportIsStoredAsItsJsonBatchWouldBeAndAFaultyRowRefusesTheFile() {
        Reply faulty = api.send("POST", "api/locations/" + place + "/readings", integration, "text/csv",
                "loggerId,at,celsius\r\nTL-9," + at(0) + ",-80.0\r\nTL-9,2026-12-07T03:15:00,-80.0\r\n");
        assertEquals(422, faulty.status(), faulty::toString);
        assertTrue(faulty.isProblem(), faulty::toString);
        assertTrue(faulty.body().contains("row 3 at"), faulty::toString);

        Reply csv = api.send("POST", "api/locations/" + place + "/readings?loggerId=TL-9", integration, "text/csv",
                "Time;Temperature\n" + at(0) + ";\"-80,0\"\n" + at(1) + ";-41,5\n" + at(2) + ";-80,1\n" + at(2) + ";-80,1\n");
        assertEquals(200, csv.status(), csv::toString);
        assertEquals(3, csv.json().getInt("received"));
        assertEquals(1, csv.json().getInt("duplicates"));
        List<JsonObject> found = excursions().stream().filter(e -> e.getString("kind").equals("OUT_OF_RANGE")).toList();
        assertEquals(1, found.size(), found::toString);
        assertEquals(at(1), found.get(0).getString("startedAt"));
        assertEquals(at(2), found.get(0).getString("endedAt"));
    }
}
