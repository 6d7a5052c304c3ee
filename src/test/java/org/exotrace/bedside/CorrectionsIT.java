package org.exotrace.bedside;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.exotrace.testing.Api;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.AtOnce;
import org.exotrace.testing.Conformance;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.exotrace.testing.Fixtures.Product;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.exotrace.testing.Fixtures.today;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Corrections through REST (issue 30, ADR 0040): a dose voided or replaced, a stock movement reversed, each a new record
 * that names the one it corrects, and everything that reads the facts (trace, recall list, lot report, FHIR, EPCIS,
 * reports, audit) counting the corrected state while showing both.
 */
@ExtendWith(ArquillianExtension.class)
class CorrectionsIT {

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server time); data is not. */
    static Staff qa;
    static Staff nurse;
    static Staff otherNurse;
    static Staff inventory;
    static Staff integration;
    Fixtures history;

    @BeforeEach
    void staff() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            nurse = api.newUser(Role.NURSE);
            otherNurse = api.newUser(Role.NURSE);
            inventory = api.newUser(Role.INVENTORY);
            integration = api.newUser(Role.INTEGRATION);
        }
        history = new Fixtures(api, qa, inventory.token());
    }

    Lot lot(int vials) {
        Product p = history.newProduct("\"IV_DRIP\",\"INJECTION\"").create();
        return history.releasedLot(p, 180, "FREEZER-1", vials);
    }

    JsonObject give(Staff who, Lot lot, int vial, String patient) {
        Reply reply = api.post("api/administrations", who.token(), "{\"barcode\":" + Json.createValue(lot.barcode(vial)) + ",\"patientId\":\""
                + patient + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json();
    }

    Reply correct(Staff who, String doseId, String body) {
        return api.post("api/administrations/" + doseId + "/corrections", who.token(), body);
    }

    static String voiding(Staff who, boolean opened) {
        return "{\"action\":\"VOID\",\"reason\":\"scanned, then not given\",\"vialOpened\":" + opened + ",\"password\":\"" + who.password() + "\"}";
    }

    static String replacing(Staff who, String patient) {
        return "{\"action\":\"REPLACE\",\"reason\":\"entered for the wrong patient\",\"password\":\"" + who.password() + "\","
                + "\"replacement\":{\"patientId\":\"" + patient + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}}";
    }

    JsonObject vial(Lot lot, int i) {
        Reply v = api.get("api/vials/" + lot.vialIds().get(i), inventory.token());
        assertEquals(200, v.status(), v::toString);
        return v.json();
    }

    JsonObject trace(Lot lot) {
        Reply t = api.get("api/lots/" + lot.number() + "/trace", qa.token());
        assertEquals(200, t.status(), t::toString);
        return t.json();
    }

    static List<String> patients(JsonObject trace) {
        return trace.getJsonArray("patients").getValuesAs(JsonObject.class).stream().map(p -> p.getString("patientId")).toList();
    }

    static void assertProblem(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.contentType(), reply::toString);
        assertEquals(code, reply.code(), reply::toString);
    }

    @Test
    void aDoseForTheWrongPatientReplacedMakesTheRecallCallTheRightPatientOnly() {
        Lot lot = lot(2);
        String wrong = "P-W" + Api.unique();
        String right = "P-R" + Api.unique();
        JsonObject dose = give(nurse, lot, 0, wrong);
        String doseId = dose.getString("administrationId");

        Reply replaced = correct(nurse, doseId, replacing(nurse, right));
        assertEquals(201, replaced.status(), replaced::toString);
        JsonObject answer = replaced.json();
        String replacementId = answer.getJsonObject("replacement").getString("administrationId");
        assertEquals(right, answer.getJsonObject("replacement").getString("patientId"));
        assertEquals(lot.serials().get(0), answer.getJsonObject("replacement").getJsonArray("vials").getJsonObject(0).getString("serial"),
                "the same vial, now for the right patient");
        assertEquals(doseId, answer.getJsonObject("replacement").getString("corrects"));
        assertEquals(dose.getString("administeredAt"), answer.getJsonObject("replacement").getString("administeredAt"),
                "the dose was given when it was given");
        assertTrue(answer.getJsonArray("vialsGivenBack").isEmpty(), answer::toString);
        assertTrue(replaced.header("Location").endsWith("/administrations/" + replacementId), replaced::toString);
        assertEquals("ADMINISTERED", vial(lot, 0).getString("state"));

        // the original stays, marked as corrected by the new record
        JsonObject original = api.get("api/administrations/" + doseId, qa.token()).json();
        assertEquals(wrong, original.getString("patientId"));
        assertEquals("REPLACE", original.getJsonObject("correctedBy").getString("action"));
        assertEquals(replacementId, original.getJsonObject("correctedBy").getString("replacementId"));
        assertEquals(nurse.username(), original.getJsonObject("correctedBy").getString("correctedBy"));

        Reply recalled = api.post("api/lots/" + lot.number() + "/recall", qa.token(), "{\"reason\":\"endotoxin found by the CPC\"}");
        assertEquals(200, recalled.status(), recalled::toString);
        JsonObject trace = trace(lot);
        assertEquals(List.of(right), patients(trace), trace::toString);
        assertEquals(1, trace.getInt("patientsToReach"));
        assertEquals(1, trace.getInt("doseCount"));
        assertEquals(List.of(replacementId), trace.getJsonArray("doses").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("administrationId")).toList());
        JsonObject listed = trace.getJsonArray("corrections").getJsonObject(0);
        assertEquals(doseId, listed.getString("administrationId"));
        assertEquals(wrong, listed.getString("patientId"));
        assertEquals(replacementId, listed.getString("replacedBy"));
        assertProblem(api.post("api/lots/" + lot.number() + "/notifications", qa.token(),
                "{\"patientId\":\"" + wrong + "\",\"channel\":\"PHONE\",\"outcome\":\"REACHED\"}"), 422, "NOT_A_RECIPIENT");

        // the backward trace: the wrong patient had no dose of it, the right one did
        JsonObject wrongDoses = api.get("api/patients/" + wrong + "/doses", qa.token()).json();
        assertEquals(0, wrongDoses.getInt("doses"), wrongDoses::toString);
        assertFalse(wrongDoses.getBoolean("anyRecalled"));
        assertEquals(doseId, wrongDoses.getJsonArray("corrections").getJsonObject(0).getString("administrationId"));
        JsonObject rightDoses = api.get("api/patients/" + right + "/doses", qa.token()).json();
        assertTrue(rightDoses.getBoolean("anyRecalled"), rightDoses::toString);

        // the lot report: the counts still balance, the correction is listed
        JsonObject report = api.get("api/lots/" + lot.number() + "/report", qa.token()).json();
        assertTrue(report.getJsonObject("counts").getBoolean("balanced"), report::toString);
        assertEquals(1, report.getJsonObject("counts").getInt("administered"));
        assertEquals(1, report.getJsonArray("doses").size());
        assertEquals(doseId, report.getJsonArray("corrections").getJsonObject(0).getString("administrationId"));
        Reply csv = api.send("GET", "api/lots/" + lot.number() + "/report", qa.token(), null, null, "Accept", "text/csv");
        assertTrue(csv.body().contains("," + doseId + ",,") && csv.body().contains(",REPLACE," + replacementId + ","), csv.body());

        // FHIR: the wrong record entered in error, the replacement a new resource
        Reply fhirOriginal = api.get("fhir/MedicationAdministration/" + doseId, integration.token());
        Conformance.assertFhir(fhirOriginal.body());
        assertEquals("entered-in-error", fhirOriginal.json().getString("status"));
        Reply fhirReplacement = api.get("fhir/MedicationAdministration/" + replacementId, integration.token());
        Conformance.assertFhir(fhirReplacement.body());
        assertEquals("completed", fhirReplacement.json().getString("status"));
        assertEquals(right, fhirReplacement.json().getJsonObject("subject").getJsonObject("identifier").getString("value"));

        // the regulatory export: once, as corrected, with a correction count
        List<JsonObject> exported = api.get("api/reports/regulatory-export?year=" + today().getYear(), qa.token()).json()
                .getJsonArray("doses").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("lotNumbers").equals(lot.number())).toList();
        assertEquals(1, exported.size(), exported::toString);
        assertEquals(replacementId, exported.get(0).getString("administrationId"));
        assertEquals(doseId, exported.get(0).getString("corrects"));
        assertEquals(1, exported.get(0).getInt("corrections"));

        // a recalled lot's correction is flagged for QA, and the audit chain still verifies with it
        assertProblem(correct(nurse, doseId, replacing(nurse, right)), 409, "DOSE_ALREADY_CORRECTED");
        assertTrue(api.get("api/audit/verify", qa.token()).json().getBoolean("intact"));
    }

    @Test
    void aVoidedDoseOfAnUnopenedVialPutsItBackOnItsShelfUsableAgainAndEpcisDeclaresTheDispensingInError() {
        Lot lot = lot(2);
        String patient = "P-V" + Api.unique();
        String doseId = give(nurse, lot, 1, patient).getString("administrationId");

        Reply voided = correct(nurse, doseId, voiding(nurse, false));
        assertEquals(201, voided.status(), voided::toString);
        JsonObject back = voided.json().getJsonArray("vialsGivenBack").getJsonObject(0);
        assertEquals("IN_STOCK", back.getString("state"));
        assertEquals("FREEZER-1", back.getString("location"));
        assertNull(voided.json().get("replacement"));
        JsonObject vial = vial(lot, 1);
        assertEquals("IN_STOCK", vial.getString("state"));
        JsonObject reversal = vial.getJsonArray("history").getJsonObject(vial.getJsonArray("history").size() - 1);
        assertEquals("REVERSED", reversal.getString("kind"));
        assertEquals(back.getJsonNumber("reverses").longValue(), reversal.getJsonNumber("reverses").longValue());
        assertEquals("scanned, then not given", reversal.getString("note"));

        Reply scan = api.post("api/scans", nurse.token(), "{\"barcode\":" + Json.createValue(lot.barcode(1)) + "}");
        assertEquals("OK", scan.json().getString("verdict"), scan::toString);
        String again = give(otherNurse, lot, 1, "P-A" + Api.unique()).getString("administrationId");
        assertEquals("ADMINISTERED", vial(lot, 1).getString("state"));
        JsonObject trace = trace(lot);
        assertEquals(List.of(again), trace.getJsonArray("doses").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("administrationId")).toList());
        assertEquals("VOID", trace.getJsonArray("corrections").getJsonObject(0).getString("correction"));

        Reply fhir = api.get("fhir/MedicationAdministration?patient=" + patient, integration.token());
        Conformance.assertFhir(fhir.body());
        assertTrue(fhir.body().contains("\"status\":\"entered-in-error\""), fhir::body);

        Reply epcis = api.send("GET", "api/epcis/events?lot=" + lot.number(), integration.token(), null, null, "Accept", "application/ld+json");
        assertEquals(200, epcis.status(), epcis::toString);
        Conformance.assertEpcis(epcis.body());
        List<JsonObject> events = epcis.json().getJsonObject("epcisBody").getJsonArray("eventList").getValuesAs(JsonObject.class);
        List<JsonObject> dispensing = events.stream().filter(e -> "dispensing".equals(e.getString("bizStep", ""))).toList();
        assertEquals(2, dispensing.size(), events::toString);
        JsonObject declared = dispensing.get(0).getJsonObject("errorDeclaration");
        assertEquals("incorrect_data", declared.getString("reason"), dispensing::toString);
        assertNull(dispensing.get(1).get("errorDeclaration"), "the dose given since stands");
        String corrective = declared.getJsonArray("correctiveEventIDs").getString(0);
        JsonObject correction = events.stream().filter(e -> corrective.equals(e.getString("eventID"))).findFirst().orElseThrow();
        assertEquals("storing", correction.getString("bizStep"));
        assertEquals("in_progress", correction.getString("disposition"));
    }

    @Test
    void anOpenedVialOfAVoidedDoseIsWastedAsRecordedInErrorAndCountedSo() {
        Lot lot = lot(1);
        String doseId = give(nurse, lot, 0, "P-O" + Api.unique()).getString("administrationId");
        Reply voided = correct(qa, doseId, voiding(qa, true));
        assertEquals(201, voided.status(), voided::toString);
        assertEquals("WASTED", vial(lot, 0).getString("state"));
        JsonObject reversal = vial(lot, 0).getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("kind").equals("REVERSED")).findFirst().orElseThrow();
        assertEquals("RECORDED_IN_ERROR", reversal.getString("reason"), reversal::toString);
        assertEquals("WASTED", reversal.getString("stateAfter"));
        JsonObject report = api.get("api/lots/" + lot.number() + "/report", qa.token()).json();
        assertTrue(report.getJsonObject("counts").getBoolean("balanced"), report::toString);
        assertEquals(1, report.getJsonObject("counts").getInt("wasted"));
        assertEquals(0, report.getJsonObject("counts").getInt("administered"));
        Map<String, Integer> wasted = wastage(lot);
        assertEquals(Map.of("RECORDED_IN_ERROR", 1), wasted);
        assertProblem(api.post("api/vials/" + lot.vialIds().get(0) + "/reversals", inventory.token(),
                "{\"seq\":" + voided.json().getJsonArray("vialsGivenBack").getJsonObject(0).getJsonNumber("ledgerSeq") + ",\"reason\":\"undo\"}"),
                409, "NOT_REVERSIBLE");
    }

    Map<String, Integer> wastage(Lot lot) {
        JsonObject w = api.get("api/reports/wastage?from=" + today() + "&to=" + today(), qa.token()).json();
        return w.getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("productCode").equals(lot.product().code()) && l.getInt("vials") > 0)
                .collect(Collectors.toMap(l -> l.getString("reason"), l -> l.getInt("vials")));
    }

    @Test
    void aNurseCorrectsHerOwnDoseWithHerPasswordAndADoseOnce() {
        Lot lot = lot(1);
        String doseId = give(nurse, lot, 0, "P-N" + Api.unique()).getString("administrationId");
        assertProblem(correct(otherNurse, doseId, voiding(otherNurse, false)), 403, "NOT_YOUR_DOSE");
        assertProblem(correct(nurse, doseId, voiding(otherNurse, false)), 403, "SIGNATURE_REFUSED");
        assertProblem(correct(nurse, doseId, "{\"action\":\"VOID\",\"reason\":\"x\",\"password\":\"" + nurse.password() + "\"}"), 422,
                "VALIDATION_FAILED");
        assertProblem(correct(nurse, doseId, "{\"action\":\"VOID\",\"vialOpened\":false,\"password\":\"" + nurse.password() + "\"}"), 400,
                "VALIDATION_FAILED");
        assertProblem(correct(inventory, doseId, voiding(inventory, false)), 403, "FORBIDDEN");
        assertProblem(correct(nurse, UUID.randomUUID().toString(), voiding(nurse, false)), 404, "NOT_FOUND");
        assertEquals("ADMINISTERED", vial(lot, 0).getString("state"), "nothing changed by a refusal");
        assertEquals(201, correct(nurse, doseId, voiding(nurse, false)).status());
        assertProblem(correct(qa, doseId, voiding(qa, false)), 409, "DOSE_ALREADY_CORRECTED");
    }

    @Test
    void aReplacementWithAnotherVialChecksItAsAScanWouldAndGivesTheFirstBack() {
        Lot lot = lot(3);
        String patient = "P-X" + Api.unique();
        String doseId = give(nurse, lot, 0, patient).getString("administrationId");
        give(nurse, lot, 2, "P-Y" + Api.unique());
        String body = "{\"action\":\"REPLACE\",\"reason\":\"vial 0 was scanned, vial %d given\",\"vialOpened\":false,\"password\":\""
                + nurse.password() + "\",\"replacement\":{\"barcode\":%s,\"patientId\":\"" + patient
                + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}}";
        Reply used = correct(nurse, doseId, body.formatted(2, Json.createValue(lot.barcode(2))));
        assertProblem(used, 409, "VIAL_BLOCKED");
        assertTrue(used.json().getJsonArray("reasons").toString().contains("ALREADY_USED"), used::toString);
        Reply replaced = correct(nurse, doseId, body.formatted(1, Json.createValue(lot.barcode(1))));
        assertEquals(201, replaced.status(), replaced::toString);
        assertEquals("IN_STOCK", vial(lot, 0).getString("state"));
        assertEquals("ADMINISTERED", vial(lot, 1).getString("state"));
        assertEquals(lot.serials().get(1), replaced.json().getJsonObject("replacement").getJsonArray("vials").getJsonObject(0).getString("serial"));
    }

    @Test
    void aCorrectionAndANewDoseOfOneVialEndInOneConsistentState() throws Exception {
        for (int round = 0; round < 4; round++) {
            Lot lot = lot(1);
            String doseId = give(nurse, lot, 0, "P-R" + Api.unique()).getString("administrationId");
            List<Reply> replies = AtOnce.send(List.of(
                    () -> correct(nurse, doseId, voiding(nurse, false)),
                    () -> api.post("api/administrations", otherNurse.token(), "{\"barcode\":" + Json.createValue(lot.barcode(0))
                            + ",\"patientId\":\"P-Z1\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}",
                            "Idempotency-Key", UUID.randomUUID().toString()),
                    () -> correct(qa, doseId, voiding(qa, true))));
            assertTrue(replies.stream().allMatch(r -> r.status() == 201 || r.status() == 409), replies::toString);
            assertEquals(1, replies.stream().filter(r -> r.status() == 201 && r.body().contains("\"correction\"")).count(), replies::toString);
            int standing = trace(lot).getJsonArray("doses").size();
            String state = vial(lot, 0).getString("state");
            // the vial is given exactly when a dose of it stands: never twice, never lost
            assertTrue(standing <= 1, replies::toString);
            if (standing == 1) {
                assertEquals("ADMINISTERED", state, replies::toString);
            } else {
                assertTrue(List.of("IN_STOCK", "WASTED").contains(state), state);
            }
        }
    }

    @Test
    void aWasteOrAMoveRecordedInErrorIsReversedByANewRowAndAReversalOnlyByAnother() {
        Lot lot = lot(2);
        String vialId = lot.vialIds().get(0);
        Reply wasted = api.post("api/vials/" + vialId + "/waste", inventory.token(), "{\"reason\":\"BROKEN\"}");
        assertEquals(201, wasted.status(), wasted::toString);
        long wasteSeq = wasted.json().getJsonNumber("seq").longValue();
        assertEquals(Map.of("BROKEN", 1), wastage(lot));

        Reply reversed = api.post("api/vials/" + vialId + "/reversals", inventory.token(),
                "{\"seq\":" + wasteSeq + ",\"reason\":\"wasted the wrong vial: this one is on the shelf\"}");
        assertEquals(201, reversed.status(), reversed::toString);
        assertEquals("REVERSED", reversed.json().getString("kind"));
        assertEquals(wasteSeq, reversed.json().getJsonNumber("reverses").longValue());
        assertEquals("IN_STOCK", vial(lot, 0).getString("state"));
        assertEquals("FREEZER-1", vial(lot, 0).getString("location"));
        assertEquals(Map.of(), wastage(lot), "a reversed waste is no waste");

        assertProblem(api.post("api/vials/" + vialId + "/reversals", inventory.token(), "{\"seq\":" + wasteSeq + ",\"reason\":\"again\"}"),
                409, "NOT_LATEST_MOVEMENT");
        Reply reReversed = api.post("api/vials/" + vialId + "/reversals", qa.token(),
                "{\"seq\":" + reversed.json().getJsonNumber("seq") + ",\"reason\":\"it was broken after all\"}");
        assertEquals(201, reReversed.status(), reReversed::toString);
        assertEquals("WASTED", vial(lot, 0).getString("state"));
        assertEquals(Map.of("BROKEN", 1), wastage(lot));

        String other = lot.vialIds().get(1);
        JsonObject received = vial(lot, 1).getJsonArray("history").getJsonObject(0);
        assertProblem(api.post("api/vials/" + other + "/reversals", inventory.token(), "{\"seq\":" + received.getJsonNumber("seq")
                + ",\"reason\":\"never came\"}"), 409, "NOT_REVERSIBLE");
        Reply moved = api.post("api/vials/" + other + "/moves", inventory.token(), "{\"location\":\"FRIDGE-9\"}");
        assertEquals(201, moved.status(), moved::toString);
        Reply unmoved = api.post("api/vials/" + other + "/reversals", inventory.token(), "{\"seq\":" + moved.json().getJsonNumber("seq")
                + ",\"reason\":\"moved the wrong box\"}");
        assertEquals(201, unmoved.status(), unmoved::toString);
        assertEquals("FREEZER-1", vial(lot, 1).getString("location"));
        assertProblem(api.post("api/vials/" + other + "/reversals", inventory.token(), "{\"seq\":1}"), 400, "VALIDATION_FAILED");
        assertProblem(api.post("api/vials/" + other + "/reversals", nurse.token(), "{\"seq\":1,\"reason\":\"x\"}"), 403, "FORBIDDEN");
        assertTrue(api.get("api/audit/verify", qa.token()).json().getBoolean("intact"));
    }

    @Test
    void anUnopenedVialOfARecalledLotGoesBackToStockBlockedAndTheCorrectionIsFlagged() {
        Lot lot = lot(1);
        String doseId = give(nurse, lot, 0, "P-Q" + Api.unique()).getString("administrationId");
        assertEquals(200, api.post("api/lots/" + lot.number() + "/recall", qa.token(), "{\"reason\":\"CPC recall\"}").status());
        Reply voided = correct(nurse, doseId, voiding(nurse, false));
        assertEquals(201, voided.status(), voided::toString);
        assertTrue(voided.json().getJsonObject("correction").getBoolean("recalledLot"), voided::toString);
        assertEquals("IN_STOCK", vial(lot, 0).getString("state"));
        JsonObject scan = api.post("api/scans", nurse.token(), "{\"barcode\":" + Json.createValue(lot.barcode(0)) + "}").json();
        assertEquals("BLOCKED", scan.getString("verdict"), scan::toString);
        assertTrue(scan.getJsonArray("reasons").toString().contains("LOT_RECALLED"), scan::toString);
        assertEquals(0, trace(lot).getInt("patientsToReach"));
    }
}
