package org.exotrace.fhir.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.fhir.control.FhirReads;
import org.exotrace.fhir.control.FhirResources;
import org.exotrace.fhir.control.FhirRows;
import org.exotrace.security.entity.Role;

import java.util.List;
import java.util.Set;

/**
 * Each vial dispensed for home use (nasal, eye drops: {@code POST /api/dispenses}) as a FHIR R5
 * {@code BiologicallyDerivedProductDispense}, one per vial; read like a patient's doses (NURSE, QA, INTEGRATION).
 */
@Path("BiologicallyDerivedProductDispense")
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class BiologicallyDerivedProductDispenseResource {

    static final String TYPE = "BiologicallyDerivedProductDispense";
    static final String PATIENT = "patient";

    @Inject
    FhirReads reads;

    @Inject
    @ConfigProperty(name = "exotrace.fhir.patient-identifier-system")
    String patientSystem;

    @Context
    UriInfo uri;

    @Context
    SecurityContext caller;

    @GET
    @Path("{id}")
    @RolesAllowed({Role.NURSE_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "FHIR R5 read: one vial dispensed for home use as a BiologicallyDerivedProductDispense",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\", \"QA\", \"INTEGRATION\"]", parseValue = true),
            description = "{id} is the vialId. product: BiologicallyDerivedProduct/{vialId}; patient by identifier (a logical reference); performer: the nurse; quantity in mL; "
                    + "whenHandedOver; identifier: the administrationId of POST /api/dispenses. Audited as DOSE_READ. 404 OperationOutcome "
                    + "not-found for a vial not dispensed.")
    @APIResponse(responseCode = "200", description = "the dispense", content = @Content(mediaType = Fhir.MEDIA_TYPE, examples = @ExampleObject(
            name = "dispense", value = "{\"resourceType\":\"BiologicallyDerivedProductDispense\",\"status\":\"issued\",\"patient\":"
            + "{\"type\":\"Patient\",\"identifier\":{\"system\":\"urn:exotrace:patient-id\",\"value\":\"P-1001\"}},\"whenHandedOver\":\"2026-11-24T10:15:30Z\"}")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: OperationOutcome, issue not-found: no such dispense")
    public Response read(@PathParam("id") String id) {
        FhirRows.Dispense dispense = reads.dispense(Fhir.id(TYPE, id), caller.getUserPrincipal().getName())
                .orElseThrow(() -> Fhir.notFound(TYPE, id));
        return Fhir.ok(FhirResources.biologicallyDerivedProductDispense(dispense, patientSystem));
    }

    @GET
    @RolesAllowed({Role.NURSE_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "FHIR R5 search: a patient's vials dispensed for home use, newest first, as a searchset Bundle",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\", \"QA\", \"INTEGRATION\"]", parseValue = true),
            description = "patient=ID (or Patient/ID, or system|ID); _count (default 100, at most 1000) and _offset page it. Audited as "
                    + "PATIENT_DOSES_READ. 400 OperationOutcome for an unknown or repeated parameter, or none.")
    @APIResponse(responseCode = "200", description = "Bundle of type searchset with total")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: OperationOutcome, issue invalid: an unknown or repeated search parameter, or none")
    public Response search(@Parameter(description = "the clinic's patient id", example = "P-1001") @QueryParam(PATIENT) String patient,
                           @Parameter(description = "page size, default 100, at most 1000") @QueryParam(Fhir.COUNT) String countParameter,
                           @Parameter(description = "rows to skip") @QueryParam(Fhir.OFFSET) String offsetParameter) {
        Fhir.parameters(uri, Set.of(PATIENT));
        if (patient == null) {
            throw Fhir.badSearch("search dispenses by patient=ID");
        }
        int count = Fhir.count(countParameter);
        long offset = Fhir.offset(offsetParameter);
        FhirRows.Page<FhirRows.Dispense> page = Fhir.patientId(patient, patientSystem)
                .map(id -> reads.dispensesOf(id, count, offset, caller.getUserPrincipal().getName()))
                .orElse(new FhirRows.Page<>(List.of(), 0));
        return Fhir.searchset(uri, TYPE, page.total(), count, offset, page.rows(),
                d -> FhirResources.biologicallyDerivedProductDispense(d, patientSystem));
    }
}
