package org.exotrace.vial.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Response;
import org.exotrace.platform.boundary.Required;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.security.entity.Role;
import org.exotrace.vial.control.Stock;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What is on hand, first expiry first. */
@Path("stock")
@RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    public record StockView(LocalDate asOf, List<Stock.Line> lines, int page, int size) {
    }

    /** A bean parameter, not a constrained method parameter: see docs/adr/0003. */
    public static class Window {
        @QueryParam("withinDays")
        @DefaultValue("30")
        @Min(0)
        @Max(3650)
        int withinDays;
    }

    public static class Count {
        @NotBlank
        @Size(max = 64)
        public String location;
        @NotNull
        @Size(max = 100_000)
        public List<@NotNull UUID> vialIds;
    }

    public record CountView(String location, int expected, int counted, int matched, List<VialsResource.VialSummary> missing,
                            List<VialsResource.VialSummary> relocated, List<VialsResource.VialSummary> notInStock,
                            List<UUID> unknown) {
    }

    @Inject
    Stock stock;

    @Context
    SecurityContext caller;

    @POST
    @Path("counts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INVENTORY_NAME)
    @Operation(summary = "Record a physical count of one location",
            description = "vialIds: every vial found on the shelf. Vials recorded there but not found leave stock "
                + "(MISSING_AT_COUNT); vials found there but recorded elsewhere move there (FOUND_AT_COUNT); unknown "
                + "and not-in-stock vials are reported.",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Count.class),
                    examples = @ExampleObject(name = "example", value = "{\"location\":\"FREEZER-1\",\"vialIds\":[\"5d51d971-b656-4a72-8d28-56c366671400\"]}")))
    @APIResponse(responseCode = "201", description = "The count",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CountView.class)))
    public Response count(@Valid @Required Count request) {
        Stock.CountResult r = stock.count(request.location.strip(), request.vialIds, caller.getUserPrincipal().getName());
        return Response.status(201).entity(new CountView(r.location(), r.expected(), r.counted(), r.matched(),
                r.missing().stream().map(VialsResource.VialSummary::of).toList(),
                r.relocated().stream().map(VialsResource.VialSummary::of).toList(),
                r.notInStock().stream().map(VialsResource.VialSummary::of).toList(), r.unknown())).build();
    }

    @GET
    @Operation(summary = "Vials in stock by product, lot and location, first expiry first (FEFO)",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\", \"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The stock",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StockView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: page or size out of range (page 0..1000000, size 1..500)")
    public StockView onHand(@Valid @BeanParam PageRequest page) {
        return new StockView(stock.today(), stock.onHand(Optional.empty(), page.page(), page.size()), page.page(), page.size());
    }

    @GET
    @Path("expiring")
    @Operation(summary = "Vials in stock whose lot expires within N days (default 30), including already expired ones",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\", \"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The stock that expires soon",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StockView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: withinDays not 0..3650, or page or size out of range")
    public StockView expiring(@Valid @BeanParam Window window, @Valid @BeanParam PageRequest page) {
        LocalDate today = stock.today();
        return new StockView(today, stock.onHand(Optional.of(today.plusDays(window.withinDays)), page.page(), page.size()), page.page(), page.size());
    }
}
