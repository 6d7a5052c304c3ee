package org.exotrace.audit;

import org.exotrace.audit.control.AuditHash;
import org.exotrace.audit.control.Checkpoint;
import org.exotrace.audit.control.Checkpoints;
import org.exotrace.audit.control.SealKey;
import org.exotrace.audit.control.SealVerifier;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.AtOnce;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.TestDatabase;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sealed audit trail (docs/adr/0038): writers append without waiting on each other, the service's sealer seals what
 * was committed within a second, and whoever can write to the database as its owner cannot change what was sealed
 * without verify naming it. Every attack runs on the owner's connection inside a transaction the test rolls back, and
 * the verification runs in that transaction ({@link SealVerifier}, the code behind {@code GET /api/audit/verify} and
 * {@code --verify-audit}), so the shared database stays intact for the other tests.
 */
@ExtendWith(ArquillianExtension.class)
class AuditSealIT {

    @ArquillianResource
    URL base;

    Api api;
    static String qa;
    static Api.Staff signer;
    static String inventory;
    static String nurse;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.tokenFor(Role.QA);
            signer = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            nurse = api.newUserToken(Role.NURSE);
        }
    }

    /** A dose of one vial of a released lot, given to a patient of its own; answers the administration id and the vial id. */
    String[] dose() {
        Fixtures fixtures = new Fixtures(api, signer, inventory);
        Fixtures.Lot lot = fixtures.releasedLot(fixtures.product("\"IV_DRIP\""), 180, "FREEZER-1", 1);
        Reply given = api.post("api/administrations", nurse, "{\"barcode\":" + jakarta.json.Json.createValue(lot.barcode(0))
                + ",\"patientId\":\"P-SEAL-" + Api.unique() + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}",
                "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);
        return new String[] {given.json().getString("administrationId"), lot.vialIds().get(0)};
    }

    static byte[] key() {
        return SealKey.load(dataDir().resolve("keys").resolve("audit-seal-key"));
    }

    static Path dataDir() {
        return Path.of(System.getProperty("exotrace.test.dir"), "data");
    }

    static List<Checkpoint> exported() {
        return Checkpoints.read(Checkpoints.defaultFile(dataDir()));
    }

    /** Registers a CPC (one audited write) and answers its code. */
    String audited() {
        String code = "CPC-" + Api.unique();
        Reply created = api.post("api/cpcs", qa, """
                {"code":"%s","name":"Sealed CPC","licenceNumber":"FA3190001","country":"JP"}""".formatted(code));
        assertEquals(201, created.status(), created::toString);
        return code;
    }

    /** Waits up to 3 s until the entry about this subject is sealed and its checkpoint exported; answers its seq and position. */
    static long[] sealed(String subjectId) throws Exception {
        long deadline = System.nanoTime() + 3_000_000_000L;
        try (Connection db = TestDatabase.connect(); PreparedStatement st = db.prepareStatement(
                "SELECT e.seq, s.position FROM audit_entry e JOIN audit_seal s ON s.seq = e.seq WHERE e.subject_id = ?")) {
            st.setString(1, subjectId);
            while (System.nanoTime() < deadline) {
                try (ResultSet r = st.executeQuery()) {
                    if (r.next()) {
                        long position = r.getLong(2);
                        if (exported().stream().anyMatch(c -> c.size() >= position)) {
                            return new long[] {r.getLong(1), position};
                        }
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the entry about " + subjectId + " was not sealed and exported within 3 s");
    }

    interface Attack {
        void on(Statement sql) throws SQLException;
    }

    /** Runs the attack as the owner, verifies in the same transaction, rolls it back; answers the verification. */
    static SealVerifier.Result attack(Attack attack) throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot: the sealer's later work is not seen
            try (Statement sql = db.createStatement()) {
                attack.on(sql);
                return new SealVerifier(db, key()).verify(exported());
            } finally {
                db.rollback();
            }
        }
    }

    @Test
    void anEntryIsShownUnsealedUntilSealedWithinASecondAndVerifies() throws Exception {
        String code = audited();
        long[] entry = sealed(code);
        Reply page = api.get("api/audit?subjectId=" + code, qa);
        JsonObject item = page.json().getJsonArray("items").getJsonObject(0);
        assertTrue(item.getBoolean("sealed"), page::toString);
        assertEquals(entry[1], item.getJsonNumber("position").longValue());
        assertEquals(64, item.getString("hash").length());

        Reply verify = api.get("api/audit/verify", qa);
        assertEquals(200, verify.status(), verify::toString);
        assertTrue(verify.json().getBoolean("intact"), verify::toString);
        String checkpoint = verify.json().getString("checkpoint");
        assertNotNull(Checkpoint.ofText(checkpoint), verify::toString);
        Reply against = api.get("api/audit/verify?checkpoint=" + checkpoint, qa);
        assertTrue(against.json().getBoolean("intact"), against::toString);

        Reply bad = api.get("api/audit/verify?checkpoint=12.nothex", qa);
        assertEquals(422, bad.status(), bad::toString);
        assertEquals("VALIDATION_FAILED", bad.code(), bad::toString);
    }

    @Test
    void aCheckpointThatTheLogDoesNotHoldIsABreak() throws Exception {
        long[] entry = sealed(audited());
        String forged = entry[1] + "." + "ab".repeat(32);
        Reply verify = api.get("api/audit/verify?checkpoint=" + URLEncoder.encode(forged, StandardCharsets.UTF_8), qa);
        assertFalse(verify.json().getBoolean("intact"), verify::toString);
        assertTrue(verify.json().getString("problem").contains(forged), verify::toString);
    }

    @Test
    void sealsAndCheckpointsRefuseUpdateAndDelete() throws Exception {
        sealed(audited());
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            for (String table : List.of("audit_seal", "audit_checkpoint")) {
                assertThrows(SQLException.class, () -> sql.executeUpdate("DELETE FROM " + table), table);
                assertThrows(SQLException.class, () -> sql.executeUpdate("TRUNCATE " + table), table);
            }
            assertThrows(SQLException.class, () -> sql.executeUpdate("UPDATE audit_seal SET seal = seal"));
        }
    }

    @Test
    void anEntryRewrittenWithItsDigestAndChainRecomputedIsNamed() throws Exception {
        String code = audited();
        long seq = sealed(code)[0];
        SealVerifier.Result result = attack(sql -> {
            sql.execute("SET session_replication_role = replica"); // the owner's way past every trigger
            String change = "{\"code\":\"" + code + "\",\"country\":\"KR\"}";
            sql.executeUpdate("UPDATE audit_entry SET change = '" + change + "', digest = '" + AuditHash.sha256(change)
                    + "', actor = 'mallory' WHERE seq = " + seq);
            // the best a writer without the key can do: re-seal from there on with a key of its own
            byte[] guess = new byte[32];
            try (ResultSet r = sql.executeQuery("SELECT position FROM audit_seal WHERE seq = " + seq)) {
                r.next();
                long position = r.getLong(1);
                sql.executeUpdate("UPDATE audit_seal SET seal = '" + AuditHash.seal(guess, AuditHash.GENESIS, position, "x")
                        + "' WHERE position >= " + position);
            }
        });
        assertFalse(result.intact(), result::toString);
        assertEquals(seq, result.firstBrokenSeq(), result::toString);
        assertTrue(result.problem().contains("entry " + seq), result::toString);
    }

    @Test
    void aTriggerDisabledAndAnActorChangedIsNamed() throws Exception {
        String code = audited();
        long seq = sealed(code)[0];
        SealVerifier.Result result = attack(sql -> {
            sql.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            sql.executeUpdate("UPDATE audit_entry SET actor = 'mallory' WHERE seq = " + seq);
        });
        assertFalse(result.intact(), result::toString);
        assertEquals(seq, result.firstBrokenSeq(), result::toString);
        assertTrue(result.problem().contains("rewritten after sealing"), result::toString);
    }

    @Test
    void aTailCutOffIsFoundAgainstTheExportedCheckpoints() throws Exception {
        long position = sealed(audited())[1];
        SealVerifier.Result result = attack(sql -> {
            sql.execute("SET session_replication_role = replica");
            long from = position - 2;
            sql.executeUpdate("DELETE FROM audit_checkpoint WHERE size >= " + from);
            sql.executeUpdate("CREATE TEMP TABLE cut ON COMMIT DROP AS SELECT seq FROM audit_seal WHERE position >= " + from);
            sql.executeUpdate("DELETE FROM audit_seal WHERE position >= " + from);
            sql.executeUpdate("DELETE FROM audit_entry WHERE seq IN (SELECT seq FROM cut)");
        });
        assertFalse(result.intact(), result::toString);
        assertTrue(result.problem().contains("cut off its end"), result::toString);
    }

    @Test
    void aSealedEntryRemovedFromTheMiddleIsNamed() throws Exception {
        long[] entry = sealed(audited());
        sealed(audited());
        SealVerifier.Result result = attack(sql -> {
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("DELETE FROM audit_seal WHERE seq = " + entry[0]);
            sql.executeUpdate("DELETE FROM audit_entry WHERE seq = " + entry[0]);
        });
        assertFalse(result.intact(), result::toString);
        assertTrue(result.problem().contains("position " + entry[1]), result::toString);
    }

    @Test
    void manyWritersAtOnceAreAllSealedOnceInOneOrder() throws Exception {
        int writers = 48;
        List<String> codes = new ArrayList<>();
        List<Supplier<Reply>> requests = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String code = "CPC-" + Api.unique();
            codes.add(code);
            Api client = new Api(base);
            requests.add(() -> client.post("api/cpcs", qa, """
                    {"code":"%s","name":"Raced CPC","licenceNumber":"FA3190001","country":"JP"}""".formatted(code)));
        }
        assertEquals(Map.of(201, (long) writers), AtOnce.byStatus(AtOnce.send(requests)));
        for (String code : codes) {
            sealed(code);
        }
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            try (ResultSet r = sql.executeQuery("SELECT count(*), count(DISTINCT seq), min(position), max(position) FROM audit_seal")) {
                r.next();
                assertEquals(r.getLong(1), r.getLong(2), "every entry sealed once");
                assertEquals(1, r.getLong(3));
                assertEquals(r.getLong(1), r.getLong(4), "positions 1..n, no gap, no fork");
            }
        }
        Reply verify = api.get("api/audit/verify", qa);
        assertTrue(verify.json().getBoolean("intact"), verify::toString);
    }

    /** Runs {@code java -jar target/exotrace.jar --verify-audit ...} on the tests' database; answers its exit status and output. */
    static Map.Entry<Integer, String> commandLine(String... options) throws Exception {
        Path jar = Path.of(System.getProperty("exotrace.test.war")).resolveSibling("exotrace.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dexotrace.data.dir=" + dataDir(), "-Dexotrace.db.url=" + System.getProperty("exotrace.it.db.url"),
                "-Dexotrace.db.user=" + System.getProperty(TestDatabase.APP_USER),
                "-Dexotrace.db.password=" + System.getProperty("exotrace.it.db.app-password"), "-jar", jar.toString(), "--verify-audit"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        return Map.entry(process.exitValue(), output);
    }

    @Test
    void theCommandLineVerifiesWithoutTheServiceAndFindsACheckpointTheLogDoesNotHold() throws Exception {
        long position = sealed(audited())[1];
        Map.Entry<Integer, String> intact = commandLine();
        assertEquals(0, intact.getKey(), intact::getValue);
        assertTrue(intact.getValue().contains("intact"), intact::getValue);

        Checkpoint held = exported().stream().filter(c -> c.size() >= position).findFirst().orElseThrow();
        Map.Entry<Integer, String> same = commandLine("--checkpoint", held.text());
        assertEquals(0, same.getKey(), same::getValue);

        Map.Entry<Integer, String> longer = commandLine("--checkpoint", (held.size() + 1_000_000) + "." + held.root());
        assertEquals(1, longer.getKey(), longer::getValue);
        assertTrue(longer.getValue().contains("cut off its end"), longer::getValue);

        Map.Entry<Integer, String> bad = commandLine("--checkpoint", "nonsense");
        assertEquals(2, bad.getKey(), bad::getValue);
    }

    @Test
    void aDoseMovedToAnotherPatientIsNamedByItsRow() throws Exception {
        String[] dose = dose();
        sealed(dose[0]);
        SealVerifier.Result result = attack(sql -> {
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("UPDATE administration SET patient_id = 'P-SOMEONE-ELSE' WHERE id = '" + dose[0] + "'");
        });
        assertFalse(result.intact(), result::toString);
        assertTrue(result.problem().contains("administration " + dose[0] + " names patient P-SOMEONE-ELSE"), result::toString);
    }

    @Test
    void aDosesLedgerRowDeletedIsNamed() throws Exception {
        String[] dose = dose();
        sealed(dose[0]);
        SealVerifier.Result result = attack(sql -> {
            sql.execute("ALTER TABLE stock_movement DISABLE TRIGGER USER");
            sql.executeUpdate("DELETE FROM stock_movement WHERE vial_id = '" + dose[1] + "' AND kind = 'ADMINISTERED'");
        });
        assertFalse(result.intact(), result::toString);
        assertTrue(result.problem().contains("vial " + dose[1] + " has no ADMINISTERED row"), result::toString);
    }

    @Test
    void aDoseGivenFromAnotherVialIsNamed() throws Exception {
        String[] dose = dose();
        sealed(dose[0]);
        SealVerifier.Result result = attack(sql -> {
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("DELETE FROM administration_vial WHERE administration_id = '" + dose[0] + "'");
        });
        assertFalse(result.intact(), result::toString);
        assertTrue(result.problem().contains("administration " + dose[0] + " holds vials none"), result::toString);
    }

    @Test
    void aDoseCorrectionRemovedSoThatTheWrongPatientCountsAgainIsNamed() throws Exception {
        String[] dose = dose();
        Reply voided = api.post("api/administrations/" + dose[0] + "/corrections", signer.token(), "{\"action\":\"VOID\","
                + "\"reason\":\"recorded for the wrong chair\",\"vialOpened\":true,\"password\":\"" + signer.password() + "\"}");
        assertEquals(201, voided.status(), voided::toString);
        String correctionId = voided.json().getJsonObject("correction").getString("correctionId");
        sealed(audited()); // an entry written after the correction's is sealed: so is the correction's
        SealVerifier.Result result = attack(sql -> {
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("DELETE FROM dose_correction WHERE id = '" + correctionId + "'");
        });
        assertFalse(result.intact(), result::toString);
        assertTrue(result.problem().contains("correction " + correctionId + " (VOID) of administration " + dose[0]), result::toString);
    }

    @Test
    void aReleaseDecisionOrSignatureRewrittenIsNamed() throws Exception {
        String[] dose = dose();
        sealed(dose[0]);
        String lot;
        try (Connection db = TestDatabase.connect(); PreparedStatement st = db.prepareStatement(
                "SELECT l.id FROM vial v JOIN lot l ON l.id = v.lot_id WHERE v.id = ?::uuid")) {
            st.setString(1, dose[1]);
            ResultSet r = st.executeQuery();
            assertTrue(r.next());
            lot = r.getString(1);
        }
        SealVerifier.Result decision = attack(sql -> {
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("UPDATE lot_decision SET decided_by = 'mallory' WHERE lot_id = '" + lot + "'");
        });
        assertFalse(decision.intact(), decision::toString);
        assertTrue(decision.problem().contains("has no decision QUARANTINED -> RELEASED"), decision::toString);
        SealVerifier.Result signature = attack(sql -> {
            sql.execute("SET session_replication_role = replica");
            sql.executeUpdate("UPDATE lot_signature SET meaning = 'Rejected, do not use' WHERE lot_id = '" + lot + "'");
        });
        assertFalse(signature.intact(), signature::toString);
        assertTrue(signature.problem().contains("is not the one sealed"), signature::toString);
    }
}
