package org.exotrace.fhir;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.exotrace.testing.Api;
import org.exotrace.testing.Conformance;
import org.exotrace.testing.Api.Reply;
import org.exotrace.testing.Api.Role;
import org.exotrace.testing.Api.Staff;
import org.exotrace.testing.FhirParser;
import org.exotrace.testing.Fixtures;
import org.exotrace.testing.Fixtures.Lot;
import org.exotrace.testing.Fixtures.Product;
import org.hl7.fhir.r5.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.CapabilityStatement;
import org.hl7.fhir.r5.model.Enumerations;
import org.hl7.fhir.r5.model.MedicationAdministration;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Organization;
import org.hl7.fhir.r5.model.Quantity;
import org.hl7.fhir.r5.model.Resource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FHIR R5 interface as a clinic's EMR reads it: every answer parsed by HAPI FHIR's R5 model in strict mode, over a
 * history built through the REST API (a product with a particle-count specification, a lot received, its QC results
 * entered and the lot released, doses given). Every FHIR answer received, refusals included, passes HL7's R5 JSON
 * Schema and R5's cardinalities and required bindings ({@link Conformance}), and is kept in
 * {@code target/it/fhir-samples} for the HL7 validator ({@code bench/hl7-validator}).
 */
@ExtendWith(ArquillianExtension.class)
class FhirIT {

    private static final String FHIR_JSON = "application/fhir+json";

    @ArquillianResource
    URL base;

    Api api;
    /** Staff are shared by the tests of this class (each password hash costs the server ~0.5 s); data is not. */
    static Staff qa;
    static Staff nurse;
    static String inventory;
    static String integration;

    Fixtures fixtures;
    Lot lot;
    String patient;
    String ivDose;
    String injection;

    /** A released lot of five vials with a particle count of 4.2e11/mL; vial 0 dripped and vial 1 injected into the same patient. */
    @BeforeEach
    void aHistory() {
        api = new Api(base);
        if (qa == null) {
            qa = api.newUser(Role.QA);
            nurse = api.newUser(Role.NURSE);
            inventory = api.tokenFor(Role.INVENTORY);
            integration = api.tokenFor(Role.INTEGRATION);
        }
        fixtures = new Fixtures(api, qa, inventory);
        Product product = fixtures.newProduct("\"IV_DRIP\",\"INJECTION\"").donorSources("DENTAL_PULP")
                .requiredAssays("{\"assay\":\"STERILITY\",\"expected\":\"NEGATIVE\"},"
                        + "{\"assay\":\"PARTICLE_COUNT\",\"min\":3.9e11,\"unit\":\"particles/mL\"}")
                .create();
        lot = fixtures.release(fixtures.receivedLot(product, 200, "FREEZER-F", 5),
                "{\"assay\":\"PARTICLE_COUNT\",\"value\":4.2e11,\"unit\":\"particles/mL\",\"method\":\"NTA\",\"performedAt\":\"2026-11-20T09:00:00Z\"}");
        patient = "FH-" + Api.unique();
        ivDose = give("{\"barcode\":" + Json.createValue(lot.barcode(0)) + ",\"patientId\":\"" + patient + "\",\"route\":\"IV_DRIP\",\"volumeMl\":2.0,"
                + "\"purpose\":\"THERAPY\",\"indication\":\"knee osteoarthritis\"}");
        injection = give("{\"vialId\":\"" + lot.vialIds().get(1) + "\",\"patientId\":\"" + patient + "\",\"route\":\"INJECTION\","
                + "\"site\":\"INTRAMUSCULAR\",\"siteDetail\":\"left deltoid\",\"volumeMl\":1.5,\"purpose\":\"WELLNESS\"}");
    }

    private String give(String body) {
        Reply given = api.post("api/administrations", nurse.token(), body, "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, given.status(), given::toString);
        return given.json().getString("administrationId");
    }

    /** A FHIR read: 200 as application/fhir+json, parsed strictly into {@code type}. */
    private <T extends Resource> T read(String path, String token, Class<T> type) {
        Reply reply = fhir(path, token);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(FHIR_JSON), reply::toString);
        return FhirParser.parse(reply.body(), type);
    }

    private Reply fhir(String path, String token, String... headers) {
        String[] all = headers.length > 0 ? headers : new String[] {"Accept", FHIR_JSON};
        Reply reply = api.send("GET", path, token, null, null, all);
        if (reply.contentType() != null && reply.contentType().startsWith(FHIR_JSON)) {
            Conformance.assertFhir(reply.body());
            keepSample(reply);
        }
        return reply;
    }

    private static final AtomicInteger SAMPLES = new AtomicInteger();
    private static final Path SAMPLE_DIR = Path.of(System.getProperty("exotrace.test.dir", "target/it"), "fhir-samples");

    /** The samples of this run only. */
    @BeforeAll
    static void noSamplesOfAnEarlierRun() throws IOException {
        if (Files.isDirectory(SAMPLE_DIR)) {
            try (var old = Files.list(SAMPLE_DIR)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The answer as a sample for the HL7 validator: {@code target/it/fhir-samples/NNN-Type-status.json}. */
    private static void keepSample(Reply reply) {
        try {
            Path dir = Files.createDirectories(SAMPLE_DIR);
            String type = reply.json().getString("resourceType", "unknown");
            Files.writeString(dir.resolve(String.format("%03d-%s-%d.json", SAMPLES.incrementAndGet(), type, reply.status())), reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OperationOutcome refused(String path, String token, int status, OperationOutcome.IssueType issue) {
        Reply reply = fhir(path, token);
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith(FHIR_JSON), reply::toString);
        OperationOutcome outcome = FhirParser.parse(reply.body(), OperationOutcome.class);
        assertEquals(issue, outcome.getIssueFirstRep().getCode(), reply::toString);
        assertEquals(OperationOutcome.IssueSeverity.ERROR, outcome.getIssueFirstRep().getSeverity());
        return outcome;
    }

    private static String property(BiologicallyDerivedProduct vial, String code) {
        return vial.getProperty().stream().filter(p -> p.getType().getCodingFirstRep().getCode().equals(code))
                .map(p -> p.getValueCodeableConcept().getCodingFirstRep().getCode()).findFirst().orElse(null);
    }

    @Test
    void aVialNamesItsLotCpcExpiryGtinSerialAndTheLotsParticleCount() {
        BiologicallyDerivedProduct vial = read("fhir/BiologicallyDerivedProduct/" + lot.vialIds().get(2), integration,
                BiologicallyDerivedProduct.class);
        assertEquals(lot.vialIds().get(2), vial.getIdElement().getIdPart());
        assertEquals(lot.number(), vial.getBiologicalSourceEvent().getValue());
        assertEquals(lot.expiresOn().toString(), vial.getExpirationDateElement().getValueAsString());
        assertEquals(lot.product().gtin(), vial.getProductCode().getCoding().stream()
                .filter(c -> c.getSystem().equals("https://www.gs1.org/gtin")).findFirst().orElseThrow().getCode());
        assertEquals("https://id.gs1.org/01/" + lot.product().gtin() + "/21/" + lot.serials().get(2), vial.getIdentifierFirstRep().getValue());
        Organization cpc = (Organization) vial.getContained().get(0);
        assertEquals("Kobe CPC", cpc.getName());
        assertEquals(Fixtures.CPC_LICENCE, cpc.getIdentifier().get(1).getValue());
        assertEquals("#" + cpc.getIdElement().getIdPart(), vial.getProcessingFacilityFirstRep().getReference());
        assertEquals("available", vial.getProductStatus().getCode());
        assertEquals("RELEASED", property(vial, "quality-status"));
        assertEquals("DENTAL_PULP", property(vial, "donor-source"));
        Quantity particles = vial.getProperty().stream().filter(p -> p.getType().getCodingFirstRep().getCode().equals("particle-count"))
                .findFirst().orElseThrow().getValueQuantity();
        assertEquals(0, new BigDecimal("4.2e11").compareTo(particles.getValue()));
        assertEquals("particles/mL", particles.getUnit());

        BiologicallyDerivedProduct used = read("fhir/BiologicallyDerivedProduct/" + lot.vialIds().get(0), integration,
                BiologicallyDerivedProduct.class);
        assertEquals("unavailable", used.getProductStatus().getCode());
        assertEquals("ADMINISTERED", property(used, "vial-state"));
    }

    @Test
    void aRecallTurnsEveryVialsQualityStatusToRecalledAndItsProductUnavailable() {
        Reply recalled = api.post("api/lots/" + lot.number() + "/recall", qa.token(), "{\"reason\":\"CPC notice: particle count re-test\"}");
        assertEquals(200, recalled.status(), recalled::toString);
        BiologicallyDerivedProduct vial = read("fhir/BiologicallyDerivedProduct/" + lot.vialIds().get(2), qa.token(),
                BiologicallyDerivedProduct.class);
        assertEquals("RECALLED", property(vial, "quality-status"));
        assertEquals("unavailable", vial.getProductStatus().getCode());
    }

    @Test
    void aLotsVialsArePagedByTheNextLinkUntilEveryVialWasSeenOnce() {
        Bundle first = read("fhir/BiologicallyDerivedProduct?lot=" + lot.number() + "&_count=2", integration, Bundle.class);
        assertEquals(Bundle.BundleType.SEARCHSET, first.getType());
        assertEquals(5, first.getTotal());
        List<String> seen = new ArrayList<>();
        Bundle page = first;
        int pages = 0;
        while (true) {
            pages++;
            page.getEntry().forEach(e -> seen.add(((BiologicallyDerivedProduct) e.getResource()).getIdElement().getIdPart()));
            page.getEntry().forEach(e -> assertEquals(lot.number(), ((BiologicallyDerivedProduct) e.getResource()).getBiologicalSourceEvent().getValue()));
            if (page.getLink("next") == null) {
                break;
            }
            String next = page.getLink("next").getUrl();
            assertTrue(next.contains("/fhir/BiologicallyDerivedProduct?"), next);
            page = read(next, integration, Bundle.class);
        }
        assertEquals(3, pages);
        assertEquals(Set.copyOf(lot.vialIds()), new HashSet<>(seen));
        assertEquals(5, seen.size());

        Bundle bySourceEvent = read("fhir/BiologicallyDerivedProduct?biological-source-event=urn:exotrace:lot-number%7C" + lot.number(),
                qa.token(), Bundle.class);
        assertEquals(5, bySourceEvent.getTotal());
        assertEquals(5, bySourceEvent.getEntry().size());
        assertEquals(0, read("fhir/BiologicallyDerivedProduct?lot=urn:other%7C" + lot.number(), qa.token(), Bundle.class).getTotal());
        assertEquals(0, read("fhir/BiologicallyDerivedProduct?lot=NOSUCHLOT", qa.token(), Bundle.class).getTotal());
    }

    @Test
    void aDoseNamesThePatientTheNurseTheRouteTheDoseAndTheVialItUsed() {
        MedicationAdministration dose = read("fhir/MedicationAdministration/" + injection, nurse.token(), MedicationAdministration.class);
        assertEquals(MedicationAdministration.MedicationAdministrationStatusCodes.COMPLETED, dose.getStatus());
        assertNull(dose.getSubject().getReference(), "a logical reference: this server serves no Patient/" + patient);
        assertEquals("Patient", dose.getSubject().getType());
        assertEquals(patient, dose.getSubject().getIdentifier().getValue());
        assertEquals("urn:exotrace:patient-id", dose.getSubject().getIdentifier().getSystem());
        assertNotNull(dose.getOccurenceDateTimeType().getValue());
        assertEquals(nurse.username(), dose.getPerformerFirstRep().getActor().getReference().getIdentifier().getValue());
        assertEquals(0, new BigDecimal("1.5").compareTo(dose.getDosage().getDose().getValue()));
        assertEquals("mL", dose.getDosage().getDose().getCode());
        assertEquals("78421000", dose.getDosage().getRoute().getCoding().get(0).getCode());
        assertEquals("INTRAMUSCULAR", dose.getDosage().getSite().getCodingFirstRep().getCode());
        assertEquals("left deltoid", dose.getDosage().getSite().getText());
        assertEquals(lot.product().gtin(), dose.getMedication().getConcept().getCodingFirstRep().getCode());
        String vialReference = dose.getSupportingInformationFirstRep().getReference();
        assertEquals("BiologicallyDerivedProduct/" + lot.vialIds().get(1), vialReference);
        BiologicallyDerivedProduct vial = read("fhir/" + vialReference, integration, BiologicallyDerivedProduct.class);
        assertEquals(lot.number(), vial.getBiologicalSourceEvent().getValue());

        JsonObject audited = api.get("api/audit?action=DOSE_READ&subjectId=" + patient, qa.token()).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(nurse.username(), audited.getString("actor"));
        assertEquals(injection, audited.getJsonObject("change").getString("administrationId"));
    }

    @Test
    void aPatientsDosesAreFoundByPatientAndALotsByLotAndBothReadsAreAudited() {
        Bundle byPatient = read("fhir/MedicationAdministration?patient=" + patient, integration, Bundle.class);
        assertEquals(2, byPatient.getTotal());
        assertEquals(List.of(injection, ivDose), byPatient.getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart()).toList(), "newest first");
        assertEquals(2, read("fhir/MedicationAdministration?patient=Patient/" + patient, nurse.token(), Bundle.class).getTotal());
        assertEquals(0, read("fhir/MedicationAdministration?patient=NOBODY-" + Api.unique(), nurse.token(), Bundle.class).getTotal());
        JsonObject audited = api.get("api/audit?action=PATIENT_DOSES_READ&subjectId=" + patient + "&actor=" + nurse.username(), qa.token())
                .json().getJsonArray("items").getJsonObject(0);
        assertEquals("FHIR", audited.getJsonObject("change").getString("interface"));

        Bundle byLot = read("fhir/MedicationAdministration?lot=" + lot.number() + "&_count=1", integration, Bundle.class);
        assertEquals(2, byLot.getTotal());
        assertEquals(1, byLot.getEntry().size());
        assertEquals(1, read(byLot.getLink("next").getUrl(), integration, Bundle.class).getEntry().size());
        assertEquals(2, api.get("api/audit?action=LOT_TRACE_READ&subjectId=" + lot.number(), qa.token()).json().getInt("total"), "one entry a page");

        Reply nurseTracing = fhir("fhir/MedicationAdministration?lot=" + lot.number(), nurse.token());
        assertEquals(403, nurseTracing.status(), nurseTracing::toString);
        assertTrue(nurseTracing.isProblem(), nurseTracing::toString);
    }

    @Test
    void aVialDispensedForHomeUseIsABiologicallyDerivedProductDispenseNotAnAdministration() {
        Product nasal = fixtures.newProduct("\"NASAL\"").name("EXO Pure ASC").donorSources("ADIPOSE").create();
        Lot homeUse = fixtures.releasedLot(nasal, 200, "FRIDGE-F", 2);
        Reply dispensed = api.post("api/dispenses", nurse.token(), "{\"vialId\":\"" + homeUse.vialIds().get(0) + "\",\"patientId\":\""
                + patient + "\",\"route\":\"NASAL\",\"volumeMl\":2.0,\"purpose\":\"WELLNESS\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, dispensed.status(), dispensed::toString);
        var dispense = read("fhir/BiologicallyDerivedProductDispense/" + homeUse.vialIds().get(0), nurse.token(),
                org.hl7.fhir.r5.model.BiologicallyDerivedProductDispense.class);
        assertEquals("BiologicallyDerivedProduct/" + homeUse.vialIds().get(0), dispense.getProduct().getReference());
        assertNull(dispense.getPatient().getReference(), "a logical reference: this server serves no Patient/" + patient);
        assertEquals(patient, dispense.getPatient().getIdentifier().getValue());
        assertEquals("urn:exotrace:patient-id", dispense.getPatient().getIdentifier().getSystem());
        assertEquals(dispensed.json().getString("administrationId"), dispense.getIdentifierFirstRep().getValue());
        assertEquals(0, new BigDecimal("2").compareTo(dispense.getQuantity().getValue()));
        assertEquals(nurse.username(), dispense.getPerformerFirstRep().getActor().getIdentifier().getValue());

        Bundle ofPatient = read("fhir/BiologicallyDerivedProductDispense?patient=" + patient, integration, Bundle.class);
        assertEquals(1, ofPatient.getTotal());
        assertEquals(2, read("fhir/MedicationAdministration?patient=" + patient, integration, Bundle.class).getTotal(),
                "the dispense is no administration");
        refused("fhir/MedicationAdministration/" + dispensed.json().getString("administrationId"), nurse.token(), 404,
                OperationOutcome.IssueType.NOTFOUND);
        refused("fhir/BiologicallyDerivedProductDispense/" + lot.vialIds().get(0), nurse.token(), 404, OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void unknownIdsAndBadSearchesAnswerOperationOutcomes() {
        refused("fhir/BiologicallyDerivedProduct/" + UUID.randomUUID(), integration, 404, OperationOutcome.IssueType.NOTFOUND);
        refused("fhir/BiologicallyDerivedProduct/not-a-vial", integration, 404, OperationOutcome.IssueType.NOTFOUND);
        refused("fhir/MedicationAdministration/" + UUID.randomUUID(), nurse.token(), 404, OperationOutcome.IssueType.NOTFOUND);
        refused("fhir/BiologicallyDerivedProduct?colour=red", integration, 400, OperationOutcome.IssueType.INVALID);
        refused("fhir/BiologicallyDerivedProduct", integration, 400, OperationOutcome.IssueType.INVALID);
        refused("fhir/BiologicallyDerivedProduct?lot=" + lot.number() + "&_count=many", integration, 400, OperationOutcome.IssueType.INVALID);
        refused("fhir/MedicationAdministration?patient=" + patient + "&patient=other", nurse.token(), 400, OperationOutcome.IssueType.INVALID);
        refused("fhir/MedicationAdministration?patient=" + patient + "&_format=xml", nurse.token(), 406, OperationOutcome.IssueType.NOTSUPPORTED);
        refused("fhir/Patient/" + patient, nurse.token(), 404, OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void formatXmlWinsOverAcceptOnReadsAndMetadataAsOnSearchesAndFormatJsonWinsOverAnXmlAccept() {
        refused("fhir/BiologicallyDerivedProduct/" + lot.vialIds().get(2) + "?_format=xml", integration, 406, OperationOutcome.IssueType.NOTSUPPORTED);
        refused("fhir/MedicationAdministration/" + injection + "?_format=application/fhir%2Bxml", nurse.token(), 406,
                OperationOutcome.IssueType.NOTSUPPORTED);
        refused("fhir/metadata?_format=xml", null, 406, OperationOutcome.IssueType.NOTSUPPORTED);
        refused("fhir/BiologicallyDerivedProductDispense?patient=" + patient + "&_format=ttl", nurse.token(), 406,
                OperationOutcome.IssueType.NOTSUPPORTED);

        Reply json = fhir("fhir/MedicationAdministration/" + injection + "?_format=json", nurse.token(), "Accept", "application/fhir+xml");
        assertEquals(200, json.status(), json::toString);
        assertTrue(json.contentType().startsWith(FHIR_JSON), json::toString);
        Reply metadata = fhir("fhir/metadata?_format=application/fhir%2Bjson", null, "Accept", "application/xml");
        assertEquals(200, metadata.status(), metadata::toString);
        assertEquals(injection, FhirParser.parse(json.body(), MedicationAdministration.class).getIdElement().getIdPart());
    }

    @Test
    void aSearchThatFindsNothingIsABundleWithoutEntries() {
        Reply none = fhir("fhir/MedicationAdministration?patient=NOBODY-" + Api.unique(), nurse.token());
        assertEquals(200, none.status(), none::toString);
        assertEquals(0, none.json().getInt("total"));
        assertFalse(none.json().containsKey("entry"), "FHIR JSON has no empty arrays: " + none.body());
    }

    @Test
    void withoutATokenOrWithTheWrongRoleTheServiceRefusesAsEverywhere() {
        Reply anonymous = fhir("fhir/BiologicallyDerivedProduct/" + lot.vialIds().get(2), null);
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertTrue(anonymous.isProblem(), anonymous::toString);
        Reply nurseReadingAVial = fhir("fhir/BiologicallyDerivedProduct/" + lot.vialIds().get(2), nurse.token());
        assertEquals(403, nurseReadingAVial.status(), nurseReadingAVial::toString);
        assertTrue(nurseReadingAVial.isProblem(), nurseReadingAVial::toString);
    }

    @Test
    void theCapabilityStatementIsOpenToAnyoneAndSaysR5Json() {
        CapabilityStatement capabilities = read("fhir/metadata", null, CapabilityStatement.class);
        assertEquals(Enumerations.FHIRVersion._5_0_0, capabilities.getFhirVersion());
        assertEquals(List.of("BiologicallyDerivedProduct", "MedicationAdministration", "BiologicallyDerivedProductDispense"),
                capabilities.getRestFirstRep().getResource().stream().map(r -> r.getType()).toList());
        assertTrue(capabilities.getImplementation().getUrl().endsWith("/fhir/"), capabilities.getImplementation().getUrl());
    }

    @Test
    void theFhirResourcesLiveOnlyUnderFhir() {
        Reply underApi = api.get("api/BiologicallyDerivedProduct/" + lot.vialIds().get(2), integration);
        assertEquals(404, underApi.status(), underApi::toString);
        Reply openapi = api.get("/openapi", null);
        assertTrue(openapi.body().contains("/fhir/BiologicallyDerivedProduct"), "FHIR documented in /openapi");
        assertTrue(openapi.body().contains("/api/lots"), "the API still documented in /openapi");
    }
}
