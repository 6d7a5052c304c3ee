package org.exotrace.platform;

import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.TestDatabase;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton as a client and an operator see it: health, OpenAPI, metrics, sign-in, roles,
 * users, CPCs, problem details for every kind of bad input, and the audit table's protection.
 */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private static String cpc(String code, String country) {
        return """
                {"code":"%s","name":"Tokyo Regenerative CPC","licenceNumber":"FA3190001","country":"%s"}""".formatted(code, country);
    }

    private long cpcCount(String token) {
        return api.get("api/cpcs", token).json().getJsonNumber("total").longValue();
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), () -> "not problem+json: " + reply);
        assertEquals(code, reply.code(), reply::toString);
        assertEquals(status, reply.json().getInt("status"));
        assertFalse(reply.body().contains("Exception"), () -> "leaks internals: " + reply);
    }

    @Test
    void healthReportsLiveReadyAndStartedWithTheDatabaseChecked() {
        Reply ready = api.get("/health/ready", null);
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("UP", ready.json().getString("status"));
        assertTrue(ready.body().contains("\"database\""), ready::toString);
        Reply started = api.get("/health/started", null);
        assertEquals(200, started.status(), started::toString);
        assertTrue(started.body().contains("\"migrations\""), started::toString);
        assertEquals(200, api.get("/health/live", null).status());
    }

    @Test
    void openApiDocumentDescribesTheResources() {
        Reply openapi = api.get("/openapi", null);
        assertEquals(200, openapi.status(), openapi::toString);
        assertTrue(openapi.body().contains("/api/cpcs"), "CPCs documented");
        assertTrue(openapi.body().contains("/api/auth/token"), "sign-in documented");
    }

    @Test
    void metricsAreServedInPrometheusFormat() {
        Reply metrics = api.get("/metrics", null);
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("# TYPE"), metrics::toString);
    }

    @Test
    void bootstrapAdminSignsInAndGetsAnEightHourBearerToken() {
        Reply reply = api.post("api/auth/token", null, """
                {"username":"admin","password":"%s"}""".formatted(Api.ADMIN_PASSWORD));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("Bearer", reply.json().getString("token_type"));
        assertEquals(8 * 3600, reply.json().getInt("expires_in"));
        assertEquals(3, reply.json().getString("access_token").split("\\.").length);
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefusedAlike() {
        assertProblem(api.post("api/auth/token", null, """
                {"username":"admin","password":"not-the-password"}"""), 401, "INVALID_CREDENTIALS");
        assertProblem(api.post("api/auth/token", null, """
                {"username":"nobody-here","password":"not-the-password"}"""), 401, "INVALID_CREDENTIALS");
    }

    @Test
    void callWithoutTokenIsUnauthenticated() {
        assertProblem(api.get("api/cpcs", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void tokenWithForgedSignatureIsUnauthenticated() {
        String token = api.adminToken();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertProblem(api.get("api/cpcs", forged), 401, "UNAUTHENTICATED");
    }

    @Test
    void nurseMayNotRegisterOrListCpcs() {
        String nurse = api.tokenFor(Role.NURSE);
        assertProblem(api.get("api/cpcs", nurse), 403, "FORBIDDEN");
        assertProblem(api.post("api/cpcs", nurse, cpc("CPC-N" + Api.unique(), "JP")), 403, "FORBIDDEN");
        assertProblem(api.post("api/users", nurse, """
                {"username":"sneaky","password":"long-enough-pw","roles":["ADMIN"]}"""), 403, "FORBIDDEN");
    }

    @Test
    void adminCreatesAUserWhoCanSignInWithTheirRoles() {
        String name = "qa-" + Api.unique().toLowerCase();
        Reply created = api.post("api/users", api.adminToken(), """
                {"username":"%s","password":"correct-horse-1","roles":["QA"]}""".formatted(name));
        assertEquals(201, created.status(), created::toString);
        assertEquals("QA", created.json().getJsonArray("roles").getString(0));
        assertFalse(created.body().contains("correct-horse-1"), "the password never comes back");
        String qa = api.firstSignIn(name, "correct-horse-1").token();
        assertEquals(200, api.get("api/cpcs", qa).status());
    }

    @Test
    void userRequestsWithBadInputAreRefusedAndCreateNobody() {
        String admin = api.adminToken();
        String name = "dup-" + Api.unique().toLowerCase();
        assertEquals(201, api.post("api/users", admin, """
                {"username":"%s","password":"first-password","roles":["NURSE"]}""".formatted(name)).status());
        assertProblem(api.post("api/users", admin, """
                {"username":"%s","password":"second-password","roles":["QA"]}""".formatted(name)), 409, "USERNAME_TAKEN");
        api.firstSignIn(name, "first-password"); // still the first account
        Reply unknownRole = api.post("api/users", admin, """
                {"username":"x-%s","password":"long-enough-pw","roles":["SUPERUSER"]}""".formatted(name));
        assertProblem(unknownRole, 400, "MALFORMED_JSON");
        Reply shortPassword = api.post("api/users", admin, """
                {"username":"y-%s","password":"short","roles":["NURSE"]}""".formatted(name));
        assertProblem(shortPassword, 400, "VALIDATION_FAILED");
        assertEquals("password", shortPassword.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(api.post("api/users", admin, """
                {"username":"z-%s","password":"long-enough-pw","roles":[]}""".formatted(name)), 400, "VALIDATION_FAILED");
        assertProblem(api.post("api/auth/token", null, """
                {"username":"x-%s","password":"long-enough-pw"}""".formatted(name)), 401, "INVALID_CREDENTIALS");
    }

    @Test
    void qaRegistersACpcThatIsListedAndFoundByCode() {
        String qa = api.tokenFor(Role.QA);
        String code = "CPC-" + Api.unique();
        Reply created = api.post("api/cpcs", qa, cpc(code, "JP"));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").endsWith("/api/cpcs/" + code), created.header("Location"));
        Reply one = api.get("api/cpcs/" + code, qa);
        assertEquals(200, one.status());
        assertEquals("FA3190001", one.json().getString("licenceNumber"));
        assertEquals("JP", one.json().getString("country"));
        assertTrue(api.get("api/cpcs?size=500", qa).body().contains(code));
    }

    @Test
    void duplicateCpcCodeIsAConflictAndKeepsTheFirst() {
        String qa = api.tokenFor(Role.QA);
        String code = "CPC-" + Api.unique();
        assertEquals(201, api.post("api/cpcs", qa, cpc(code, "JP")).status());
        assertProblem(api.post("api/cpcs", qa, """
                {"code":"%s","name":"Another","licenceNumber":"X","country":"KR"}""".formatted(code)), 409, "CPC_EXISTS");
        assertEquals("JP", api.get("api/cpcs/" + code, qa).json().getString("country"));
    }

    @Test
    void badCpcBodiesAreRefusedWithProblemsNamingTheFieldsAndWriteNothing() {
        String qa = api.tokenFor(Role.QA);
        long before = cpcCount(qa);
        assertProblem(api.post("api/cpcs", qa, "{\"code\":\"CPC-1\""), 400, "MALFORMED_JSON");
        assertProblem(api.post("api/cpcs", qa, "[1,2,3]"), 400, "MALFORMED_JSON");
        assertProblem(api.post("api/cpcs", qa, "{\"code\":42,\"name\":{}}"), 400, "MALFORMED_JSON");
        assertProblem(api.send("POST", "api/cpcs", qa, "application/json", null), 400, "BAD_REQUEST");
        Reply missing = api.post("api/cpcs", qa, "{\"code\":\"lower case\"}");
        assertProblem(missing, 400, "VALIDATION_FAILED");
        String fields = missing.json().getJsonArray("errors").toString();
        for (String field : new String[]{"code", "name", "licenceNumber", "country"}) {
            assertTrue(fields.contains("\"" + field + "\""), () -> field + " not named in " + fields);
        }
        Reply country = api.post("api/cpcs", qa, cpc("CPC-" + Api.unique(), "XX"));
        assertProblem(country, 422, "VALIDATION_FAILED");
        assertEquals("country", country.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(api.send("POST", "api/cpcs", qa, "text/plain", cpc("CPC-" + Api.unique(), "JP")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertEquals(before, cpcCount(qa));
    }

    @Test
    void unknownPathsMethodsAndPagingAreProblemsToo() {
        String qa = api.tokenFor(Role.QA);
        assertProblem(api.get("api/no-such-thing", qa), 404, "NOT_FOUND");
        assertProblem(api.get("api/cpcs/NO-SUCH-CPC", qa), 404, "NOT_FOUND");
        assertProblem(api.send("DELETE", "api/cpcs", qa, null, null), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.get("api/cpcs?size=100000", qa), 400, "VALIDATION_FAILED");
        Reply id = api.get("api/cpcs?page=-1", qa);
        assertProblem(id, 400, "VALIDATION_FAILED");
        assertNotNull(id.json().getString("requestId"));
        assertEquals(id.json().getString("requestId"), id.header("X-Request-Id"));
    }

    @Test
    void everyChangeLeavesAnAuditEntryThatPostgresRefusesToRewrite() throws SQLException {
        String qa = api.tokenFor(Role.QA);
        String code = "CPC-" + Api.unique();
        assertEquals(201, api.post("api/cpcs", qa, cpc(code, "JP")).status());
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            ResultSet entry = sql.executeQuery("SELECT action, digest FROM audit_entry WHERE subject_id = '" + code + "'");
            assertTrue(entry.next(), "an audit entry for the new CPC");
            assertEquals("CPC_REGISTERED", entry.getString("action"));
            assertEquals(64, entry.getString("digest").length());
            assertThrows(SQLException.class, () -> sql.executeUpdate("UPDATE audit_entry SET actor = 'mallory' WHERE subject_id = '" + code + "'"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM audit_entry WHERE subject_id = '" + code + "'"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("TRUNCATE audit_entry"));
            ResultSet still = sql.executeQuery("SELECT actor FROM audit_entry WHERE subject_id = '" + code + "'");
            assertTrue(still.next());
            assertFalse(still.getString("actor").equals("mallory"));
        }
    }
}
