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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
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

    /** A dose as the API answers it: the example in /openapi. */
    static final String DOSE_EXAMPLE = "{\"administeredAt\":\"2026-11-25T18:31:45.636240Z\","
            + "\"administrationId\":\"7751375e-2c05-4ca7-8cab-6ba0250ec296\",\"indication\":\"knee osteoarthritis\","
            + "\"kind\":\"ADMINISTERED\",\"nurse\":\"nurse1\",\"particles\":780000000000,\"patientId\":\"P-1001\","
            + "\"purpose\":\"THERAPY\",\"recordedAt\":\"2026-11-25T18:31:45.636240Z\",\"route\":\"IV_DRIP\","
            + "\"vials\":[{\"cpcCode\":\"CPC-TOKYO-1\",\"expiresOn\":\"2027-05-31\",\"lotNumber\":\"NFC2611A\","
            + "\"productCode\":\"MAXNFC-2\",\"productName\":\"max NFC 2cc\",\"remainderMl\":0.0,\"scanned\":true,"
            + "\"serial\":\"0001\",\"vialId\":\"549ac932-8402-42f9-9e93-56894780ab42\",\"volumeMl\":2.0}],\"volumeMl\":2.0,"
            + "\"warnings\":[]}";

    @Inject
    Dosing dosing;

    @Context
    SecurityContext caller;

    @POST
    @RolesAllowed(Role.NURSE_NAME)
    @Operation(summary = "Record a dose given at the clinic; the nurse is the signed-in user",
            description = "Header Idempotency-Key (required): a retry with the same key and body within 24 h answers 201 with "
                + "the same dose (header Idempotent-Replayed: true) and writes nothing. Give barcode (scanned), vialId "
                + "(chosen by hand, scanned:false) or vials (several).",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DoseRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"barcode\":\"(01)04912345000019(17)270531(10)NFC2611A(21)0001\",\"patientId\":\"P-1001\","
                        + "\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"THERAPY\",\"indication\":\"knee osteoarthritis\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the dose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DoseView.class),
                    examples = @ExampleObject(name = "example", value = DOSE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = Doses.REFUSED_400)
    @APIResponse(responseCode = "409", description = Doses.REFUSED_409)
    @APIResponse(responseCode = "422", description = Doses.REFUSED_422)
    public Response administer(@Valid @Required DoseRequest request, @HeaderParam(Doses.IDEMPOTENCY_KEY) String key, @Context UriInfo uri) {
        return Doses.record(dosing, DoseKind.ADMINISTERED, request, key, caller.getUserPrincipal().getName(), uri.getAbsolutePathBuilder());
    }

    @GET
    @Path("{administrationId}")
    @RolesAllowed({Role.NURSE_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "One recorded dose, administered or dispensed (audited as DOSE_READ)",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\", \"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The dose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DoseView.class),
                    examples = @ExampleObject(name = "example", value = DOSE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no dose has this id")
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
