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
import jakarta.ws.rs.core.UriInfo;
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

import java.time.LocalDate;
import java.util.Set;

/** Each vial as a FHIR R5 {@code BiologicallyDerivedProduct}; read like the forward trace (QA, INTEGRATION). */
@Path("BiologicallyDerivedProduct")
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class BiologicallyDerivedProductResource {

    static final String TYPE = "BiologicallyDerivedProduct";
    /** The lot number: R5's own {@code biological-source-event}, and {@code lot}, the same by a shorter name. */
    static final String LOT = "lot";
    static final String SOURCE_EVENT = "biological-source-event";

    @Inject
    FhirReads reads;

    @Context
    UriInfo uri;

    @GET
    @Path("{id}")
    @RolesAllowed({Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "FHIR R5 read: one vial as a BiologicallyDerivedProduct",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true),
            description = "GTIN and serial (GS1 Digital Link), product, lot (biologicalSourceEvent), CPC (contained Organization), expiry, "
                    + "productStatus (available: in stock, lot RELEASED, not expired), and properties quality-status (the lot's status), "
                    + "vial-state, donor-source, particle-count (the lot's current PARTICLE_COUNT result), particles-per-vial, volume. "
                    + "404 OperationOutcome not-found for an unknown id.")
    @APIResponse(responseCode = "200", description = "the vial", content = @Content(mediaType = Fhir.MEDIA_TYPE, examples = @ExampleObject(
            name = "vial", value = "{\"resourceType\":\"BiologicallyDerivedProduct\",\"id\":\"6f1c...\",\"biologicalSourceEvent\":"
            + "{\"system\":\"urn:exotrace:lot-number\",\"value\":\"NFC2611A\"},\"expirationDate\":\"2027-05-31\"}")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: OperationOutcome, issue not-found: no such vial")
    public Response read(@PathParam("id") String id) {
        FhirRows.Vial vial = reads.vial(Fhir.id(TYPE, id)).orElseThrow(() -> Fhir.notFound(TYPE, id));
        return Fhir.ok(FhirResources.biologicallyDerivedProduct(vial, reads.today()));
    }

    @GET
    @RolesAllowed({Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "FHIR R5 search: the vials of a lot, as a searchset Bundle",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true),
            description = "lot=LOTNUMBER (or R5's biological-source-event=LOTNUMBER, also as urn:exotrace:lot-number|LOTNUMBER), by product and "
                    + "serial; _count (default 100, at most 1000) and _offset page it, and link next names the following page. "
                    + "400 OperationOutcome for an unknown or repeated parameter, or none.")
    @APIResponse(responseCode = "200", description = "Bundle of type searchset with total")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: OperationOutcome, issue invalid: an unknown or repeated search parameter, or none")
    public Response search(@Parameter(description = "the lot number", example = "NFC2611A") @QueryParam(LOT) String lot,
                           @Parameter(description = "the lot number, R5's name") @QueryParam(SOURCE_EVENT) String sourceEvent,
                           @Parameter(description = "page size, default 100, at most 1000") @QueryParam(Fhir.COUNT) String countParameter,
                           @Parameter(description = "rows to skip") @QueryParam(Fhir.OFFSET) String offsetParameter) {
        Fhir.parameters(uri, Set.of(LOT, SOURCE_EVENT));
        if ((lot == null) == (sourceEvent == null)) {
            throw Fhir.badSearch("search the vials of a lot: lot=LOTNUMBER or biological-source-event=LOTNUMBER (one of them)");
        }
        int count = Fhir.count(countParameter);
        long offset = Fhir.offset(offsetParameter);
        LocalDate today = reads.today();
        var page = Fhir.token(lot != null ? lot : sourceEvent, FhirResources.LOT_SYSTEM)
                .map(number -> reads.vialsOfLot(number, count, offset))
                .orElse(new FhirRows.Page<>(java.util.List.of(), 0));
        return Fhir.searchset(uri, TYPE, page.total(), count, offset, page.rows(), v -> FhirResources.biologicallyDerivedProduct(v, today));
    }
}
