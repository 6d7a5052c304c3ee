package org.exotrace.bedside.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.exotrace.security.entity.Role;

/** Home-use products (nasal, eye drops) handed to the patient. */
@Path("dispenses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DispensesResource {

    @Inject
    Dosing dosing;

    @Context
    SecurityContext caller;

    @POST
    @RolesAllowed(Role.NURSE_NAME)
    @Operation(summary = "Record whole vials of a home-use product handed to the patient (route NASAL or EYE_DROP)",
            description = "Same body, checks, Idempotency-Key and refusals as POST /api/administrations; volumeMl may be left "
                + "out (the vials' whole volume). The answer's Location is under /api/administrations.",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DoseRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"barcode\":\"(01)04912345000026(17)270531(10)ASC2611B(21)0007\",\"patientId\":\"P-1001\",\"route\":\"NASAL\","
                        + "\"purpose\":\"WELLNESS\"}")))
    @APIResponse(responseCode = "201", description = "Recorded (kind DISPENSED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DoseView.class)))
    @APIResponse(responseCode = "400", description = Doses.REFUSED_400)
    @APIResponse(responseCode = "409", description = Doses.REFUSED_409)
    @APIResponse(responseCode = "422", description = Doses.REFUSED_422)
    public Response dispense(@Valid @Required DoseRequest request, @HeaderParam(Doses.IDEMPOTENCY_KEY) String key, @Context UriInfo uri) {
        return Doses.record(dosing, DoseKind.DISPENSED, request, key, caller.getUserPrincipal().getName(),
                uri.getBaseUriBuilder().path("administrations"));
    }
}
