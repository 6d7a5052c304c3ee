package org.exotrace.qc;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.exotrace.gs1.Gtin;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.Api;
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
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** QC results judged against the specification, the signed release, reject and recall, and the audit trail, through REST. */
@ExtendWith(ArquillianExtension.class)
class QcIT {

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static String inventory;
    String product;
    String lot;

    @BeforeEach
    void aQuarantinedLot() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
        }
        product = "NFC-" + Api.unique();
        String cpc = "CPC-" + Api.unique();
        assertEquals(201, api.post("api/cpcs", qa.token(), """
                {"code":"%s","name":"Osaka CPC","licenceNumber":"FA5190002","country":"JP"}""".formatted(cpc)).status());
        String first13 = "0" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        Reply created = api.post("api/products", qa.token(), """
                {"code":"%s","name":"max NFC 2cc","gtin":"%s","donorSources":["CORD_BLOOD"],
                 "volumeMl":2.0,"particlesPerVial":780000000000,"routes":["IV_DRIP","INJECTION"],
                 "requiredAssays":[{"assay":"STERILITY","expected":"NEGATIVE"},{"assay":"ENDOTOXIN","max":0.5,"unit":"EU/mL"},
                                   {"assay":"PARTICLE_COUNT","min":3.9e11,"unit":"particles/mL"}]}"""
                .formatted(product, first13 + Gtin.checkDigit(first13)));
        assertEquals(201, created.status(), created::toString);
        lot = "L" + Api.unique();
        Reply received = api.post("api/lots", inventory, """
                {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"2026-11-01",
                 "expiresOn":"%s","location":"FREEZER-1","vialCount":4}""".formatted(lot, product, cpc, LocalDate.now().plusDays(180)));
        assertEquals(201, received.status(), received::toString);
    }

    private static final String PERFORMED = "\"method\":\"LAL\",\"performedAt\":\"" + Instant.now().minus(1, ChronoUnit.DAYS) + "\"";

    private Reply enter(String json) {
        return api.post("api/lots/" + lot + "/qc-results", qa.token(), json);
    }

    private JsonObject entered(String json) {
        Reply reply = enter(json);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getJsonArray("results").getJsonObject(0);
    }

    private void enterAllPassing() {
        entered("{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\"}");
        entered("{\"assay\":\"ENDOTOXIN\",\"value\":0.12,\"unit\":\"EU/mL\"," + PERFORMED + "}");
        entered("{\"assay\":\"PARTICLE_COUNT\",\"value\":4.1e11,\"unit\":\"particles/mL\",\"method\":\"NTA\",\"performedAt\":\"2026-11-10T09:00:00Z\"}");
    }

    private Reply release(Staff signer, String password) {
        return api.post("api/lots/" + lot + "/release", signer.token(),
                "{\"password\":\"" + password + "\",\"meaning\":\"Released for clinical use: QC reviewed against specification\"}");
    }

    private JsonObject dossier() {
        Reply reply = api.get("api/lots/" + lot + "/qc-results", qa.token());
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private String status() {
        return api.get("api/lots/" + lot, qa.token()).json().getString("status");
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertEquals(code, reply.code(), reply::toString);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonValue::toString).stream().map(s -> s.replace("\"", "")).toList();
    }

    @Test
    void resultsAreJudgedAgainstTheSpecificationAndTheDossierShowsWhatIsMissing() {
        assertEquals("PASS", entered("{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\"}").getString("judgement"));
        JsonObject endotoxin = entered("{\"assay\":\"ENDOTOXIN\",\"value\":0.62,\"unit\":\"EU/mL\"," + PERFORMED + ",\"performer\":\"CPC QC lab\"}");
        assertEquals("FAIL", endotoxin.getString("judgement"));
        assertEquals("<= 0.5 EU/mL", endotoxin.getString("specification"));
        assertEquals("CPC QC lab", endotoxin.getString("performer"));

        JsonObject dossier = dossier();
        assertEquals("QUARANTINED", dossier.getString("status"));
        List<String> lines = dossier.getJsonArray("specification").stream()
                .map(l -> l.asJsonObject().getString("assay") + "=" + l.asJsonObject().getString("judgement")).toList();
        assertEquals(List.of("ENDOTOXIN=FAIL", "PARTICLE_COUNT=MISSING", "STERILITY=PASS"), lines);
        assertEquals(List.of("PARTICLE_COUNT"), strings(dossier.getJsonObject("qc").getJsonArray("missing")));
        assertEquals(List.of("ENDOTOXIN"), strings(dossier.getJsonObject("qc").getJsonArray("failing")));
        assertFalse(dossier.getJsonObject("qc").getBoolean("releasable"));
        assertEquals(lot, api.get("api/lots/" + lot, inventory).json().getString("lotNumber"), "GET /lots/{n} still answers");
    }

    @Test
    void aUnitOtherThanTheSpecificationsIsRefusedAndNothingIsStored() {
        Reply reply = enter("{\"assay\":\"ENDOTOXIN\",\"value\":0.1,\"unit\":\"EU/ml\"," + PERFORMED + "}");
        assertProblem(reply, 422, "UNIT_MISMATCH");
        assertEquals("unit", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertProblem(enter("{\"assay\":\"STERILITY\",\"value\":0,\"unit\":\"CFU\"}"), 422, "RESULT_KIND_MISMATCH");
        assertProblem(enter("{\"assay\":\"CD63\",\"outcome\":\"CONFORMS\"}"), 422, "ASSAY_NOT_SPECIFIED");
        assertProblem(enter("{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\",\"value\":1,\"unit\":\"CFU\"}"), 422, "VALIDATION_FAILED");
        assertProblem(enter("{\"assay\":\"STERILITY\",\"outcome\":\"MAYBE\"}"), 400, "MALFORMED_JSON");
        assertProblem(enter("{\"assay\":\"ENDOTOXIN\",\"value\":0.1,\"unit\":\"EU/mL\"}"), 422, "VALIDATION_FAILED");
        assertEquals(0, dossier().getJsonArray("results").size());
    }

    @Test
    void aCorrectionSupersedesTheWrongResultWhichIsKept() {
        JsonObject wrong = entered("{\"assay\":\"ENDOTOXIN\",\"value\":5.0,\"unit\":\"EU/mL\"," + PERFORMED + "}");
        assertProblem(enter("{\"assay\":\"ENDOTOXIN\",\"value\":0.05,\"unit\":\"EU/mL\"," + PERFORMED + "}"), 409, "RESULT_EXISTS");
        assertProblem(enter("{\"assay\":\"ENDOTOXIN\",\"value\":0.05,\"unit\":\"EU/mL\"," + PERFORMED + ",\"supersedes\":\""
                + wrong.getString("resultId") + "\"}"), 422, "VALIDATION_FAILED");
        JsonObject fixed = entered("{\"assay\":\"ENDOTOXIN\",\"value\":0.05,\"unit\":\"EU/mL\"," + PERFORMED + ",\"supersedes\":\""
                + wrong.getString("resultId") + "\",\"reason\":\"decimal point lost in transcription\"}");
        assertEquals("PASS", fixed.getString("judgement"));
        assertProblem(enter("{\"assay\":\"ENDOTOXIN\",\"value\":0.06,\"unit\":\"EU/mL\"," + PERFORMED + ",\"supersedes\":\""
                + wrong.getString("resultId") + "\",\"reason\":\"again\"}"), 409, "RESULT_SUPERSEDED");

        JsonArray results = dossier().getJsonArray("results");
        assertEquals(2, results.size());
        JsonObject old = results.stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("resultId").equals(wrong.getString("resultId"))).findFirst().orElseThrow();
        assertFalse(old.getBoolean("current"));
        assertEquals("FAIL", old.getString("judgement"));
        assertEquals(fixed.getString("resultId"), old.getString("supersededBy"));
    }

    @Test
    void releaseIsRefusedWhileAssaysAreMissingOrFailingNamingThem() {
        Reply incomplete = release(qa, qa.password());
        assertProblem(incomplete, 409, "QC_INCOMPLETE");
        assertEquals(List.of("ENDOTOXIN", "PARTICLE_COUNT", "STERILITY"), strings(incomplete.json().getJsonArray("assays")));

        entered("{\"assay\":\"STERILITY\",\"outcome\":\"POSITIVE\"}");
        entered("{\"assay\":\"ENDOTOXIN\",\"value\":0.12,\"unit\":\"EU/mL\"," + PERFORMED + "}");
        Reply failed = release(qa, qa.password());
        assertProblem(failed, 409, "QC_FAILED");
        assertEquals(List.of("STERILITY"), strings(failed.json().getJsonArray("assays")));
        assertEquals("QUARANTINED", status());
        assertEquals(0, dossier().getJsonArray("signatures").size());
    }

    @Test
    void aWrongPasswordSignsNothing() {
        enterAllPassing();
        assertProblem(release(qa, "not-my-password"), 403, "SIGNATURE_REFUSED");
        assertProblem(api.post("api/lots/" + lot + "/release", qa.token(), "{\"password\":\"" + qa.password() + "\"}"), 400, "VALIDATION_FAILED");
        assertEquals("QUARANTINED", status());
        assertEquals(0, dossier().getJsonArray("signatures").size());
    }

    @Test
    void guessingTheSignaturePasswordLocksSigningAndSignInAlike() {
        enterAllPassing();
        Staff guessed = api.newUser(Role.QA);
        for (int i = 1; i < 5; i++) {
            assertProblem(release(guessed, "wrong-password-" + i), 403, "SIGNATURE_REFUSED");
        }
        assertProblem(release(guessed, "wrong-password-5"), 429, "SIGN_IN_LOCKED");
        assertProblem(release(guessed, guessed.password()), 429, "SIGN_IN_LOCKED");
        assertProblem(api.post("api/auth/token", null, "{\"username\":\"" + guessed.username() + "\",\"password\":\""
                + guessed.password() + "\"}"), 429, "SIGN_IN_LOCKED");
        assertEquals("QUARANTINED", status());
        assertEquals(0, dossier().getJsonArray("signatures").size());
        JsonArray failures = api.get("api/audit?action=AUTH_FAILED&subjectId=" + guessed.username(), qa.token()).json().getJsonArray("items");
        assertEquals(5, failures.size(), failures::toString);
    }

    @Test
    void aSignatureSoonAfterAnAdminResetTheSignersPasswordIsFlagged() {
        enterAllPassing();
        Staff signer = api.newUser(Role.QA);
        Reply reset = api.post("api/users/" + signer.username() + "/password", api.adminToken(), "{\"password\":\"reset-by-an-admin\"}");
        assertEquals(200, reset.status(), reset::toString);
        Staff afterReset = api.firstSignIn(signer.username(), "reset-by-an-admin");
        Reply released = release(afterReset, afterReset.password());
        assertEquals(200, released.status(), released::toString);
        String resetAt = reset.json().getString("credentialsChangedAt");
        assertEquals(Instant.parse(resetAt), Instant.parse(released.json().getJsonObject("signature").getString("signerPasswordResetAt")));
        assertEquals(Instant.parse(resetAt), Instant.parse(dossier().getJsonArray("signatures").getJsonObject(0).getString("signerPasswordResetAt")));
        JsonObject audited = api.get("api/audit?action=LOT_RELEASE_SIGNED&subjectId=" + lot, qa.token()).json().getJsonArray("items").getJsonObject(0);
        assertEquals("admin", audited.getJsonObject("change").getString("signerPasswordResetBy"), audited::toString);
    }

    @Test
    void aSignatureOfAnAccountNeverResetIsNotFlagged() {
        enterAllPassing();
        Reply released = release(qa, qa.password());
        assertEquals(200, released.status(), released::toString);
        assertFalse(released.json().getJsonObject("signature").containsKey("signerPasswordResetAt"), released::toString);
    }

    @Test
    void anAccountThatAlsoHoldsAdminCannotSign() throws SQLException {
        enterAllPassing();
        Staff both = api.newUser(Role.QA);
        try (Connection db = TestDatabase.connect();  // as an account from before ADMIN and QA were kept apart
             PreparedStatement grant = db.prepareStatement("INSERT INTO app_user_role (user_id, role) SELECT id, 'ADMIN' FROM app_user WHERE username = ?")) {
            grant.setString(1, both.username());
            assertEquals(1, grant.executeUpdate());
        }
        Staff signer = new Staff(both.username(), both.password(), api.signIn(both.username(), both.password()));
        assertProblem(release(signer, signer.password()), 403, "SIGNER_IS_ADMIN");
        assertEquals("QUARANTINED", status());
        assertEquals(0, dossier().getJsonArray("signatures").size());
    }

    @Test
    void aSignedReleaseKeepsWhoWhenWhatItMeansAndTheResultsAsTheyStood() {
        enterAllPassing();
        Reply released = release(qa, qa.password());
        assertEquals(200, released.status(), released::toString);
        assertEquals("RELEASED", released.json().getString("status"));
        JsonObject signature = released.json().getJsonObject("signature");
        assertEquals(qa.username(), signature.getString("signer"));
        assertEquals("Released for clinical use: QC reviewed against specification", signature.getString("meaning"));
        JsonArray signed = signature.getJsonArray("signedResults");
        assertEquals(List.of("ENDOTOXIN", "PARTICLE_COUNT", "STERILITY"), signed.stream().map(r -> r.asJsonObject().getString("assay")).toList());
        assertEquals("0.12 EU/mL", signed.getJsonObject(0).getString("reading"));
        assertEquals("RELEASED", status());

        JsonObject dossier = dossier();
        assertEquals(1, dossier.getJsonArray("signatures").size());
        JsonObject decision = dossier.getJsonArray("decisions").getJsonObject(0);
        assertEquals("QUARANTINED", decision.getString("from"));
        assertEquals("RELEASED", decision.getString("to"));
        assertEquals(qa.username(), decision.getString("decidedBy"));
    }

    @Test
    void theStateMachineRefusesEveryOtherMoveNamingTheCurrentState() {
        assertStateConflict(api.post("api/lots/" + lot + "/recall", qa.token(), "{\"reason\":\"CPC notice\"}"), "QUARANTINED");
        enterAllPassing();
        assertEquals(200, release(qa, qa.password()).status());
        assertStateConflict(release(qa, qa.password()), "RELEASED");
        assertStateConflict(api.post("api/lots/" + lot + "/reject", qa.token(), "{\"reason\":\"late doubt\"}"), "RELEASED");
        assertStateConflict(enter("{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\"}"), "RELEASED");

        Reply recalled = api.post("api/lots/" + lot + "/recall", qa.token(), "{\"reason\":\"CPC notice 2026-11: endotoxin re-test failed\"}");
        assertEquals(200, recalled.status(), recalled::toString);
        assertEquals("RECALLED", recalled.json().getString("status"));
        assertEquals(4, recalled.json().getJsonObject("vials").getInt("IN_STOCK"));
        assertStateConflict(api.post("api/lots/" + lot + "/recall", qa.token(), "{\"reason\":\"again\"}"), "RECALLED");
        assertProblem(api.post("api/lots/" + lot + "/recall", qa.token(), "{\"reason\":\" \"}"), 400, "VALIDATION_FAILED");
        assertEquals(List.of("RELEASED", "RECALLED"), dossier().getJsonArray("decisions").stream()
                .map(d -> d.asJsonObject().getString("to")).toList());
    }

    @Test
    void aRejectedLotCannotBeReleased() {
        Reply rejected = api.post("api/lots/" + lot + "/reject", qa.token(), "{\"reason\":\"sterility positive on CPC certificate\"}");
        assertEquals(200, rejected.status(), rejected::toString);
        assertEquals("REJECTED", status());
        assertStateConflict(release(qa, qa.password()), "REJECTED");
    }

    private static void assertStateConflict(Reply reply, String current) {
        assertProblem(reply, 409, "LOT_STATUS_CONFLICT");
        assertEquals(current, reply.json().getString("currentState"), reply::toString);
    }

    @Test
    void aCertificateImportsAllRowsOrNone() {
        String bad = """
                assay,value,unit,outcome,method,performedAt,performer
                STERILITY,,,NEGATIVE,USP <71>,2026-11-10T09:00:00Z,CPC lab
                ENDOTOXIN,0.2,EU/ml,,LAL,2026-11-10T09:00:00Z,CPC lab
                """;
        Reply refused = api.send("POST", "api/lots/" + lot + "/qc-results", qa.token(), "text/csv", bad);
        assertProblem(refused, 422, "UNIT_MISMATCH");
        assertEquals("row 3 unit", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, dossier().getJsonArray("results").size());

        Reply imported = api.send("POST", "api/lots/" + lot + "/qc-results", qa.token(), "text/csv", """
                assay,value,unit,outcome,method,performedAt,performer
                STERILITY,,,NEGATIVE,USP <71>,2026-11-10T09:00:00Z,CPC lab
                ENDOTOXIN,0.2,EU/mL,,LAL,2026-11-10T09:00:00Z,CPC lab
                PARTICLE_COUNT,4.4E11,particles/mL,,NTA,2026-11-10T09:00:00Z,"Sato, K."
                """);
        assertEquals(201, imported.status(), imported::toString);
        assertEquals(3, imported.json().getJsonArray("results").size());
        assertTrue(imported.json().getJsonObject("qc").getBoolean("releasable"));
        assertEquals("CSV", imported.json().getJsonArray("results").getJsonObject(2).getString("source"));
    }

    @Test
    void aCertificateSavedByExcelAsCsvUtf8IsImported() {
        Reply imported = api.send("POST", "api/lots/" + lot + "/qc-results", qa.token(), "text/csv; charset=UTF-8",
                "\uFEFFassay,value,unit,outcome,method,performedAt,performer\r\n"
                        + "STERILITY,,,NEGATIVE,USP <71>,2026-11-10T09:00:00Z,\"Sato, K.\"\r\n");
        assertEquals(201, imported.status(), imported::toString);
        assertEquals("STERILITY", imported.json().getJsonArray("results").getJsonObject(0).getString("assay"));
    }

    @Test
    void onlyQaEntersResultsAndDecides() {
        String nurse = api.tokenFor(Role.NURSE);
        assertProblem(api.post("api/lots/" + lot + "/qc-results", inventory, "{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\"}"), 403, "FORBIDDEN");
        assertProblem(api.post("api/lots/" + lot + "/release", nurse, "{\"password\":\"x\",\"meaning\":\"approve\"}"), 403, "FORBIDDEN");
        assertProblem(api.post("api/lots/" + lot + "/reject", inventory, "{\"reason\":\"x\"}"), 403, "FORBIDDEN");
        assertProblem(api.post("api/lots/NOPE" + Api.unique() + "/release", qa.token(),
                "{\"password\":\"" + qa.password() + "\",\"meaning\":\"approve\"}"), 404, "NOT_FOUND");
        assertEquals(401, api.post("api/lots/" + lot + "/recall", null, "{\"reason\":\"x\"}").status());
    }

    @Test
    void everyQaStepIsInTheAuditTrailWhichFiltersBySubjectAndActor() {
        enterAllPassing();
        assertEquals(200, release(qa, qa.password()).status());
        Reply trail = api.get("api/audit?subjectType=lot&subjectId=" + lot + "&size=50", qa.token());
        assertEquals(200, trail.status(), trail::toString);
        List<String> actions = trail.json().getJsonArray("items").stream().map(e -> e.asJsonObject().getString("action")).toList();
        assertEquals(List.of("LOT_RELEASED", "LOT_RELEASE_SIGNED", "QC_RESULT_ENTERED", "QC_RESULT_ENTERED", "QC_RESULT_ENTERED",
                "LOT_RECEIVED"), actions);
        JsonObject byQa = api.get("api/audit?subjectId=" + lot + "&actor=" + qa.username(), qa.token()).json();
        assertEquals(5, byQa.getInt("total"));
        assertEquals("RELEASED", byQa.getJsonArray("items").getJsonObject(0).getJsonObject("change").getString("to"));
        assertEquals(0, api.get("api/audit?subjectId=" + lot + "&from=" + Instant.now().plus(1, ChronoUnit.HOURS), qa.token())
                .json().getInt("total"));
        assertProblem(api.get("api/audit?from=yesterday", qa.token()), 422, "VALIDATION_FAILED");
        assertProblem(api.get("api/audit", inventory), 403, "FORBIDDEN");
    }

    @Test
    void verifyNamesTheFirstEntryASuperuserRewrote() throws SQLException {
        enterAllPassing();
        JsonObject intact = api.get("api/audit/verify", qa.token()).json();
        assertTrue(intact.getBoolean("intact"), intact::toString);
        assertTrue(intact.getInt("entries") >= 4, intact::toString);

        try (Connection db = TestDatabase.connect()) {
            long seq;
            String actor;
            try (PreparedStatement q = db.prepareStatement(
                    "SELECT seq, actor FROM audit_entry WHERE subject_id = ? AND action = 'QC_RESULT_ENTERED' ORDER BY seq LIMIT 1")) {
                q.setString(1, lot);
                ResultSet rs = q.executeQuery();
                assertTrue(rs.next());
                seq = rs.getLong(1);
                actor = rs.getString(2);
            }
            awaitSealed(db, seq); // an entry is sealed within a second of its commit (ADR 0038); rewritten before, it would be sealed so
            rewriteActor(db, seq, "someone-else");
            try {
                JsonObject broken = api.get("api/audit/verify", qa.token()).json();
                assertFalse(broken.getBoolean("intact"), broken::toString);
                assertEquals(seq, broken.getJsonNumber("firstBrokenSeq").longValue(), broken::toString);
                assertTrue(broken.getString("problem").contains("rewritten after sealing"), broken::toString);
            } finally {
                rewriteActor(db, seq, actor);
            }
            assertTrue(api.get("api/audit/verify", qa.token()).json().getBoolean("intact"), "restored, the chain holds again");
        }
    }

    private static void awaitSealed(Connection db, long seq) throws SQLException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        try (PreparedStatement q = db.prepareStatement("SELECT 1 FROM audit_seal WHERE seq = ?")) {
            q.setLong(1, seq);
            while (!q.executeQuery().next()) {
                assertTrue(System.nanoTime() < deadline, "entry " + seq + " sealed within 5 s");
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** What only a superuser can do: switch off the append-only trigger, rewrite, switch it on again. */
    private static void rewriteActor(Connection db, long seq, String actor) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            s.execute("UPDATE audit_entry SET actor = '" + actor.replace("'", "''") + "' WHERE seq = " + seq);
            s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
        }
    }

    @Test
    void theDatabaseRefusesToRewriteResultsOrToMoveALotOffTheStateMachine() throws SQLException {
        enterAllPassing();
        assertEquals(200, release(qa, qa.password()).status());
        try (Connection db = TestDatabase.connect(); Statement s = db.createStatement()) {
            var rewrite = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE qc_result SET judgement = 'PASS' WHERE lot_id = (SELECT id FROM lot WHERE lot_number = '" + lot + "')"));
            assertTrue(rewrite.getMessage().contains("append-only"), rewrite.getMessage());
            var back = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "UPDATE lot SET status = 'QUARANTINED' WHERE lot_number = '" + lot + "'"));
            assertTrue(back.getMessage().contains("cannot move from RELEASED to QUARANTINED"), back.getMessage());
        }
        assertEquals("RELEASED", status());
    }
}
