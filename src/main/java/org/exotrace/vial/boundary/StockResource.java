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
            description = "vialIds: every vial found on the shelf. Vials recorded there but not found leave stock (MISSING_AT_COUNT); "
                    + "vials found there but recorded elsewhere move there (FOUND_AT_COUNT); both are COUNT_ADJUSTED ledger rows.")
    public Response count(@Valid @Required Count request) {
        Stock.CountResult r = stock.count(request.location.strip(), request.vialIds, caller.getUserPrincipal().getName());
        return Response.status(201).entity(new CountView(r.location(), r.expected(), r.counted(), r.matched(),
                r.missing().stream().map(VialsResource.VialSummary::of).toList(),
                r.relocated().stream().map(VialsResource.VialSummary::of).toList(),
                r.notInStock().stream().map(VialsResource.VialSummary::of).toList(), r.unknown())).build();
    }

    @GET
    @Operation(summary = "Vials in stock by product, lot and location, first expiry first (FEFO)")
    public StockView onHand(@Valid @BeanParam PageRequest page) {
        return new StockView(stock.today(), stock.onHand(Optional.empty(), page.page(), page.size()), page.page(), page.size());
    }

    @GET
    @Path("expiring")
    @Operation(summary = "Vials in stock whose lot expires within N days (default 30), including already expired ones")
    public StockView expiring(@Valid @BeanParam Window window, @Valid @BeanParam PageRequest page) {
        LocalDate today = stock.today();
        return new StockView(today, stock.onHand(Optional.of(today.plusDays(window.withinDays)), page.page(), page.size()), page.page(), page.size());
    }
}
