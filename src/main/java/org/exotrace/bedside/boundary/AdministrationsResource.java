package org.exotrace.bedside.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.exotrace.bedside.control.Dosing;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.platform.boundary.Required;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.Role;

import java.util.UUID;

/** Doses given at the clinic. */
@Path("administrations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdministrationsResource {

    @Inject
    Dosing dosing;

    @Context
    SecurityContext caller;

    @POST
    @RolesAllowed(Role.NURSE_NAME)
    @Operation(summary = "Record a dose given at the clinic; the nurse is the signed-in user",
            description = "Header Idempotency-Key (required): a retry with the same key and body within 24 h answers with the same dose "
                    + "(header Idempotent-Replayed: true) and writes nothing; the same key with another body is 422 IDEMPOTENCY_KEY_REUSED. "
                    + "409 VIAL_BLOCKED with the scan's reason words (reasons). 422 VALIDATION_FAILED naming the field.")
    public Response administer(@Valid @Required DoseRequest request, @HeaderParam(Doses.IDEMPOTENCY_KEY) String key, @Context UriInfo uri) {
        return Doses.record(dosing, DoseKind.ADMINISTERED, request, key, caller.getUserPrincipal().getName(), uri.getAbsolutePathBuilder());
    }

    @GET
    @Path("{administrationId}")
    @RolesAllowed({Role.NURSE_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "One recorded dose, administered or dispensed")
    public DoseView get(@PathParam("administrationId") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("administration", id);
        }
        return dosing.read(uuid, caller.getUserPrincipal().getName()).map(DoseView::of).orElseThrow(() -> ProblemException.notFound("administration", id));
    }
}
