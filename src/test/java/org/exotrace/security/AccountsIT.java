package org.exotrace.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.exotrace.security.control.Passwords;
import org.exotrace.security.control.SignIns;
import org.exotrace.security.control.Users;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.TestDatabase;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts as an ADMIN administers them and as their tokens feel it: disable and enable, password
 * reset and role change (old tokens refused at once), the last active ADMIN kept, and sign-in locked
 * after repeated failures, with the audit trail of each. Every test uses fresh user names; lock-outs
 * never touch {@code admin}. All requests come from 127.0.0.1, so this class keeps its failed sign-ins
 * (12) well below the per-address limit (20 within 15 minutes) that the other classes share.
 */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    /** A NURSE-only endpoint and a QA-only one (for NURSE): what a token's roles allow shows in 2xx or 403. */
    static final String NURSE_ONLY = "api/scans/settings";
    static final String QA_ONLY = "api/cpcs";

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    /** The reply is problem+json with this status and code, and tells nothing of the inside. */
    private static void assertRefused(int status, String code, Reply reply) {
        assertEquals(status + " " + code + " problem", reply.status() + " " + reply.code() + (reply.isProblem() ? " problem" : " other"),
                reply::toString);
        assertFalse(reply.body().contains("Exception") || reply.body().contains("at org."), () -> "leaks internals: " + reply);
    }

    private Reply signIn(String username, String password) {
        return api.post("api/auth/token", null, Json.createObjectBuilder().add("username", username).add("password", password).build().toString());
    }

    private Reply administer(String username, String what, String token) {
        return api.post("api/users/" + username + "/" + what, token, "");
    }

    private Reply setRoles(String username, String token, String... roles) {
        var json = Json.createArrayBuilder();
        for (String role : roles) {
            json.add(role);
        }
        return api.send("PUT", "api/users/" + username + "/roles", token, "application/json",
                Json.createObjectBuilder().add("roles", json).build().toString());
    }

    private long audited(String action, String username) {
        Reply entries = api.get("api/audit?subjectType=user&subjectId=" + username + "&action=" + action, api.adminToken());
        assertEquals(200, entries.status(), entries::toString);
        return entries.json().getJsonNumber("total").longValue();
    }

    private JsonObject lastAudit(String action, String username) {
        Reply entries = api.get("api/audit?subjectType=user&subjectId=" + username + "&action=" + action + "&size=1", api.adminToken());
        return entries.json().getJsonArray("items").getJsonObject(0);
    }

    /** Disables every active ADMIN other than {@code admin} (other tests' accounts), so that {@code admin} is the last one. */
    private void leaveOnlyAdmin() {
        List<String> others = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonObject users = api.get("api/users?size=500&page=" + page, api.adminToken()).json();
            users.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(u -> u.getBoolean("active") && u.getJsonArray("roles").toString().contains("\"ADMIN\""))
                    .map(u -> u.getString("username")).filter(name -> !name.equals("admin")).forEach(others::add);
            if ((page + 1) * 500L >= users.getJsonNumber("total").longValue()) {
                break;
            }
        }
        for (String other : others) {
            assertEquals(200, administer(other, "disable", api.adminToken()).status());
        }
    }

    @Test
    void aPasswordHashMadeAtAnotherCostIsMadeAnewAtTheNextSignIn() throws SQLException {
        Staff nurse = api.newUser(Role.NURSE);
        try (Connection db = TestDatabase.connect();
             PreparedStatement older = db.prepareStatement("UPDATE app_user SET password_hash = ? WHERE username = ?");
             PreparedStatement stored = db.prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
            older.setString(1, Passwords.hash(nurse.password(), 310_000)); // as an earlier version stored it
            older.setString(2, nurse.username());
            assertEquals(1, older.executeUpdate());

            assertEquals(200, api.post("api/auth/token", null, Json.createObjectBuilder().add("username", nurse.username())
                    .add("password", nurse.password()).build().toString()).status(), "the older hash still signs in");
            stored.setString(1, nurse.username());
            try (ResultSet rs = stored.executeQuery()) {
                assertTrue(rs.next());
                String hash = rs.getString(1);
                assertTrue(hash.startsWith("pbkdf2-sha256$1000$"), () -> hash + ": made anew at the server's cost (arquillian.xml)");
                assertTrue(Passwords.matches(nurse.password(), hash));
            }
        }
    }

    @Test
    void adminReadsOneUserAndAnUnknownNameIs404Everywhere() {
        Staff nurse = api.newUser(Role.NURSE);
        Reply one = api.get("api/users/" + nurse.username(), api.adminToken());
        assertEquals(200, one.status(), one::toString);
        assertEquals(nurse.username(), one.json().getString("username"));
        assertTrue(one.json().getBoolean("active"));
        assertEquals("[\"NURSE\"]", one.json().getJsonArray("roles").toString());
        assertNotNull(one.json().getString("credentialsChangedAt"));
        assertFalse(one.json().containsKey("password") || one.json().containsKey("passwordHash") || one.body().contains("pbkdf2"),
                one::toString); // whether the password is temporary, never the password or its hash
        assertFalse(one.json().getBoolean("passwordTemporary"), "the user has set their own");

        String nobody = "nobody-" + Api.unique().toLowerCase();
        String admin = api.adminToken();
        assertRefused(404, "NOT_FOUND", api.get("api/users/" + nobody, admin));
        assertRefused(404, "NOT_FOUND", administer(nobody, "disable", admin));
        assertRefused(404, "NOT_FOUND", administer(nobody, "enable", admin));
        assertRefused(404, "NOT_FOUND", api.post("api/users/" + nobody + "/password", admin, "{\"password\":\"long-enough-pw\"}"));
        assertRefused(404, "NOT_FOUND", setRoles(nobody, admin, "QA"));
    }

    @Test
    void nobodyButAnAdminMayAdministerAccounts() {
        Staff target = api.newUser(Role.NURSE);
        String qaAndNurse = api.tokenFor(Role.QA, Role.NURSE, Role.INVENTORY, Role.INTEGRATION);
        assertRefused(403, "FORBIDDEN", api.get("api/users/" + target.username(), qaAndNurse));
        assertRefused(403, "FORBIDDEN", administer(target.username(), "disable", qaAndNurse));
        assertRefused(403, "FORBIDDEN", administer(target.username(), "enable", qaAndNurse));
        assertRefused(403, "FORBIDDEN", api.post("api/users/" + target.username() + "/password", qaAndNurse, "{\"password\":\"taken-over-pw\"}"));
        assertRefused(403, "FORBIDDEN", setRoles(target.username(), qaAndNurse, "ADMIN"));
        assertRefused(401, "UNAUTHENTICATED", administer(target.username(), "disable", null));
        assertEquals(200, api.get(NURSE_ONLY, target.token()).status(), "the target is untouched");
        assertEquals(200, signIn(target.username(), target.password()).status());
    }

    @Test
    void aDisabledUserLosesTheirTokenAndSignInUntilEnabled() {
        Staff nurse = api.newUser(Role.NURSE);
        assertEquals(200, api.get(NURSE_ONLY, nurse.token()).status());

        Reply disabled = administer(nurse.username(), "disable", api.adminToken());
        assertEquals(200, disabled.status(), disabled::toString);
        assertFalse(disabled.json().getBoolean("active"));
        Reply refused = api.get(NURSE_ONLY, nurse.token());
        assertRefused(401, "UNAUTHENTICATED", refused);
        assertNotNull(refused.header("X-Request-Id"));
        assertRefused(401, "INVALID_CREDENTIALS", signIn(nurse.username(), nurse.password()));
        assertEquals(200, administer(nurse.username(), "disable", api.adminToken()).status(), "disabling again changes nothing");

        Reply enabled = administer(nurse.username(), "enable", api.adminToken());
        assertEquals(200, enabled.status(), enabled::toString);
        assertTrue(enabled.json().getBoolean("active"));
        assertRefused(401, "UNAUTHENTICATED", api.get(NURSE_ONLY, nurse.token()));
        String fresh = api.signIn(nurse.username(), nurse.password());
        assertEquals(200, api.get(NURSE_ONLY, fresh).status());

        assertEquals(1, audited("USER_DISABLED", nurse.username()));
        assertEquals(1, audited("USER_ENABLED", nurse.username()));
        assertEquals("admin", lastAudit("USER_DISABLED", nurse.username()).getString("actor"));
    }

    @Test
    void aPasswordResetRefusesTheOldTokenAndTheOldPassword() {
        Staff inventory = api.newUser(Role.INVENTORY);
        String admin = api.adminToken();
        Reply tooShort = api.post("api/users/" + inventory.username() + "/password", admin, "{\"password\":\"short\"}");
        assertRefused(400, "VALIDATION_FAILED", tooShort);
        assertEquals("password", tooShort.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(200, api.get("api/stock", inventory.token()).status(), "a refused reset changes nothing");

        Reply reset = api.post("api/users/" + inventory.username() + "/password", admin, "{\"password\":\"brand-new-secret\"}");
        assertEquals(200, reset.status(), reset::toString);
        assertFalse(reset.body().contains("brand-new-secret"));
        assertRefused(401, "UNAUTHENTICATED", api.get("api/stock", inventory.token()));
        assertRefused(401, "INVALID_CREDENTIALS", signIn(inventory.username(), inventory.password()));
        assertRefused(403, "PASSWORD_CHANGE_REQUIRED", signIn(inventory.username(), "brand-new-secret"));
        String fresh = api.firstSignIn(inventory.username(), "brand-new-secret").token();
        assertEquals(200, api.get("api/stock", fresh).status());

        assertEquals(1, audited("USER_PASSWORD_RESET", inventory.username()));
        assertFalse(lastAudit("USER_PASSWORD_RESET", inventory.username()).toString().contains("brand-new-secret"), "never the password");
    }

    @Test
    void aRoleChangeRefusesTheOldTokenAndTheNewTokenCarriesTheNewRoles() {
        Staff staff = api.newUser(Role.NURSE);
        assertEquals(200, api.get(NURSE_ONLY, staff.token()).status());
        assertRefused(403, "FORBIDDEN", api.get(QA_ONLY, staff.token()));

        Reply changed = setRoles(staff.username(), api.adminToken(), "QA");
        assertEquals(200, changed.status(), changed::toString);
        assertEquals("[\"QA\"]", changed.json().getJsonArray("roles").toString());
        assertRefused(401, "UNAUTHENTICATED", api.get(NURSE_ONLY, staff.token()));
        assertRefused(401, "UNAUTHENTICATED", api.get(QA_ONLY, staff.token()));

        String qa = api.signIn(staff.username(), staff.password());
        assertEquals(200, api.get(QA_ONLY, qa).status());
        assertRefused(403, "FORBIDDEN", api.get(NURSE_ONLY, qa));
        assertEquals(200, setRoles(staff.username(), api.adminToken(), "QA").status(), "the same roles again change nothing");
        assertEquals(200, api.get(QA_ONLY, qa).status());

        assertRefused(400, "VALIDATION_FAILED", setRoles(staff.username(), api.adminToken()));
        assertRefused(400, "MALFORMED_JSON", setRoles(staff.username(), api.adminToken(), "ROOT"));
        JsonObject change = lastAudit("USER_ROLES_CHANGED", staff.username()).getJsonObject("change");
        assertEquals("[\"NURSE\"]", change.getJsonArray("from").toString());
        assertEquals("[\"QA\"]", change.getJsonArray("to").toString());
        assertEquals(1, audited("USER_ROLES_CHANGED", staff.username()));
    }

    @Test
    void theLastActiveAdminCanBeNeitherDisabledNorDemotedAndStaysAbleToAct() {
        leaveOnlyAdmin();
        String admin = api.adminToken();
        assertRefused(409, "LAST_ADMIN", administer("admin", "disable", admin));
        assertRefused(409, "LAST_ADMIN", setRoles("admin", admin, "QA"));
        assertRefused(409, "LAST_ADMIN", setRoles("admin", admin, "QA", "NURSE"));
        Reply still = api.get("api/users/admin", admin);
        assertEquals(200, still.status(), "the refusals changed nothing, not even the token");
        assertTrue(still.json().getBoolean("active"));
        assertEquals("[\"ADMIN\"]", still.json().getJsonArray("roles").toString());

        Staff second = api.newUser(Role.ADMIN);
        assertEquals(200, setRoles(second.username(), admin, "QA").status(), "one of two ADMINs may be demoted");
        assertRefused(409, "LAST_ADMIN", administer("admin", "disable", admin));
    }

    @Test
    void twoAdminsDisablingEachOtherAtOnceLeaveOneOfThemActive() throws Exception {
        leaveOnlyAdmin();
        Staff other = api.newUser(Role.ADMIN);
        String admin = api.adminToken();
        CompletableFuture<Reply> adminDisablesOther;
        CompletableFuture<Reply> otherDisablesAdmin;
        try (Connection anotherServer = TestDatabase.connect()) {
            anotherServer.setAutoCommit(false);
            try (PreparedStatement lock = anotherServer.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, Users.ACCOUNTS_LOCK);
                lock.executeQuery();
            }
            adminDisablesOther = CompletableFuture.supplyAsync(() -> administer(other.username(), "disable", admin));
            otherDisablesAdmin = CompletableFuture.supplyAsync(() -> administer("admin", "disable", other.token()));
            TestDatabase.awaitLockWaits(2);
            assertFalse(adminDisablesOther.isDone() || otherDisablesAdmin.isDone(), "both wait for the accounts lock");
            anotherServer.commit();
        }
        Reply first = adminDisablesOther.get(30, TimeUnit.SECONDS);
        Reply second = otherDisablesAdmin.get(30, TimeUnit.SECONDS);
        List<Integer> statuses = new ArrayList<>(List.of(first.status(), second.status()));
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses, () -> first + " / " + second);
        Reply loser = first.status() == 409 ? first : second;
        assertEquals("LAST_ADMIN", loser.code());

        if (second.status() == 200) { // the other ADMIN won: they enable admin again, and admin signs in anew
            assertEquals(200, administer("admin", "enable", other.token()).status());
            api = new Api(base);
        }
        assertEquals(200, administer(other.username(), "disable", api.adminToken()).status());
        assertTrue(api.get("api/users/admin", api.adminToken()).json().getBoolean("active"));
    }

    @Test
    void repeatedWrongPasswordsLockTheUserEvenAgainstTheRightOne() {
        Staff nurse = api.newUser(Role.NURSE);
        for (int i = 1; i <= 4; i++) {
            assertRefused(401, "INVALID_CREDENTIALS", signIn(nurse.username(), "wrong-password-" + i));
        }
        Reply locked = signIn(nurse.username(), "wrong-password-5");
        assertRefused(429, "SIGN_IN_LOCKED", locked);
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, () -> "Retry-After " + retryAfter);

        Reply right = signIn(nurse.username(), nurse.password());
        assertRefused(429, "SIGN_IN_LOCKED", right);
        assertNotNull(right.header("Retry-After"));
        assertEquals(200, api.get(NURSE_ONLY, nurse.token()).status(), "a token already held still works");
        assertEquals(200, new Api(base).post("api/auth/token", null, """
                {"username":"admin","password":"%s"}""".formatted(Api.ADMIN_PASSWORD)).status(), "nobody else is locked");

        assertEquals(5, audited("AUTH_FAILED", nurse.username()));
        assertEquals(1, audited("SIGN_IN_LOCKED", nurse.username()));
        JsonObject failed = lastAudit("AUTH_FAILED", nurse.username());
        assertEquals("anonymous", failed.getString("actor"));
        assertFalse(failed.toString().contains("wrong-password"), "never the password");

        assertEquals(200, api.post("api/users/" + nurse.username() + "/password", api.adminToken(), "{\"password\":\"after-the-lock\"}").status());
        assertNotNull(api.firstSignIn(nurse.username(), "after-the-lock").token(), "an ADMIN's reset ends the lock");
    }

    @Test
    void anUnknownNameIsCountedAndLockedLikeAKnownOneButNeverKept() {
        // What a nurse types into the name field by mistake is often their password: it must not stay in the trail.
        String typedPassword = "my-secret-" + Api.unique().toLowerCase();
        for (int i = 1; i <= 4; i++) {
            assertRefused(401, "INVALID_CREDENTIALS", signIn(typedPassword, "guess-number-" + i));
        }
        Reply locked = signIn(typedPassword, "guess-number-5");
        assertRefused(429, "SIGN_IN_LOCKED", locked);
        assertNotNull(locked.header("Retry-After"));
        assertEquals(0, audited("AUTH_FAILED", typedPassword));
        assertEquals(0, audited("SIGN_IN_LOCKED", typedPassword));
        Reply trail = api.get("api/audit?size=50", api.adminToken());
        assertEquals(200, trail.status(), trail::toString);
        assertFalse(trail.body().contains(typedPassword), () -> "the trail keeps the unknown name: " + trail);
        JsonObject failed = trail.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("AUTH_FAILED")).findFirst().orElseThrow();
        assertTrue(failed.getString("subjectId").startsWith("?"), failed::toString);
    }

    private Reply signInFrom(String address, String username, String password) {
        return api.post("api/auth/token", null, Json.createObjectBuilder().add("username", username).add("password", password).build().toString(),
                "X-Forwarded-For", address);
    }

    private Reply changeOwnPassword(String username, String password, String newPassword) {
        return api.post("api/auth/password", null, Json.createObjectBuilder().add("username", username).add("password", password)
                .add("newPassword", newPassword).build().toString());
    }

    private Reply create(String username, String password, String... roles) {
        var json = Json.createArrayBuilder();
        for (String role : roles) {
            json.add(role);
        }
        return api.post("api/users", api.adminToken(), Json.createObjectBuilder().add("username", username).add("password", password)
                .add("roles", json).build().toString());
    }

    @Test
    void aPasswordAnAdminSetsIsTemporaryAndTheUserSetsTheirOwnBeforeAnythingElse() {
        String name = "qa-" + Api.unique().toLowerCase();
        assertEquals(201, create(name, "set-by-the-admin", "QA").status());
        Reply first = signIn(name, "set-by-the-admin");
        assertRefused(403, "PASSWORD_CHANGE_REQUIRED", first);
        assertFalse(first.body().contains("access_token"), "no token for a temporary password");
        assertRefused(401, "INVALID_CREDENTIALS", changeOwnPassword(name, "not-the-temporary-one", "my-own-choice-1"));
        Reply weak = changeOwnPassword(name, "set-by-the-admin", "password12");
        assertRefused(422, "VALIDATION_FAILED", weak);
        assertEquals("newPassword", weak.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertRefused(422, "VALIDATION_FAILED", changeOwnPassword(name, "set-by-the-admin", "set-by-the-admin"));

        Reply changed = changeOwnPassword(name, "set-by-the-admin", "my-own-choice-1");
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(200, api.get(QA_ONLY, changed.json().getString("access_token")).status());
        assertRefused(401, "INVALID_CREDENTIALS", signIn(name, "set-by-the-admin"));
        assertEquals(200, signIn(name, "my-own-choice-1").status());
        assertEquals(name, lastAudit("USER_PASSWORD_CHANGED", name).getString("actor"));
        assertFalse(lastAudit("USER_PASSWORD_CHANGED", name).toString().contains("my-own-choice"), "never the password");

        assertEquals(200, api.post("api/users/" + name + "/password", api.adminToken(), "{\"password\":\"reset-by-the-admin\"}").status());
        assertRefused(403, "PASSWORD_CHANGE_REQUIRED", signIn(name, "reset-by-the-admin"));
        assertEquals(200, changeOwnPassword(name, "reset-by-the-admin", "my-own-choice-2").status());
    }

    @Test
    void anAccountHoldsNeitherAdminAndQaTogetherNorCanAnAdminGiveItselfQa() {
        String name = "both-" + Api.unique().toLowerCase();
        assertRefused(422, "ROLES_INCOMPATIBLE", create(name, "long-enough-pw", "ADMIN", "QA"));
        assertRefused(404, "NOT_FOUND", api.get("api/users/" + name, api.adminToken()));
        assertRefused(422, "ROLES_INCOMPATIBLE", setRoles("admin", api.adminToken(), "ADMIN", "QA"));
        Staff qa = api.newUser(Role.QA);
        assertRefused(422, "ROLES_INCOMPATIBLE", setRoles(qa.username(), api.adminToken(), "QA", "ADMIN"));
        assertEquals("[\"ADMIN\"]", api.get("api/users/admin", api.adminToken()).json().getJsonArray("roles").toString());
        assertEquals(200, api.get(QA_ONLY, qa.token()).status(), "the refusal changed nothing");
    }

    @Test
    void weakPasswordsAndTheUserNameAreRefusedAsPasswords() {
        String name = "weakling-" + Api.unique().toLowerCase();
        for (String weak : List.of("password12", "1234567890", name, name.toUpperCase(), "          ", "Password2026!", "qwertyuiop")) {
            Reply refused = create(name, weak, "NURSE");
            assertRefused(422, "VALIDATION_FAILED", refused);
            assertEquals("password", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"), refused::toString);
        }
        assertRefused(404, "NOT_FOUND", api.get("api/users/" + name, api.adminToken()));
        Staff nurse = api.newUser(Role.NURSE);
        assertRefused(422, "VALIDATION_FAILED", api.post("api/users/" + nurse.username() + "/password", api.adminToken(), "{\"password\":\"1234567890\"}"));
        assertEquals(200, api.get(NURSE_ONLY, nurse.token()).status(), "a refused reset changes nothing");
    }

    @Test
    void wrongPasswordsFromOneAddressLockTheNameThereAndNowhereElse() {
        Staff nurse = api.newUser(Role.NURSE);
        for (int i = 1; i <= 4; i++) {
            assertRefused(401, "INVALID_CREDENTIALS", signInFrom("203.0.113.7", nurse.username(), "wrong-password-" + i));
        }
        assertRefused(429, "SIGN_IN_LOCKED", signInFrom("203.0.113.7", nurse.username(), "wrong-password-5"));
        assertRefused(429, "SIGN_IN_LOCKED", signInFrom("203.0.113.7", nurse.username(), nurse.password()));
        assertEquals(200, signInFrom("198.51.100.2", nurse.username(), nurse.password()).status(), "the nurse's own terminal");
        assertEquals(200, signIn(nurse.username(), nurse.password()).status(), "the proxy's own address");
    }

    @Test
    void anAdminLiftsALockOnAName() {
        Staff nurse = api.newUser(Role.NURSE);
        for (int i = 1; i <= 5; i++) {
            signInFrom("203.0.113.8", nurse.username(), "wrong-password-" + i);
        }
        assertRefused(429, "SIGN_IN_LOCKED", signInFrom("203.0.113.8", nurse.username(), nurse.password()));
        Reply lifted = administer(nurse.username(), "unlock", api.adminToken());
        assertEquals(200, lifted.status(), lifted::toString);
        assertEquals(200, signInFrom("203.0.113.8", nurse.username(), nurse.password()).status(), "the lock is lifted");
        assertEquals(1, audited("SIGN_IN_UNLOCKED", nurse.username()));
        assertEquals("admin", lastAudit("SIGN_IN_UNLOCKED", nurse.username()).getString("actor"));
        assertRefused(404, "NOT_FOUND", administer("nobody-" + Api.unique().toLowerCase(), "unlock", api.adminToken()));
    }

    @Test
    void signingOutRevokesEveryTokenOfTheUser() {
        Staff nurse = api.newUser(Role.NURSE);
        String second = api.signIn(nurse.username(), nurse.password());
        Reply out = api.post("api/auth/sign-out", nurse.token(), "");
        assertEquals(204, out.status(), out::toString);
        assertRefused(401, "UNAUTHENTICATED", api.get(NURSE_ONLY, nurse.token()));
        assertRefused(401, "UNAUTHENTICATED", api.get(NURSE_ONLY, second));
        assertRefused(401, "UNAUTHENTICATED", api.post("api/auth/sign-out", null, ""));
        assertEquals(200, api.get(NURSE_ONLY, api.signIn(nurse.username(), nurse.password())).status(), "signing in again works");
        assertEquals(1, audited("USER_SIGNED_OUT", nurse.username()));
    }

    @Test
    void attemptsFromOneAddressWaitForEachOtherSoParallelGuessesCannotOverrunItsLimit() throws Exception {
        String address = "203.0.113.9";
        CompletableFuture<Reply> guess;
        try (Connection anotherServer = TestDatabase.connect(); Connection observer = TestDatabase.connect()) {
            anotherServer.setAutoCommit(false);
            try (PreparedStatement lock = anotherServer.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, SignIns.ADDRESS_LOCKS);
                lock.setString(2, address);
                lock.executeQuery();
            }
            guess = CompletableFuture.supplyAsync(() -> signInFrom(address, "guess-" + Api.unique().toLowerCase(), "a-wrong-guess"));
            boolean waited = false;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); !waited && !guess.isDone() && System.nanoTime() < end; ) {
                waited = waitingForTheAddress(observer, address);
                Thread.sleep(50);
            }
            assertTrue(waited, () -> "the attempt did not wait for the address's lock: " + (guess.isDone() ? guess.join() : "still running"));
            anotherServer.commit();
        }
        assertRefused(401, "INVALID_CREDENTIALS", guess.get(30, TimeUnit.SECONDS));
    }

    /** Whether a session waits for the advisory lock that serialises the address's attempts. */
    private static boolean waitingForTheAddress(Connection db, String address) throws SQLException {
        try (PreparedStatement waiting = db.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                + " AND classid::bigint = ? AND objid::bigint = (hashtext(?)::bigint + 4294967296) % 4294967296 AND objsubid = 2")) {
            waiting.setLong(1, SignIns.ADDRESS_LOCKS);
            waiting.setString(2, address);
            try (ResultSet rows = waiting.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        }
    }
}
