package org.exotrace.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks the ITs run on every EPCIS and FHIR answer: each can fail, and what is right passes. */
class ConformanceTest {

    private static final String ADMINISTRATION = """
            {"resourceType":"MedicationAdministration","id":"a1","status":"completed",
             "medication":{"concept":{"text":"max NFC 2cc"}},"subject":{"type":"Patient","identifier":{"system":"urn:x","value":"P-1"}},
             "occurenceDateTime":"2026-11-24T10:15:30Z","performer":[{"actor":{"reference":{"display":"nurse"}}}]}""";

    private static String searchset(String entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"link\":[{\"relation\":\"self\",\"url\":\"http://x/fhir/MedicationAdministration\"}]"
                + entries + "}";
    }

    @Test
    void aConformantAdministrationAndABundleOfItPass() {
        assertEquals(List.of(), Conformance.fhirProblems(ADMINISTRATION));
        assertEquals(List.of(), Conformance.fhirProblems(searchset(",\"entry\":[{\"fullUrl\":\"http://x/fhir/MedicationAdministration/a1\","
                + "\"resource\":" + ADMINISTRATION + ",\"search\":{\"mode\":\"match\"}}]")));
    }

    @Test
    void anEmptyArrayIsRefusedThoughHl7sSchemaLetsItThrough() {
        assertEquals(List.of("Bundle.entry: empty array"), Conformance.fhirProblems(searchset(",\"entry\":[]")));
    }

    @Test
    void anElementR5RequiresIsMissedInsideABundleEntryToo() {
        String withoutPerformerActor = ADMINISTRATION.replace("\"actor\":{\"reference\":{\"display\":\"nurse\"}}", "\"function\":{\"text\":\"x\"}");
        List<String> problems = Conformance.fhirProblems(searchset(",\"entry\":[{\"resource\":" + withoutPerformerActor + "}]"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("MedicationAdministration.performer.actor is required")), problems::toString);
    }

    @Test
    void aCodeOutsideItsRequiredValueSetIsRefused() {
        List<String> problems = Conformance.fhirProblems(ADMINISTRATION.replace("\"completed\"", "\"done\""));
        assertTrue(problems.stream().anyMatch(p -> p.contains("MedicationAdministration.status [done] is not in its required value set")),
                problems::toString);
    }

    @Test
    void anElementR5DoesNotDefineFailsHl7sSchema() {
        assertFalse(Conformance.fhirProblems(ADMINISTRATION.replace("\"status\"", "\"qualityStatus\":\"x\",\"status\"")).isEmpty());
    }

    @Test
    void r5NamesThePatientSearchOfAnAdministrationClinicalPatient() {
        assertTrue(Conformance.isR5SearchParameter("http://hl7.org/fhir/SearchParameter/clinical-patient", "patient", "MedicationAdministration"));
        assertFalse(Conformance.isR5SearchParameter("http://hl7.org/fhir/SearchParameter/medications-patient", "patient", "MedicationAdministration"));
    }

    @Test
    void gs1sEpcisSchemaRefusesAnOffsetWrittenAsZAndLotDataOnAnObservation() {
        String event = """
                {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],"type":"EPCISDocument","schemaVersion":"2.0",
                 "creationDate":"2026-11-25T10:00:00Z","epcisBody":{"eventList":[{"type":"ObjectEvent","eventTime":"2026-11-25T10:00:00Z",
                 "eventTimeZoneOffset":"+09:00","epcList":["urn:epc:id:sgtin:4912345.000001.0001"],"action":"OBSERVE","bizStep":"receiving"%s}]}}""";
        assertEquals(List.of(), Conformance.epcisProblems(event.formatted("")));
        assertFalse(Conformance.epcisProblems(event.formatted("").replace("+09:00", "Z")).isEmpty());
        assertFalse(Conformance.epcisProblems(event.formatted(",\"ilmd\":{\"cbvmda:lotNumber\":\"A1\"}")).isEmpty());
    }
}
