package org.exotrace.fhir.boundary;

import org.exotrace.testing.FhirParser;
import org.hl7.fhir.r5.model.CapabilityStatement;
import org.hl7.fhir.r5.model.Enumerations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetadataResourceTest {

    @Test
    void theCapabilityStatementIsR5JsonWithTheResourcesAndSearchParametersServed() {
        CapabilityStatement c = FhirParser.parse(MetadataResource.capabilityStatement("http://x/fhir/").toString(), CapabilityStatement.class);
        assertEquals(Enumerations.FHIRVersion._5_0_0, c.getFhirVersion());
        assertEquals("json", c.getFormat().get(0).getValue());
        var resources = c.getRestFirstRep().getResource();
        assertEquals(List.of("BiologicallyDerivedProduct", "MedicationAdministration", "BiologicallyDerivedProductDispense"),
                resources.stream().map(r -> r.getType()).toList());
        assertEquals(List.of("lot", "biological-source-event", "_count", "_offset"),
                resources.get(0).getSearchParam().stream().map(p -> p.getName()).toList());
        assertEquals(List.of("patient", "lot", "_count", "_offset"), resources.get(1).getSearchParam().stream().map(p -> p.getName()).toList());
        assertEquals(List.of("patient", "_count", "_offset"), resources.get(2).getSearchParam().stream().map(p -> p.getName()).toList());
    }

    @Test
    void eachRefusalGetsTheIssueTypeOfItsStatus() {
        assertEquals("not-found", OperationOutcomes.issueType(404));
        assertEquals("invalid", OperationOutcomes.issueType(400));
        assertEquals("invalid", OperationOutcomes.issueType(422));
        assertEquals("not-supported", OperationOutcomes.issueType(406));
        assertEquals("transient", OperationOutcomes.issueType(503));
        assertEquals("exception", OperationOutcomes.issueType(500));
    }

    @Test
    void theOpenApiDocumentMovesOnlyTheFhirResourcesToFhir() {
        assertEquals("/fhir/BiologicallyDerivedProduct/{id}", FhirOpenApiPaths.fhirPath("/api/BiologicallyDerivedProduct/{id}"));
        assertEquals("/fhir/MedicationAdministration", FhirOpenApiPaths.fhirPath("/api/MedicationAdministration"));
        assertEquals("/fhir/metadata", FhirOpenApiPaths.fhirPath("/api/metadata"));
        assertEquals("/fhir/BiologicallyDerivedProductDispense/{id}", FhirOpenApiPaths.fhirPath("/api/BiologicallyDerivedProductDispense/{id}"));
        assertEquals(null, FhirOpenApiPaths.fhirPath("/api/lots/{lotNumber}"));
        assertEquals(null, FhirOpenApiPaths.fhirPath("/api/metadataX"));
    }
}
