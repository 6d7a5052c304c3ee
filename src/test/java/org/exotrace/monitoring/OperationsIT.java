package org.exotrace.monitoring;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import org.exotrace.fhir.boundary.FhirApplication;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.exotrace.platform.boundary.ExoTraceApplication;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
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
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What integrations and operators read of the running service: the OpenAPI document ({@code GET /openapi}) describes
 * every endpoint the WAR serves, with roles and reason words, and the metrics ({@code GET /metrics}) move by exactly
 * what was done. Tests of this class may run in any order: each reads the counters before and after its own work.
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

    @ArquillianResource
    URL base;

    Api api;
    static Staff qa;
    static String inventory;
    static Staff nurse;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            nurse = api.newUser(Role.NURSE);
        }
    }

    // ---- OpenAPI

    /** An endpoint of the WAR: {@code POST /api/lots}, with the roles its {@code @RolesAllowed} names (empty: anyone) and whether it reads a body. */
    record Endpoint(String verb, String path, Set<String> roles, boolean body) {
        String key() {
            return verb + " " + path;
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointTheWarServes() throws IOException {
        List<Endpoint> endpoints = endpointsOfTheWar();
        assertTrue(endpoints.size() > 40, () -> "found only " + endpoints);
        JsonObject doc = openApi();
        List<String> faults = undocumented(doc, endpoints);
        assertTrue(faults.isEmpty(), () -> faults.size() + " faults in /openapi:\n" + String.join("\n", faults));

        JsonObject bearer = doc.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer");
        assertEquals("http", bearer.getString("type"));
        assertEquals("bearer", bearer.getString("scheme"));
        assertEquals("JWT", bearer.getString("bearerFormat"));
        assertTrue(doc.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
        // the token is required by every operation with roles, and by sign-in not
        doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((verb, op) -> {
            boolean open = op.asJsonObject().getJsonArray("x-roles").isEmpty();
            JsonValue security = op.asJsonObject().get("security");
            if (open) {
                assertTrue(security == null || security.asJsonArray().isEmpty(), verb + " " + path);
            } else {
                assertEquals("[{\"bearer\":[]}]", String.valueOf(security), verb + " " + path);
            }
        }));
        assertFalse(doc.containsKey("security"), "no document-wide requirement, which would cover sign-in");
        assertTrue(doc.getJsonObject("paths").getJsonObject("/api/auth/token").getJsonObject("post").getJsonArray("x-roles").isEmpty());
    }

    @Test
    void anEndpointWithoutItsDocumentationIsFound() throws IOException {
        List<Endpoint> endpoints = new ArrayList<>(endpointsOfTheWar());
        endpoints.add(new Endpoint("POST", "/api/undocumented/{id}", Set.of("QA"), true));
        JsonObject doc = openApi();
        List<String> faults = undocumented(doc, endpoints);
        assertEquals(List.of("POST /api/undocumented/{id}: not in /openapi"), faults);

        // and a documented operation that lost its roles, error answers and body example is found three times over
        JsonObject ops = doc.getJsonObject("paths").getJsonObject("/api/cpcs");
        JsonObject bare = Json.createObjectBuilder(ops.getJsonObject("post")).remove("x-roles")
                .add("responses", Json.createObjectBuilder().add("201", Json.createObjectBuilder().add("description", "ok")))
                .add("requestBody", Json.createObjectBuilder().add("content", Json.createObjectBuilder())).build();
        JsonObject stripped = Json.createObjectBuilder(doc).add("paths", Json.createObjectBuilder(doc.getJsonObject("paths"))
                .add("/api/cpcs", Json.createObjectBuilder(ops).add("post", bare))).build();
        List<String> strippedFaults = undocumented(stripped, endpoints).stream().filter(f -> f.startsWith("POST /api/cpcs:")).toList();
        assertEquals(3, strippedFaults.size(), strippedFaults::toString);
    }

    @Test
    void examplesAreShapedLikeTheServicesAnswers() {
        JsonObject doc = openApi();
        // the bedside verdict
        Fixtures history = new Fixtures(api, qa, inventory);
        Product product = history.product("\"IV_DRIP\"");
        Lot lot = history.releasedLot(product, 200, "FREEZER-OA", 1);
        Reply scan = api.post("api/scans", nurse.token(), "{\"barcode\":" + Json.createValue(lot.barcode(0)) + ",\"route\":\"IV_DRIP\"}");
        assertEquals(200, scan.status(), scan::toString);
        JsonObject scanExample = example(doc, "/api/scans", "post", "200");
        assertEquals(shape(scanExample), shape(scan.json()));
        assertEquals(scanExample.getString("verdict"), scan.json().getString("verdict"));
        // a CPC
        Reply cpcs = api.get("api/cpcs?size=1", qa.token());
        assertEquals(200, cpcs.status(), cpcs::toString);
        JsonObject cpc = cpcs.json().getJsonArray("items").getJsonObject(0);
        assertEquals(shape(example(doc, "/api/cpcs/{code}", "get", "200")), shape(cpc));
        // a problem: the example of a 404 against a real 404
        Reply missing = api.get("api/cpcs/NO-SUCH-CPC", qa.token());
        assertEquals(404, missing.status());
        JsonObject problem = doc.getJsonObject("paths").getJsonObject("/api/cpcs/{code}").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("404").getJsonObject("content").getJsonObject("application/problem+json").getJsonObject("example");
        assertEquals(problem.getString("code"), missing.code());
        assertEquals(problem.getString("type"), missing.json().getString("type"));
        assertTrue(missing.json().keySet().containsAll(problem.keySet()), () -> problem + " against " + missing);
    }

    /** The faults of the document against the endpoints: missing, or without summary, roles, error answers with reason words, body example. */
    static List<String> undocumented(JsonObject doc, List<Endpoint> endpoints) {
        List<String> faults = new ArrayList<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (Endpoint e : endpoints) {
            JsonObject item = paths.getJsonObject(e.path());
            JsonObject op = item == null ? null : item.getJsonObject(e.verb().toLowerCase());
            if (op == null) {
                faults.add(e.key() + ": not in /openapi");
                continue;
            }
            if (op.getString("summary", "").isBlank()) {
                faults.add(e.key() + ": no summary");
            }
            if (!op.containsKey("x-roles") || op.get("x-roles").getValueType() != JsonValue.ValueType.ARRAY) {
                faults.add(e.key() + ": no x-roles");
            } else {
                Set<String> documented = op.getJsonArray("x-roles").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .collect(Collectors.toSet());
                if (!documented.equals(e.roles())) {
                    faults.add(e.key() + ": x-roles " + documented + " but @RolesAllowed " + e.roles());
                }
            }
            JsonObject responses = op.getJsonObject("responses");
            List<String> errors = responses == null ? List.of()
                    : responses.keySet().stream().filter(s -> s.startsWith("4") || s.startsWith("5")).toList();
            if (errors.isEmpty()) {
                faults.add(e.key() + ": no error response");
            }
            for (String status : errors) {
                JsonObject r = responses.getJsonObject(status);
                if (!r.containsKey("x-problem-codes") || r.getJsonArray("x-problem-codes").isEmpty()) {
                    faults.add(e.key() + ": " + status + " names no reason word");
                }
            }
            if (responses != null && responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
                faults.add(e.key() + ": no success response");
            }
            if (e.body()) {
                JsonObject content = op.containsKey("requestBody") ? op.getJsonObject("requestBody").getJsonObject("content") : null;
                boolean example = content != null && content.values().stream().map(JsonValue::asJsonObject)
                        .anyMatch(m -> m.containsKey("schema") && (m.containsKey("example") || m.containsKey("examples")));
                if (!example) {
                    faults.add(e.key() + ": no request body schema with an example");
                }
            }
        }
        return faults;
    }

    private JsonObject openApi() {
        Reply reply = api.send("GET", "/openapi", null, null, null, "Accept", "application/json");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        // under a context root (an Arquillian deployment) the document's paths carry it: the WAR's own paths are what follows it
        String context = base.getPath().replaceAll("/$", "");
        JsonObject doc = reply.json();
        var paths = Json.createObjectBuilder();
        doc.getJsonObject("paths").forEach((path, item) -> paths.add(!context.isEmpty() && path.startsWith(context + "/")
                ? path.substring(context.length()) : path, item));
        return Json.createObjectBuilder(doc).add("paths", paths).build();
    }

    private static JsonObject example(JsonObject doc, String path, String verb, String status) {
        JsonObject media = doc.getJsonObject("paths").getJsonObject(path).getJsonObject(verb).getJsonObject("responses")
                .getJsonObject(status).getJsonObject("content").getJsonObject("application/json");
        return media.getJsonObject("examples").values().iterator().next().asJsonObject().getJsonObject("value");
    }

    /** The field names of an object, nested objects' as {@code a.b}. */
    private static Set<String> shape(JsonObject o) {
        Set<String> names = new TreeSet<>();
        o.forEach((k, v) -> {
            if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                shape(v.asJsonObject()).forEach(n -> names.add(k + "." + n));
            } else if (v.getValueType() != JsonValue.ValueType.NULL) {
                names.add(k);
            }
        });
        return names;
    }

    /**
     * Every resource method of the WAR as built, by reflection: the class's and the method's {@code @Path} under their
     * application's ({@code /fhir} for the FHIR resources, {@code /api} for the rest).
     */
    static List<Endpoint> endpointsOfTheWar() throws IOException {
        String app = ExoTraceApplication.class.getAnnotation(ApplicationPath.class).value();
        List<Endpoint> endpoints = new ArrayList<>();
        try (ZipFile war = new ZipFile(System.getProperty("exotrace.test.war"))) {
            List<String> classes = war.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("WEB-INF/classes/") && n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring("WEB-INF/classes/".length(), n.length() - ".class".length()).replace('/', '.')).toList();
            for (String name : classes) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, OperationsIT.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("a class of the WAR is not on the test's class path: " + name, e);
                }
                if (!type.isAnnotationPresent(Path.class)) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    String verb = Arrays.stream(m.getAnnotations()).map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                            .filter(java.util.Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
                    if (verb == null) {
                        continue;
                    }
                    String under = FhirApplication.RESOURCES.contains(type) ? FhirApplication.class.getAnnotation(ApplicationPath.class).value() : app;
                    String path = ("/" + under + "/" + type.getAnnotation(Path.class).value() + "/"
                            + (m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : ""))
                            .replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("(.)/$", "$1");
                    endpoints.add(new Endpoint(verb, path, roles(type, m), Arrays.stream(m.getParameters()).anyMatch(OperationsIT::isBody)));
                }
            }
        }
        // one endpoint, several methods (by media type): it reads a body when one of them does
        Map<String, Endpoint> merged = new TreeMap<>();
        endpoints.forEach(e -> merged.merge(e.key(), e, (a, b) -> new Endpoint(a.verb(), a.path(), a.roles(), a.body() || b.body())));
        return List.copyOf(merged.values());
    }

    private static Set<String> roles(Class<?> type, Method m) {
        if (m.isAnnotationPresent(RolesAllowed.class)) {
            return Set.of(m.getAnnotation(RolesAllowed.class).value());
        }
        if (m.isAnnotationPresent(PermitAll.class) || !type.isAnnotationPresent(RolesAllowed.class)) {
            return Set.of();
        }
        return Set.of(type.getAnnotation(RolesAllowed.class).value());
    }

    private static final Set<Class<? extends Annotation>> NOT_BODY = Set.of(PathParam.class, QueryParam.class, HeaderParam.class,
            CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    private static boolean isBody(Parameter p) {
        return Arrays.stream(p.getAnnotations()).noneMatch(a -> NOT_BODY.contains(a.annotationType()));
    }

    // ---- Metrics

    @Test
    void countersMoveByWhatWasCommittedAndTheLatencyTimerHasBuckets() {
        Fixtures history = new Fixtures(api, qa, inventory);
        Product product = history.product("\"IV_DRIP\"");
        Lot released = history.releasedLot(product, 200, "FREEZER-M", 2);
        Lot quarantined = history.receivedLot(product, 200, "FREEZER-M", 1);
        Map<String, Double> before = metrics();

        scan(released.barcode(0), "OK");
        scan(quarantined.barcode(0), "BLOCKED");
        Reply given = administer(released.barcode(0));
        assertEquals(201, given.status(), given::toString);
        Reply refused = administer(quarantined.barcode(0));
        assertEquals(409, refused.status(), refused::toString);
        Reply recalled = api.post("api/lots/" + released.number() + "/recall", qa.token(), "{\"reason\":\"CPC notice\"}");
        assertEquals(200, recalled.status(), recalled::toString);
        // a report opens the read replica's pool (ADR 0042), which is not the datasource's pool the gauges describe
        assertEquals(200, api.get("api/lots/" + released.number() + "/report", qa.token()).status());

        Map<String, Double> after = metrics();
        assertMoved(1, before, after, "exotrace_scan_verdicts_total{verdict=\"OK\"}");
        assertMoved(1, before, after, "exotrace_scan_verdicts_total{verdict=\"BLOCKED\"}");
        assertMoved(1, before, after, "exotrace_scans_total{reason=\"NONE\",verdict=\"OK\"}");
        assertMoved(1, before, after, "exotrace_scans_total{reason=\"LOT_QUARANTINED\",verdict=\"BLOCKED\"}");
        assertMoved(0, before, after, "exotrace_scans_total{reason=\"LOT_RECALLED\",verdict=\"BLOCKED\"}");
        assertMoved(1, before, after, "exotrace_doses_total{kind=\"ADMINISTERED\"}"); // the refused one is not counted
        assertMoved(0, before, after, "exotrace_doses_total{kind=\"DISPENSED\"}");
        assertMoved(1, before, after, "exotrace_lot_decisions_total{to=\"RECALLED\"}");
        assertMoved(0, before, after, "exotrace_lot_decisions_total{to=\"RELEASED\"}");

        String scans = "exotrace_http_requests_seconds_count{method=\"POST\",path=\"/api/scans\",status=\"200\"}";
        assertMoved(2, before, after, scans);
        assertMoved(1, before, after, "exotrace_http_requests_seconds_count{method=\"POST\",path=\"/api/administrations\",status=\"409\"}");
        assertTrue(after.containsKey("exotrace_http_requests_seconds_bucket{le=\"0.1\",method=\"POST\",path=\"/api/scans\",status=\"200\"}"),
                () -> "no buckets: " + keys(after, "exotrace_http_requests_seconds_bucket"));
        String series = "{method=\"POST\",path=\"/api/scans\",status=\"200\"}";
        double mean = after.get("exotrace_http_requests_seconds_sum" + series) / after.get("exotrace_http_requests_seconds_count" + series);
        assertTrue(mean > 0 && mean < 30, () -> "a scan took " + mean + " s on average");
        assertEquals(after.get("exotrace_http_requests_seconds_count" + series),
                after.get("exotrace_http_requests_seconds_bucket{le=\"+Inf\",method=\"POST\",path=\"/api/scans\",status=\"200\"}"));

        assertEquals(32.0, after.get("exotrace_db_pool_max"), () -> keys(after, "exotrace_db_pool"));
        double used = after.get("exotrace_db_pool_connections{state=\"used\"}");
        double free = after.get("exotrace_db_pool_connections{state=\"free\"}");
        assertTrue(used >= 0 && free >= 0 && used + free >= 1 && used + free <= 32, () -> "used " + used + ", free " + free);
    }

    @Test
    void stockGaugesSayWhatTheStockReportAndTheLotListSay() throws InterruptedException {
        Fixtures history = new Fixtures(api, qa, inventory);
        Product product = history.product("\"IV_DRIP\"");
        history.releasedLot(product, 200, "FRIDGE-G", 3);
        history.receivedLot(product, 200, "FRIDGE-G", 2);
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L; // the gauges may be up to exotrace.metrics.stock-cache (5 s) old
        while (true) {
            Map<String, Double> gauges = metrics();
            Map<String, Double> expected = new TreeMap<>();
            Reply stock = api.get("api/reports/stock", qa.token());
            assertEquals(200, stock.status(), stock::toString);
            expected.put("exotrace_vials_on_hand", (double) stock.json().getInt("vials"));
            for (String status : List.of("QUARANTINED", "RELEASED", "REJECTED", "RECALLED")) {
                Reply lots = api.get("api/lots?status=" + status + "&size=1", qa.token());
                assertEquals(200, lots.status(), lots::toString);
                expected.put("exotrace_lots{status=\"" + status + "\"}", (double) lots.json().getInt("total"));
            }
            Map<String, Double> actual = new TreeMap<>();
            expected.keySet().forEach(k -> actual.put(k, gauges.get(k)));
            if (actual.equals(expected)) {
                assertTrue(expected.get("exotrace_vials_on_hand") >= 5, expected::toString);
                return;
            }
            seen.add("gauges " + actual + " against " + expected);
            assertTrue(System.nanoTime() < deadline, () -> String.join("\n", seen));
            Thread.sleep(1000);
        }
    }

    @Test
    void anExcursionMovesTheOpenExcursionsAndHeldVialsGaugesAndIsCountedOnceOpenedAndOnceEnded() throws InterruptedException {
        Fixtures history = new Fixtures(api, qa, inventory);
        Product product = history.product("\"IV_DRIP\"");
        String place = "FRZ-M" + Api.unique().toUpperCase();
        Reply registered = api.post("api/locations", qa.token(), """
                {"code":"%s","name":"-80 °C freezer","kind":"FREEZER","minC":-90,"maxC":-60}""".formatted(place));
        assertEquals(201, registered.status(), registered::toString);
        history.releasedLot(product, 200, place, 2);
        String logger = api.tokenFor(Role.INTEGRATION);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        reading(logger, place, now.minus(10, ChronoUnit.MINUTES), "-80.0");
        Map<String, Double> before = metrics();

        reading(logger, place, now.minus(1, ChronoUnit.MINUTES), "-41.5");
        Map<String, Double> opened = awaitGauges(before, 1, 2);
        assertMoved(1, before, opened, "exotrace_excursion_notices_total{kind=\"OUT_OF_RANGE\",notice=\"OPENED\"}");
        assertMoved(0, before, opened, "exotrace_excursion_notices_total{kind=\"OUT_OF_RANGE\",notice=\"ENDED\"}");
        reading(logger, place, now, "-80.0");
        Map<String, Double> ended = awaitGauges(before, 0, 2); // ended, its vials still wait for QA
        assertMoved(1, before, ended, "exotrace_excursion_notices_total{kind=\"OUT_OF_RANGE\",notice=\"OPENED\"}");
        assertMoved(1, before, ended, "exotrace_excursion_notices_total{kind=\"OUT_OF_RANGE\",notice=\"ENDED\"}");
        assertMoved(0, before, ended, "exotrace_excursion_notices_total{kind=\"OUT_OF_RANGE\",notice=\"WITHDRAWN\"}");
    }

    private void reading(String token, String place, Instant at, String celsius) {
        Reply sent = api.post("api/locations/" + place + "/readings", token,
                "{\"loggerId\":\"TL-M\",\"readings\":[{\"at\":\"" + at + "\",\"celsius\":" + celsius + "}]}");
        assertEquals(200, sent.status(), sent::toString);
    }

    /**
     * /metrics once the excursion gauges moved by {@code open} and {@code held} from {@code before} (they may be up to
     * exotrace.metrics.stock-cache old); another place's logger falling silent meanwhile would move them too, hence a deadline.
     */
    private Map<String, Double> awaitGauges(Map<String, Double> before, int open, int held) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            Map<String, Double> after = metrics();
            double movedOpen = after.get("exotrace_excursions_open") - before.get("exotrace_excursions_open");
            double movedHeld = after.get("exotrace_vials_held") - before.get("exotrace_vials_held");
            if (movedOpen == open && movedHeld == held) {
                return after;
            }
            seen.add("open moved " + movedOpen + ", held " + movedHeld);
            assertTrue(System.nanoTime() < deadline, () -> "expected open +" + open + ", held +" + held + ": " + String.join("\n", seen));
            Thread.sleep(1000);
        }
    }

    private void scan(String barcode, String verdict) {
        Reply scan = api.post("api/scans", nurse.token(), "{\"barcode\":" + Json.createValue(barcode) + ",\"route\":\"IV_DRIP\"}");
        assertEquals(200, scan.status(), scan::toString);
        assertEquals(verdict, scan.json().getString("verdict"), scan::toString);
    }

    private Reply administer(String barcode) {
        return api.post("api/administrations", nurse.token(), "{\"barcode\":" + Json.createValue(barcode) + ",\"patientId\":\"PT-"
                + Api.unique() + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** {@code GET /metrics} as Prometheus text: each sample by name and its labels in name order, without {@code mp_scope}. */
    private Map<String, Double> metrics() {
        Reply reply = api.send("GET", "/metrics", null, null, null, "Accept", "text/plain");
        assertEquals(200, reply.status(), reply::toString);
        Map<String, Double> samples = new TreeMap<>();
        for (String line : reply.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.strip());
            assertTrue(m.matches(), () -> "not a Prometheus sample: " + line);
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            labels.remove("mp_scope");
            String key = m.group(1) + (labels.isEmpty() ? "" : labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                    .collect(Collectors.joining(",", "{", "}")));
            samples.put(key, Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    private static void assertMoved(int by, Map<String, Double> before, Map<String, Double> after, String key) {
        assertTrue(after.containsKey(key), () -> "no " + key + " in /metrics: " + keys(after, key.replaceAll("\\{.*", "")));
        assertEquals(by, after.get(key) - before.getOrDefault(key, 0.0), 1e-9, key);
    }

    private static String keys(Map<String, Double> samples, String prefix) {
        return samples.keySet().stream().filter(k -> k.startsWith(prefix)).collect(Collectors.joining("\n"));
    }
}
