package org.exotrace.security;

import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.RoleMatrix;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every cell of README.md's role matrix, called on the running service: each endpoint without a
 * token, and with a token of each role. See README "Role matrix" for what a passing cell is.
 */
@ExtendWith(ArquillianExtension.class)
class RoleMatrixIT {

    private static final String NO_TOKEN = "no token";

    @ArquillianResource
    URL base;

    Api api;

    /** One user per role and a history to point the paths at; made once for the class (password hashes are slow). */
    static Map<String, String> tokens;
    static Map<String, String> pathValues;
    /** Every role may sign out; the probe must not revoke the tokens the other cells use. */
    static final String SIGN_OUT = "POST /api/auth/sign-out";

    /** The query a search endpoint (FHIR's, which refuses a search without parameters) is probed with. */
    static Map<String, String> searches;
    /** A failed set-up fails every cell at once, instead of being tried again for each. */
    static AssertionError setUpFailure;

    @BeforeEach
    void staffAndHistory() {
        api = new Api(base);
        if (setUpFailure != null) {
            throw setUpFailure;
        }
        if (tokens != null) {
            return;
        }
        try {
            setUp();
        } catch (AssertionError | RuntimeException e) {
            setUpFailure = new AssertionError("setting up the role matrix's history failed", e);
            throw setUpFailure;
        }
    }

    private void setUp() {
        Map<String, String> t = new LinkedHashMap<>();
        Staff qa = api.newUser(Role.QA);
        t.put("QA", qa.token());
        for (Role role : Set.of(Role.NURSE, Role.INVENTORY, Role.INTEGRATION)) {
            t.put(role.name(), api.newUserToken(role));
        }
        t.put("ADMIN", api.adminToken());
        Fixtures fixtures = new Fixtures(api, qa, t.get("INVENTORY"));
        Fixtures.Product product = fixtures.product("\"IV_DRIP\"");
        Fixtures.Lot lot = fixtures.releasedLot(product, 200, "FREEZER-RM", 2);
        String patient = "RM-" + Api.unique();
        Reply dose = api.post("api/administrations", t.get("NURSE"), "{\"vialId\":\"" + lot.vialIds().get(0) + "\",\"patientId\":\"" + patient
                + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, dose.status(), dose::toString);
        String administrationId = dose.json().getString("administrationId");
        Fixtures.Lot homeUse = fixtures.releasedLot(fixtures.product("\"NASAL\""), 200, "FRIDGE-RM", 1);
        Reply dispensed = api.post("api/dispenses", t.get("NURSE"), "{\"vialId\":\"" + homeUse.vialIds().get(0) + "\",\"patientId\":\""
                + patient + "\",\"route\":\"NASAL\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, dispensed.status(), dispensed::toString);
        String place = "RM-" + Api.unique().toUpperCase();
        Reply registered = api.post("api/locations", qa.token(), "{\"code\":\"" + place
                + "\",\"name\":\"role matrix freezer\",\"kind\":\"FREEZER\",\"minC\":-90,\"maxC\":-60}");
        assertEquals(201, registered.status(), registered::toString);
        pathValues = Map.of("locations/{code}", "locations/" + place, "lotNumber", lot.number(), "vialId", lot.vialIds().get(1), "patientId", patient,
                "administrationId", administrationId, "cpcs/{code}", "cpcs/" + fixtures.cpc(),
                "products/{code}", "products/" + product.code(), "BiologicallyDerivedProduct/{id}", "BiologicallyDerivedProduct/"
                        + lot.vialIds().get(1), "MedicationAdministration/{id}", "MedicationAdministration/" + administrationId,
                "BiologicallyDerivedProductDispense/{id}", "BiologicallyDerivedProductDispense/" + homeUse.vialIds().get(0));
        searches = Map.of("fhir/BiologicallyDerivedProduct", "?lot=" + lot.number(), "fhir/MedicationAdministration", "?patient=" + patient,
                "fhir/BiologicallyDerivedProductDispense", "?patient=" + patient, "api/epcis/events", "?lot=" + lot.number());
        tokens = t;
    }

    static Stream<Arguments> cells() {
        return RoleMatrix.fromReadme().allowed().entrySet().stream().flatMap(row -> Stream.concat(Stream.of(NO_TOKEN), RoleMatrix.ROLES.stream())
                .map(role -> Arguments.of(row.getKey(), role, role.equals(NO_TOKEN) ? null : row.getValue().contains(role))));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void everyEndpointAnswersEachRoleAsTheMatrixSays(String endpoint, String role, Boolean allowed) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = path(endpoint.substring(endpoint.indexOf(' ') + 1), method);
        boolean signOut = endpoint.equals(SIGN_OUT) && Boolean.TRUE.equals(allowed);
        // signing out revokes every token of the user: the probe signs out a user of its own, not the shared one
        String token = role.equals(NO_TOKEN) ? null : signOut ? api.newUserToken(Role.valueOf(role)) : tokens.get(role);
        boolean read = method.equals("GET");
        Reply reply = api.send(method, path, token, read ? null : "application/json", read ? null : "{}");
        if (signOut) {
            assertEquals(204, reply.status(), reply::toString);
            assertEquals(401, api.get("api/users/admin", token).status(), "the token is revoked");
            return;
        }
        if (allowed == null) {
            assertEquals(401, reply.status(), reply::toString);
        } else if (!allowed) {
            assertEquals(403, reply.status(), reply::toString);
        } else if (read) {
            assertTrue(reply.status() >= 200 && reply.status() < 300, reply::toString);
        } else {
            assertTrue(Set.of(400, 404, 409, 422).contains(reply.status()), () -> "passed authorization and refused the empty body? " + reply);
        }
        if (allowed == null || !allowed || !read) {
            assertTrue(reply.isProblem(), () -> "not problem+json: " + reply);
        }
    }

    /**
     * The endpoint's path with this class's history in it. A write on a user names nobody (404): the
     * disable and enable actions have no body to refuse, and must not disable anyone here.
     */
    private static String path(String template, String method) {
        String path = template.substring(1).replace("{username}", method.equals("GET") ? "admin" : "nobody-" + Api.unique().toLowerCase());
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace(value.getKey().contains("/") ? value.getKey() : "{" + value.getKey() + "}", value.getValue());
        }
        if (path.contains("{")) {
            throw new IllegalStateException("no value for a parameter of " + template);
        }
        return path + searches.getOrDefault(path, "");
    }
}
