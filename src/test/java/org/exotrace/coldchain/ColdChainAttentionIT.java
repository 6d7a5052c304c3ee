package org.exotrace.coldchain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Product;
import org.exotrace.testing.TestDatabase;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What needs attention across places (GET /api/locations/excursions, ADR 0047): the excursions open now and those that
 * ended still holding vials QA has not disposed of; not those disposed of, nor an ended one that held nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ColdChainAttentionIT {

    @ArquillianResource
    URL base;

    Api api;
    static Staff qa;
    static String inventory;
    static String integration;
    Fixtures history;
    Product product;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            integration = api.tokenFor(Role.INTEGRATION);
        }
        history = new Fixtures(api, qa, inventory);
        product = history.product("\"IV_DRIP\"");
    }

    private String freezer(int maxGapMinutes) {
        String code = "FRZ-" + Api.unique().toUpperCase();
        Reply registered = api.post("api/locations", qa.token(), """
                {"code":"%s","name":"-80 °C freezer %s","kind":"FREEZER","minC":-90,"maxC":-60,"maxGapMinutes":%d}"""
                .formatted(code, code, maxGapMinutes));
        assertEquals(201, registered.status(), registered::toString);
        return code;
    }

    private void send(String place, String readings) {
        Reply sent = api.post("api/locations/" + place + "/readings", integration, "{\"loggerId\":\"TL-1\",\"readings\":[" + readings + "]}");
        assertEquals(200, sent.status(), sent::toString);
    }

    private static String reading(Instant at, String celsius) {
        return "{\"at\":\"" + at + "\",\"celsius\":" + celsius + "}";
    }

    private Map<String, JsonObject> needingAttention(Set<String> places) {
        Reply reply = api.get("api/locations/excursions", inventory);
        assertEquals(200, reply.status(), reply::toString);
        List<JsonObject> items = reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
        List<Instant> starts = items.stream().map(i -> Instant.parse(i.getString("startedAt"))).toList();
        assertEquals(starts.stream().sorted().toList(), starts, "oldest first");
        return items.stream().filter(i -> places.contains(i.getString("placeCode")))
                .collect(Collectors.toMap(i -> i.getString("placeCode"), Function.identity()));
    }

    @Test
    void openExcursionsAndEndedOnesStillHoldingVialsAreListedAndThoseDisposedOfOrHoldingNothingAreNot() {
        String open = freezer(15);
        String ended = freezer(15);
        String disposed = freezer(15);
        String empty = freezer(15);
        String silent = freezer(1);
        for (String place : List.of(open, ended, disposed, silent)) {
            history.releasedLot(product, 180, place, 2);
        }
        // the vials are in their places from now on; the excursions come after, in the past by the time they are sent
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        waitUntil(t0.plusSeconds(4));
        Instant before = t0.minus(10, ChronoUnit.MINUTES);
        send(open, reading(before, "-80.0") + "," + reading(t0.plusSeconds(1), "-41.5"));
        for (String place : List.of(ended, disposed, empty)) {
            send(place, reading(before, "-80.0") + "," + reading(t0.plusSeconds(1), "-52.5") + "," + reading(t0.plusSeconds(2), "-47.0") + ","
                    + reading(t0.plusSeconds(3), "-79.0"));
        }
        send(silent, reading(t0.minus(3, ChronoUnit.MINUTES), "-80.0"));
        Reply released = api.post("api/locations/" + disposed + "/dispositions", qa.token(), Json.createObjectBuilder()
                .add("kind", "OUT_OF_RANGE").add("startedAt", t0.plusSeconds(1).toString()).add("decision", "RELEASE")
                .add("justification", "two seconds above -60 °C; within the stability data").add("password", qa.password()).build().toString());
        assertEquals(201, released.status(), released::toString);

        Map<String, JsonObject> listed = needingAttention(Set.of(open, ended, disposed, empty, silent));
        assertEquals(Set.of(open, ended, silent), listed.keySet(), listed::toString);

        JsonObject o = listed.get(open);
        assertEquals("OUT_OF_RANGE", o.getString("kind"));
        assertEquals(t0.plusSeconds(1).toString(), o.getString("startedAt"));
        assertFalse(o.containsKey("endedAt"), "open: " + o);
        assertEquals(-41.5, o.getJsonNumber("highestC").doubleValue());
        assertEquals(2, o.getInt("heldVials"));
        assertTrue(o.getString("placeName").contains(open), o::toString);

        JsonObject e = listed.get(ended);
        assertEquals(t0.plusSeconds(1).toString(), e.getString("startedAt"));
        assertEquals(t0.plusSeconds(3).toString(), e.getString("endedAt"));
        assertEquals(-52.5, e.getJsonNumber("lowestC").doubleValue());
        assertEquals(-47.0, e.getJsonNumber("highestC").doubleValue());
        assertEquals(2, e.getInt("heldVials"));

        JsonObject s = listed.get(silent);
        assertEquals("NO_READINGS", s.getString("kind"), "a silence past the place's gap, without waiting for the timer: " + s);
        assertFalse(s.containsKey("endedAt"), s::toString);
        assertEquals(2, s.getInt("heldVials"), "the read makes the holds first: " + s);

        assertEquals(200, api.get("api/locations/excursions", qa.token()).status());
        assertEquals(200, api.get("api/locations/excursions", integration).status());
        assertEquals(403, api.get("api/locations/excursions", api.tokenFor(Role.NURSE)).status());
    }

    /** 30 polls as a page makes them, the first 5 not counted: median and highest, printed for docs/BENCHMARKS.md. */
    private List<Long> timeThePoll(String when) {
        List<Long> sorted = time("api/locations/excursions");
        List<Long> floor = time("api/clinic");
        System.out.printf("GET /api/locations/excursions, 20 places x 1441 readings, 2 open (%d places in the database), %s: median %.1f ms,"
                + " max %.1f ms (GET /api/clinic beside it: median %.1f ms)%n", api.get("api/locations", inventory).json().getJsonArray("items").size(),
                when, sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0, floor.get(floor.size() / 2) / 1000.0);
        return sorted;
    }

    private List<Long> time(String path) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            assertEquals(200, api.get(path, inventory).status());
            micros.add((System.nanoTime() - start) / 1_000);
        }
        return micros.subList(5, micros.size()).stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** Returns once the clock has passed {@code instant}. */
    static void waitUntil(Instant instant) {
        long millis = instant.toEpochMilli() - System.currentTimeMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The figure for ADR 0047 / docs/BENCHMARKS.md: the read every open page polls, with 20 places and a day of readings each. */
    @Test
    void twentyPlacesWithADayOfReadingsEachAreReadInAFewMilliseconds() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<String> places = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            String place = freezer(15);
            places.add(place);
            history.releasedLot(product, 180, place, 5);
            StringBuilder day = new StringBuilder();
            for (int m = 1440; m >= 0; m--) {
                // two places out of range for the last five minutes: open excursions
                String celsius = p < 2 && m < 5 ? "-50.0" : (m % 7 == 0 ? "-79.5" : "-80.0");
                day.append(day.isEmpty() ? "" : ",").append(reading(now.minus(m, ChronoUnit.MINUTES), celsius));
            }
            send(place, day.toString());
        }
        assertEquals(2, needingAttention(Set.copyOf(places)).size());
        List<Long> sorted = timeThePoll("as filled, before the statistics know the readings");
        try (Connection db = TestDatabase.connect(); Statement analyze = db.createStatement()) {
            analyze.execute("ANALYZE temperature_reading, stock_movement, temperature_hold"); // autovacuum's work in a running clinic
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        timeThePoll("after ANALYZE");
        assertTrue(sorted.get(sorted.size() / 2) < 500_000, "a poll costs well under half a second: " + sorted);
    }
}
