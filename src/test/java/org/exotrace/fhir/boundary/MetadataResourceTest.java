package org.exotrace.fhir.boundary;

import org.exotrace.testing.Conformance;
import org.exotrace.testing.FhirParser;
import org.hl7.fhir.r5.model.CapabilityStatement;
import org.hl7.fhir.r5.model.Enumerations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void everySearchParameterDefinitionNamedIsR5CoresOwnForThatResourceAndCode() {
        String json = MetadataResource.capabilityStatement("http://x/fhir/").toString();
        Conformance.assertFhir(json);
        CapabilityStatement c = FhirParser.parse(json, CapabilityStatement.class);
        int named = 0;
        for (var resource : c.getRestFirstRep().getResource()) {
            for (var parameter : resource.getSearchParam()) {
                if (parameter.hasDefinition()) {
                    named++;
                    assertTrue(Conformance.isR5SearchParameter(parameter.getDefinition(), parameter.getName(), resource.getType()),
                            () -> resource.getType() + "?" + parameter.getName() + " is not R5's " + parameter.getDefinition());
                }
            }
        }
        assertEquals(3, named);
        assertEquals("http://hl7.org/fhir/SearchParameter/clinical-patient", c.getRestFirstRep().getResource().get(1).getSearchParam().get(0).getDefinition());
    }

    @Test
    void formatJsonInAnyOfItsNamesIsJsonAndNothingElseIs() {
        assertTrue(FhirFormat.isJson("json"));
        assertTrue(FhirFormat.isJson("application/fhir+json"));
        assertTrue(FhirFormat.isJson("application/fhir+json; fhirVersion=5.0"));
        assertTrue(FhirFormat.isJson("application/json"));
        assertFalse(FhirFormat.isJson("xml"));
        assertFalse(FhirFormat.isJson("application/fhir+xml"));
        assertFalse(FhirFormat.isJson("ttl"));
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
