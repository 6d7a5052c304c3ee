package org.exotrace.fhir.control;

import org.exotrace.testing.Conformance;
import org.exotrace.testing.FhirParser;
import org.hl7.fhir.r5.model.BiologicallyDerivedProduct;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.MedicationAdministration;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Organization;
import org.hl7.fhir.r5.model.Quantity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FhirResourcesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final UUID VIAL = UUID.fromString("6f1c2a8e-3b4d-4c5e-8f90-0123456789ab");

    private static FhirRows.Vial vial(String state, String lotStatus, LocalDate expires, FhirRows.ParticleCount count) {
        return new FhirRows.Vial(VIAL, "0001/A", "04912345000019", state, "NFC2611A", lotStatus, expires, "CORD_BLOOD", "MAXNFC-2",
                "max NFC 2cc", new BigDecimal("2.00"), 780_000_000_000L, "CPC-TOKYO-1", "Tokyo CPC", "FA5190003", "JP", count);
    }

    private static BiologicallyDerivedProduct parsed(FhirRows.Vial v) {
        return FhirParser.parse(FhirResources.biologicallyDerivedProduct(v, TODAY).toString(), BiologicallyDerivedProduct.class);
    }

    private static String property(BiologicallyDerivedProduct p, String code) {
        return p.getProperty().stream().filter(x -> x.getType().getCodingFirstRep().getCode().equals(code))
                .map(x -> x.getValueCodeableConcept().getCodingFirstRep().getCode()).findFirst().orElse(null);
    }

    @Test
    void aVialInStockOfAReleasedLotIsAvailableWithItsLotCpcExpiryAndParticleCount() {
        BiologicallyDerivedProduct p = parsed(vial("IN_STOCK", "RELEASED", TODAY,
                new FhirRows.ParticleCount(new BigDecimal("4.1E+11"), "particles/mL", "PASS")));
        assertEquals("available", p.getProductStatus().getCode());
        assertEquals("NFC2611A", p.getBiologicalSourceEvent().getValue());
        assertEquals(FhirResources.LOT_SYSTEM, p.getBiologicalSourceEvent().getSystem());
        assertEquals("2026-11-25", p.getExpirationDateElement().getValueAsString());
        assertEquals("04912345000019", p.getProductCode().getCoding().stream()
                .filter(c -> c.getSystem().equals(FhirResources.GTIN_SYSTEM)).findFirst().orElseThrow().getCode());
        Organization cpc = (Organization) p.getContained().get(0);
        assertEquals("#cpc", p.getProcessingFacilityFirstRep().getReference());
        assertEquals("Tokyo CPC", cpc.getName());
        assertEquals("FA5190003", cpc.getIdentifier().get(1).getValue());
        assertEquals("RELEASED", property(p, "quality-status"));
        assertEquals("CORD_BLOOD", property(p, "donor-source"));
        Quantity particles = p.getProperty().stream().filter(x -> x.getType().getCodingFirstRep().getCode().equals("particle-count"))
                .findFirst().orElseThrow().getValueQuantity();
        assertEquals(0, new BigDecimal("410000000000").compareTo(particles.getValue()));
        assertEquals("/mL", particles.getCode());
        assertEquals("particles/mL", particles.getUnit());
    }

    @Test
    void theVialIsIdentifiedByItsGs1DigitalLinkAndItsSerialUnderItsGtin() {
        BiologicallyDerivedProduct p = parsed(vial("IN_STOCK", "RELEASED", TODAY, null));
        assertEquals("https://id.gs1.org/01/04912345000019/21/0001%2FA", p.getIdentifier().get(0).getValue());
        assertEquals(FhirResources.URI_SYSTEM, p.getIdentifier().get(0).getSystem());
        assertEquals("0001/A", p.getIdentifier().get(1).getValue());
        assertEquals("urn:exotrace:serial:04912345000019", p.getIdentifier().get(1).getSystem());
    }

    @Test
    void aVialOfARecalledLotIsUnavailableAndSaysRecalled() {
        BiologicallyDerivedProduct p = parsed(vial("IN_STOCK", "RECALLED", TODAY.plusDays(90), null));
        assertEquals("unavailable", p.getProductStatus().getCode());
        assertEquals("RECALLED", property(p, "quality-status"));
    }

    @Test
    void aVialPastItsExpiryOrAlreadyUsedIsUnavailable() {
        assertEquals("unavailable", parsed(vial("IN_STOCK", "RELEASED", TODAY.minusDays(1), null)).getProductStatus().getCode());
        assertEquals("unavailable", parsed(vial("ADMINISTERED", "RELEASED", TODAY, null)).getProductStatus().getCode());
        assertEquals("unavailable", parsed(vial("IN_STOCK", "QUARANTINED", TODAY, null)).getProductStatus().getCode());
    }

    @Test
    void aLotWithoutAParticleCountResultHasNoParticleCountPropertyButTheLabelledCount() {
        BiologicallyDerivedProduct p = parsed(vial("IN_STOCK", "QUARANTINED", TODAY, null));
        assertTrue(p.getProperty().stream().noneMatch(x -> x.getType().getCodingFirstRep().getCode().equals("particle-count")));
        Quantity labelled = p.getProperty().stream().filter(x -> x.getType().getCodingFirstRep().getCode().equals("particles-per-vial"))
                .findFirst().orElseThrow().getValueQuantity();
        assertEquals(0, new BigDecimal("780000000000").compareTo(labelled.getValue()));
    }

    private static FhirRows.Dose dose(String patient, String route, String site) {
        return new FhirRows.Dose(UUID.fromString("11111111-2222-4333-8444-555555555555"), "ADMINISTERED", patient,
                Instant.parse("2026-11-24T10:15:30Z"), Instant.parse("2026-11-24T10:16:00Z"), route, site, site == null ? null : "left knee",
                new BigDecimal("1.500"), "THERAPY", "knee osteoarthritis", "nurse-sato", true,
                List.of(new FhirRows.DoseVial(VIAL, "0001", "NFC2611A", "04912345000019", "MAXNFC-2", "max NFC 2cc", new BigDecimal("1.500"))));
    }

    @Test
    void aDoseNamesThePatientTheNurseTheVialAndTheDoseInMl() {
        MedicationAdministration m = FhirParser.parse(FhirResources.medicationAdministration(dose("P-1001", "INJECTION", "INTRAMUSCULAR"),
                "urn:clinic:mrn").toString(), MedicationAdministration.class);
        assertNull(m.getSubject().getReference(), "a logical reference: no Patient/P-1001 this server would have to serve");
        assertEquals("Patient", m.getSubject().getType());
        assertEquals("urn:clinic:mrn", m.getSubject().getIdentifier().getSystem());
        assertEquals("P-1001", m.getSubject().getIdentifier().getValue());
        assertEquals("2026-11-24T10:15:30Z", m.getOccurenceDateTimeType().getValueAsString());
        assertEquals("nurse-sato", m.getPerformerFirstRep().getActor().getReference().getIdentifier().getValue());
        assertEquals("BiologicallyDerivedProduct/" + VIAL, m.getSupportingInformationFirstRep().getReference());
        assertEquals(0, new BigDecimal("1.5").compareTo(m.getDosage().getDose().getValue()));
        assertEquals("mL", m.getDosage().getDose().getCode());
        assertEquals("78421000", m.getDosage().getRoute().getCoding().get(0).getCode());
        assertEquals("INJECTION", m.getDosage().getRoute().getCoding().get(1).getCode());
        assertEquals("left knee", m.getDosage().getSite().getText());
        assertEquals("completed", m.getStatus().toCode());
    }

    @Test
    void anInjectionIntoTheFaceHasNoSnomedRouteOnlyTheServicesWord() {
        MedicationAdministration m = FhirParser.parse(FhirResources.medicationAdministration(dose("P-1001", "INJECTION", "FACE"),
                "urn:clinic:mrn").toString(), MedicationAdministration.class);
        assertEquals(1, m.getDosage().getRoute().getCoding().size());
        assertEquals(FhirResources.ROUTE_SYSTEM, m.getDosage().getRoute().getCodingFirstRep().getSystem());
    }

    @Test
    void aPatientIdThatIsNoFhirIdIsReferredToByIdentifierAsEveryOther() {
        MedicationAdministration m = FhirParser.parse(FhirResources.medicationAdministration(dose("P_1001", "IV_DRIP", null),
                "urn:clinic:mrn").toString(), MedicationAdministration.class);
        assertNull(m.getSubject().getReference());
        assertEquals("P_1001", m.getSubject().getIdentifier().getValue());
        assertFalse(m.getDosage().hasSite());
    }

    @Test
    void aSearchsetBundleCarriesTotalSelfNextAndFullUrls() {
        var json = FhirResources.searchset(250, "http://x/fhir/BiologicallyDerivedProduct?lot=A", "http://x/fhir/BiologicallyDerivedProduct?lot=A&_offset=100",
                "http://x/fhir/", "BiologicallyDerivedProduct", List.of(FhirResources.biologicallyDerivedProduct(vial("IN_STOCK", "RELEASED", TODAY, null), TODAY)));
        Bundle b = FhirParser.parse(json.toString(), Bundle.class);
        assertEquals(250, b.getTotal());
        assertEquals(Bundle.BundleType.SEARCHSET, b.getType());
        assertEquals("http://x/fhir/BiologicallyDerivedProduct?lot=A&_offset=100", b.getLink("next").getUrl());
        assertEquals("http://x/fhir/BiologicallyDerivedProduct/" + VIAL, b.getEntryFirstRep().getFullUrl());
        assertEquals(Bundle.SearchEntryMode.MATCH, b.getEntryFirstRep().getSearch().getMode());
    }

    @Test
    void theLastPageHasNoNextLink() {
        Bundle b = FhirParser.parse(FhirResources.searchset(0, "http://x/fhir/MedicationAdministration?patient=P", null, "http://x/fhir/",
                "MedicationAdministration", List.of()).toString(), Bundle.class);
        assertNull(b.getLink("next"));
        assertEquals(0, b.getTotal());
    }

    @Test
    void aSearchThatFindsNothingHasNoEntryRatherThanAnEmptyArrayWhichFhirJsonForbids() {
        var json = FhirResources.searchset(0, "http://x/fhir/MedicationAdministration?patient=P", null, "http://x/fhir/",
                "MedicationAdministration", List.of());
        assertFalse(json.containsKey("entry"), json::toString);
        Conformance.assertFhir(json.toString());
    }

    @Test
    void everyResourceWrittenHereIsConformantR5ByHl7sSchemaAndRules() {
        Conformance.assertFhir(FhirResources.biologicallyDerivedProduct(vial("IN_STOCK", "RELEASED", TODAY,
                new FhirRows.ParticleCount(new BigDecimal("4.1E+11"), "particles/mL", "PASS")), TODAY).toString());
        Conformance.assertFhir(FhirResources.medicationAdministration(dose("P_1001", "INJECTION", "INTRAMUSCULAR"), "urn:clinic:mrn").toString());
        Conformance.assertFhir(FhirResources.biologicallyDerivedProductDispense(dispense(), "urn:clinic:mrn").toString());
        Conformance.assertFhir(FhirResources.searchset(250, "http://x/fhir/BiologicallyDerivedProduct?lot=A", "http://x/fhir/BiologicallyDerivedProduct?lot=A&_offset=100",
                "http://x/fhir/", "BiologicallyDerivedProduct", List.of(FhirResources.biologicallyDerivedProduct(vial("IN_STOCK", "RELEASED", TODAY, null), TODAY))).toString());
        Conformance.assertFhir(FhirResources.operationOutcome("not-found", "no such vial").toString());
    }

    @Test
    void anOperationOutcomeIsOneErrorIssue() {
        OperationOutcome o = FhirParser.parse(FhirResources.operationOutcome("not-found", "no such vial").toString(), OperationOutcome.class);
        assertEquals(OperationOutcome.IssueSeverity.ERROR, o.getIssueFirstRep().getSeverity());
        assertEquals(OperationOutcome.IssueType.NOTFOUND, o.getIssueFirstRep().getCode());
    }

    @Test
    void theStrictParserRefusesAnElementR5DoesNotDefineSoTheseTestsWouldSeeOne() {
        String withQualityStatus = FhirResources.biologicallyDerivedProduct(vial("IN_STOCK", "RELEASED", TODAY, null), TODAY).toString()
                .replaceFirst("\\{", "{\"qualityStatus\":{\"text\":\"released\"},");
        assertThrows(ca.uhn.fhir.parser.DataFormatException.class, () -> FhirParser.parse(withQualityStatus, BiologicallyDerivedProduct.class));
    }

    private static FhirRows.Dispense dispense() {
        return new FhirRows.Dispense(VIAL, UUID.fromString("11111111-2222-4333-8444-555555555555"), "P-1001",
                Instant.parse("2026-11-24T10:15:30Z"), "NASAL", new BigDecimal("4.000"), "nurse-sato", "0001", "ASC2611", "EXO Pure ASC", true);
    }

    @Test
    void aVialDispensedForHomeUseIsABiologicallyDerivedProductDispenseOfThatVialToThePatient() {
        var parsed = FhirParser.parse(FhirResources.biologicallyDerivedProductDispense(dispense(), "urn:clinic:mrn").toString(),
                org.hl7.fhir.r5.model.BiologicallyDerivedProductDispense.class);
        assertEquals("BiologicallyDerivedProduct/" + VIAL, parsed.getProduct().getReference());
        assertNull(parsed.getPatient().getReference(), "a logical reference: no Patient/P-1001 this server would have to serve");
        assertEquals("P-1001", parsed.getPatient().getIdentifier().getValue());
        assertEquals("urn:clinic:mrn", parsed.getPatient().getIdentifier().getSystem());
        assertEquals("issued", parsed.getStatus().toCode());
        assertEquals("2026-11-24T10:15:30Z", parsed.getWhenHandedOverElement().getValueAsString());
        assertEquals(0, new BigDecimal("4").compareTo(parsed.getQuantity().getValue()));
        assertEquals("11111111-2222-4333-8444-555555555555", parsed.getIdentifierFirstRep().getValue());
        assertEquals("nurse-sato", parsed.getPerformerFirstRep().getActor().getIdentifier().getValue());
    }
}
