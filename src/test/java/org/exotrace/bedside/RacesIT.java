package org.exotrace.bedside;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.AtOnce;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.exotrace.testing.AtOnce.byStatus;
import static org.exotrace.testing.Fixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that arrive at the same moment for the same thing: the database decides, one wins, every other answer
 * is a 409 problem naming why, never a 500, and the ledgers and the audit chain tell one story.
 */
@ExtendWith(ArquillianExtension.class)
class RacesIT {

    static final int NURSES_ON_ONE_VIAL = 16;
    static final int ROUNDS = 8;

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (a password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static Staff otherQa;
    static String inventory;
    static List<String> nurses;
    Fixtures history;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            otherQa = api.newUser(Role.QA);
            inventory = api.tokenFor(Role.INVENTORY);
            nurses = IntStream.range(0, 4).mapToObj(i -> api.newUserToken(Role.NURSE)).toList();
        }
        history = new Fixtures(api, qa, inventory);
    }

    /** Sends every request at once, each from a client of its own (own HTTP connection). */
    List<Reply> atOnce(List<Function<Api, Reply>> requests) throws Exception {
        return AtOnce.send(requests.stream().<Supplier<Reply>>map(request -> {
            Api client = new Api(base);
            return () -> request.apply(client);
        }).toList());
    }

    void auditChainIsIntact() {
        Reply verify = api.get("api/audit/verify", qa.token());
        assertEquals(200, verify.status(), verify::toString);
        assertTrue(verify.json().getBoolean("intact"), verify::toString);
    }

    static long count(String sql, String... parameters) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    static String one(String sql, String parameter) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, parameter);
            ResultSet rs = s.executeQuery();
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void sixteenNursesOnOneVialGiveOneDoseAndFifteenAlreadyUsed() throws Exception {
        Product p = history.product("\"IV_DRIP\"");
        Lot lot = history.releasedLot(p, 180, "FREEZER-1", 1);
        List<Function<Api, Reply>> doses = new ArrayList<>();
        for (int i = 0; i < NURSES_ON_ONE_VIAL; i++) {
            String nurse = nurses.get(i % nurses.size());
            String body = "{\"barcode\":" + Json.createValue(lot.barcode(0)) + ",\"patientId\":\"P-RACE-" + i
                    + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}";
            String key = UUID.randomUUID().toString();
            doses.add(client -> client.post("api/administrations", nurse, body, "Idempotency-Key", key));
        }

        List<Reply> replies = atOnce(doses);

        assertEquals(Map.of(201, 1L, 409, (long) NURSES_ON_ONE_VIAL - 1), byStatus(replies), replies::toString);
        for (Reply refused : replies.stream().filter(r -> r.status() == 409).toList()) {
            assertTrue(refused.isProblem(), refused::toString);
            assertEquals("VIAL_BLOCKED", refused.code(), refused::toString);
            assertEquals(List.of("ALREADY_USED"), refused.json().getJsonArray("reasons").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList(), refused::toString);
        }
        String vialId = lot.vialIds().get(0);
        assertEquals("ADMINISTERED", one("SELECT state FROM vial WHERE id = ?::uuid", vialId));
        assertEquals(1, count("SELECT count(*) FROM administration_vial WHERE vial_id = ?::uuid", vialId), "one dose row");
        assertEquals(1, count("SELECT count(*) FROM stock_movement WHERE vial_id = ?::uuid AND kind = 'ADMINISTERED'", vialId),
                "one ADMINISTERED ledger row");
        String winner = replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().getString("administrationId");
        assertEquals(1, count("SELECT count(*) FROM audit_entry WHERE action = 'DOSE_ADMINISTERED' AND subject_id = ?", winner));
        assertEquals(1, count("SELECT count(*) FROM audit_entry WHERE action = 'DOSE_ADMINISTERED' AND change::jsonb -> 'vials' @> "
                + "jsonb_build_array(jsonb_build_object('vialId', ?::text))", vialId), "one audited dose of the vial");
        auditChainIsIntact();
    }

    @Test
    void oneNewLotNumberReceivedTwiceAtOnceIsReceivedOnce() throws Exception {
        Product p = history.product("\"IV_DRIP\"");
        for (int round = 0; round < ROUNDS; round++) {
            String number = "Q" + Api.unique();
            List<Function<Api, Reply>> receipts = new ArrayList<>();
            for (String batch : List.of("A", "B")) {
                String body = """
                        {"lotNumber":"%s","productCode":"%s","cpcCode":"%s","donorSource":"CORD_BLOOD","manufacturedOn":"%s",
                         "expiresOn":"%s","location":"FREEZER-1","serials":["%s-%s-0","%s-%s-1"]}""".formatted(number, p.code(),
                        history.cpc(), today().minusDays(20), today().plusDays(180), number, batch, number, batch);
                receipts.add(client -> client.post("api/lots", inventory, body));
            }

            List<Reply> replies = atOnce(receipts);

            assertEquals(Map.of(201, 1L, 409, 1L), byStatus(replies), "round " + round + ": " + replies);
            Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertTrue(refused.isProblem(), refused::toString);
            assertEquals("LOT_EXISTS", refused.code(), refused::toString);
            assertEquals(1, count("SELECT count(*) FROM lot WHERE lot_number = ?", number));
            assertEquals(2, count("SELECT count(*) FROM vial v JOIN lot l ON l.id = v.lot_id WHERE l.lot_number = ?", number),
                    "the vials of one receipt only");
            assertEquals(1, count("SELECT count(*) FROM audit_entry WHERE action = 'LOT_RECEIVED' AND subject_id = ?", number));
        }
        auditChainIsIntact();
    }

    /** Seen before the fix: two POST /api/cpcs with one code answered 500 in 5 of 30 tries (a unique violation at commit). */
    @Test
    void oneCpcCodeRegisteredTwiceAtOnceIsRegisteredOnceAndNeverA500() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = "CPC-" + Api.unique();
            String body = "{\"code\":\"" + code + "\",\"name\":\"Osaka CPC\",\"licenceNumber\":\"FA5190004\",\"country\":\"JP\"}";
            List<Reply> replies = atOnce(List.of(client -> client.post("api/cpcs", qa.token(), body),
                    client -> client.post("api/cpcs", otherQa.token(), body)));

            assertEquals(Map.of(201, 1L, 409, 1L), byStatus(replies), "round " + round + ": " + replies);
            Reply refused = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertTrue(refused.isProblem(), refused::toString);
            assertEquals("CPC_EXISTS", refused.code(), refused::toString);
            assertTrue(!refused.body().contains("cpc_code_key") && !refused.body().toLowerCase().contains("insert"), refused::toString);
            assertEquals(1, count("SELECT count(*) FROM cpc WHERE code = ?", code));
            assertEquals(1, count("SELECT count(*) FROM audit_entry WHERE action = 'CPC_REGISTERED' AND subject_id = ?", code));
        }
        auditChainIsIntact();
    }

    /**
     * Two QA users: one signs the release of a quarantined lot while the other recalls it. Recall is allowed only from
     * RELEASED, so either the release came first and the recall followed it (RECALLED), or the recall was refused with
     * the state it met (QUARANTINED) and the lot is RELEASED; the decisions say the same.
     */
    @Test
    void releaseAndRecallOfOneLotAtOnceEndInAStateTheDecisionsExplain() throws Exception {
        Product p = history.product("\"IV_DRIP\"");
        for (int round = 0; round < 4; round++) {
            Lot lot = history.receivedLot(p, 180, "FREEZER-1", 2);
            Reply entered = api.post("api/lots/" + lot.number() + "/qc-results", qa.token(), "{\"assay\":\"STERILITY\",\"outcome\":\"NEGATIVE\"}");
            assertEquals(201, entered.status(), entered::toString);
            String release = "{\"password\":\"" + qa.password() + "\",\"meaning\":\"Released for clinical use\"}";

            List<Reply> replies = atOnce(List.of(
                    client -> client.post("api/lots/" + lot.number() + "/release", qa.token(), release),
                    client -> client.post("api/lots/" + lot.number() + "/recall", otherQa.token(), "{\"reason\":\"CPC reported contamination\"}")));

            Reply released = replies.get(0);
            Reply recalled = replies.get(1);
            assertEquals(200, released.status(), released::toString);
            String status = one("SELECT status FROM lot WHERE lot_number = ?", lot.number());
            List<String> decisions = decisions(lot.number());
            if (recalled.status() == 200) {
                assertEquals("RECALLED", status);
                assertEquals(List.of("QUARANTINED>RELEASED", "RELEASED>RECALLED"), decisions);
            } else {
                assertEquals(409, recalled.status(), recalled::toString);
                assertEquals("LOT_STATUS_CONFLICT", recalled.code(), recalled::toString);
                assertEquals("QUARANTINED", recalled.json().getString("currentState"), recalled::toString);
                assertEquals("RELEASED", status);
                assertEquals(List.of("QUARANTINED>RELEASED"), decisions);
            }
            JsonObject dossier = api.get("api/lots/" + lot.number() + "?productCode=" + p.code(), qa.token()).json();
            assertEquals(status, dossier.getString("status"), dossier::toString);
        }
        auditChainIsIntact();
    }

    static List<String> decisions(String lotNumber) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement s = db.prepareStatement(
                "SELECT d.from_status || '>' || d.to_status FROM lot_decision d JOIN lot l ON l.id = d.lot_id WHERE l.lot_number = ? ORDER BY d.seq")) {
            s.setString(1, lotNumber);
            ResultSet rs = s.executeQuery();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }
}
