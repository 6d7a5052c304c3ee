package org.exotrace.vial.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.platform.boundary.Required;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.Role;
import org.exotrace.vial.control.Stock;
import org.exotrace.vial.entity.MovementKind;
import org.exotrace.vial.entity.StockMovement;
import org.exotrace.vial.entity.Vial;
import org.exotrace.vial.entity.VialState;
import org.exotrace.vial.entity.WasteReason;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One vial, its history, moving it and wasting it (INVENTORY). */
@Path("vials/{vialId}")
@RolesAllowed(Role.INVENTORY_NAME)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class VialsResource {

    public static class Move {
        @NotBlank
        @Size(max = 64)
        public String location;
    }

    public static class Waste {
        @NotNull
        public WasteReason reason;
        @Size(max = 500)
        public String note;
    }

    public static class Reversal {
        @NotNull
        public Long seq;
        @NotBlank
        @Size(max = 500)
        public String reason;
    }

    public record VialSummary(UUID vialId, String serial, VialState state, String location) {
        public static VialSummary of(Vial v) {
            return new VialSummary(v.id(), v.serial(), v.state(), v.location());
        }
    }

    public record MovementView(long seq, MovementKind kind, String fromLocation, String toLocation, VialState stateAfter,
                               String reason, String note, Instant at, String actor, Long reverses) {
        static MovementView of(StockMovement m) {
            return new MovementView(m.seq(), m.kind(), m.fromLocation().orElse(null), m.toLocation().orElse(null), m.stateAfter(),
                    m.reason().orElse(null), m.note().orElse(null), m.at(), m.actor(), m.reverses().orElse(null));
        }
    }

    public record VialView(UUID vialId, String gtin, String serial, VialState state, String location, String lotNumber,
                           String productCode, LocalDate expiresOn, String lotStatus, List<MovementView> history) {
    }

    @Inject
    Stock stock;

    @Context
    SecurityContext caller;

    @GET
    @Operation(summary = "One vial with its whole stock-ledger history",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The vial",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VialView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no vial has this id")
    public VialView get(@PathParam("vialId") String vialId) {
        UUID id = id(vialId);
        Vial v = stock.find(id).orElseThrow(() -> ProblemException.notFound("vial", vialId));
        return new VialView(v.id(), v.gtin(), v.serial(), v.state(), v.location(), v.lot().lotNumber(), v.lot().product().code(),
                v.lot().expiresOn(), v.lot().status().name(), stock.history(id).stream().map(MovementView::of).toList());
    }

    @POST
    @Path("moves")
    @Operation(summary = "Move a vial to another storage location",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Move.class),
                    examples = @ExampleObject(name = "example", value = "{\"location\":\"FRIDGE-2\"}")))
    @APIResponse(responseCode = "201", description = "The stock-ledger row appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no vial has this id")
    @APIResponse(responseCode = "409", description = "VIAL_NOT_IN_STOCK, ALREADY_THERE: the vial left stock, or is at that location")
    public Response move(@PathParam("vialId") String vialId, @Valid @Required Move request) {
        StockMovement m = stock.move(id(vialId), request.location.strip(), caller.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(MovementView.of(m)).build();
    }

    @POST
    @Path("waste")
    @Operation(summary = "Record a vial as waste (broken, expired, opened and not used, temperature excursion ...)",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Waste.class),
                    examples = @ExampleObject(name = "example", value = "{\"reason\":\"BROKEN\",\"note\":\"dropped while thawing\"}")))
    @APIResponse(responseCode = "201", description = "The stock-ledger row appended",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no vial has this id")
    @APIResponse(responseCode = "409", description = "VIAL_NOT_IN_STOCK: the vial already left stock")
    public Response waste(@PathParam("vialId") String vialId, @Valid @Required Waste request) {
        StockMovement m = stock.waste(id(vialId), request.reason, request.note, caller.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(MovementView.of(m)).build();
    }

    @POST
    @Path("reversals")
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME})
    @Operation(summary = "Reverse the vial's latest stock-ledger row (a waste, a move, a count's adjustment, or a reversal of one) "
            + "recorded in error: a new REVERSED row names it, the original stays",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\", \"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Reversal.class),
                    examples = @ExampleObject(name = "example", value = "{\"seq\":1042,\"reason\":\"wasted the wrong vial: this one is on the shelf\"}")))
    @APIResponse(responseCode = "201", description = "The REVERSED row appended; the vial is back where and what it was before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MovementView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no vial has this id")
    @APIResponse(responseCode = "409", description = "NOT_LATEST_MOVEMENT: the row is not the vial's latest; NOT_REVERSIBLE: a receipt, or a "
            + "dose's row (correct the dose instead)")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no seq or no reason")
    public Response reverse(@PathParam("vialId") String vialId, @Valid @Required Reversal request) {
        StockMovement m = stock.reverse(id(vialId), request.seq, request.reason.strip(), caller.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(MovementView.of(m)).build();
    }

    private static UUID id(String vialId) {
        try {
            return UUID.fromString(vialId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("vial", vialId.length() > 40 ? vialId.substring(0, 40) + "…" : vialId);
        }
    }
}
