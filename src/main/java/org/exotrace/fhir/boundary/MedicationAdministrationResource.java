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
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.Role;

import java.util.List;
import java.util.Set;

/**
 * Each dose given at the clinic as a FHIR R5 {@code MedicationAdministration}; read like a patient's doses (NURSE, QA,
 * INTEGRATION) and audited the same way. A search by lot alone is the forward trace's question: QA and INTEGRATION only.
 */
@Path("MedicationAdministration")
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class MedicationAdministrationResource {

    static final String TYPE = "MedicationAdministration";
    static final String PATIENT = "patient";
    static final String LOT = "lot";

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
    @Operation(summary = "FHIR R5 read: one dose given at the clinic as a MedicationAdministration",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\", \"QA\", \"INTEGRATION\"]", parseValue = true),
            description = "The administrationId of POST /api/administrations. subject: the patient by identifier (a logical reference: this server serves no Patient), "
                    + "occurenceDateTime, performer: the nurse, dosage: route, site, dose in mL; supportingInformation: each vial used as "
                    + "BiologicallyDerivedProduct/{vialId}. Audited as DOSE_READ. 404 OperationOutcome not-found for an unknown id or a "
                    + "home-use dispense (not an administration).")
    @APIResponse(responseCode = "200", description = "the dose", content = @Content(mediaType = Fhir.MEDIA_TYPE, examples = @ExampleObject(
            name = "dose", value = "{\"resourceType\":\"MedicationAdministration\",\"status\":\"completed\",\"subject\":{\"type\":"
            + "\"Patient\",\"identifier\":{\"system\":\"urn:exotrace:patient-id\",\"value\":\"P-1001\"}},\"occurenceDateTime\":\"2026-11-24T10:15:30Z\"}")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: OperationOutcome, issue not-found: no such dose")
    public Response read(@PathParam("id") String id) {
        FhirRows.Dose dose = reads.dose(Fhir.id(TYPE, id), caller.getUserPrincipal().getName()).orElseThrow(() -> Fhir.notFound(TYPE, id));
        return Fhir.ok(FhirResources.medicationAdministration(dose, patientSystem));
    }

    @GET
    @RolesAllowed({Role.NURSE_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "FHIR R5 search: doses given at the clinic, newest first, as a searchset Bundle",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\", \"QA\", \"INTEGRATION\"]", parseValue = true),
            description = "patient=ID (or Patient/ID, or system|ID) and/or lot=LOTNUMBER; _count (default 100, at most 1000) and _offset page "
                    + "it. Audited as PATIENT_DOSES_READ (with patient) or LOT_TRACE_READ (lot alone, QA and INTEGRATION only: 403 "
                    + "FORBIDDEN for a nurse). 400 OperationOutcome for an unknown or repeated parameter, or neither.")
    @APIResponse(responseCode = "200", description = "Bundle of type searchset with total")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: OperationOutcome, issue invalid: an unknown or repeated search parameter, or none")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: problem+json: a lot's doses for a role that may not trace lots")
    public Response search(@Parameter(description = "the clinic's patient id", example = "P-1001") @QueryParam(PATIENT) String patient,
                           @Parameter(description = "the lot number", example = "NFC2611A") @QueryParam(LOT) String lot,
                           @Parameter(description = "page size, default 100, at most 1000") @QueryParam(Fhir.COUNT) String countParameter,
                           @Parameter(description = "rows to skip") @QueryParam(Fhir.OFFSET) String offsetParameter) {
        Fhir.parameters(uri, Set.of(PATIENT, LOT));
        if (patient == null && lot == null) {
            throw Fhir.badSearch("search doses by patient=ID and/or lot=LOTNUMBER");
        }
        if (patient == null && !caller.isUserInRole(Role.QA_NAME) && !caller.isUserInRole(Role.INTEGRATION_NAME)) {
            throw new ProblemException(403, "FORBIDDEN", "Forbidden", "Your role does not allow this: a lot's doses are read by QA and INTEGRATION");
        }
        int count = Fhir.count(countParameter);
        long offset = Fhir.offset(offsetParameter);
        var patientId = patient == null ? java.util.Optional.<String>empty() : Fhir.patientId(patient, patientSystem);
        var lotNumber = lot == null ? java.util.Optional.<String>empty() : Fhir.token(lot, FhirResources.LOT_SYSTEM);
        boolean otherSystem = patient != null && patientId.isEmpty() || lot != null && lotNumber.isEmpty();
        FhirRows.Page<FhirRows.Dose> page = otherSystem ? new FhirRows.Page<>(List.of(), 0)
                : reads.doses(patientId.orElse(null), lotNumber.orElse(null), count, offset, caller.getUserPrincipal().getName());
        return Fhir.searchset(uri, TYPE, page.total(), count, offset, page.rows(), d -> FhirResources.medicationAdministration(d, patientSystem));
    }
}
