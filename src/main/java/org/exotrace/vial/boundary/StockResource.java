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
import org.exotrace.gs1.Gs1BarcodeParser;
import org.exotrace.gs1.Gs1Label;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.vial.control.Stock;
import org.exotrace.vial.entity.VialState;

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

    public static class LabelScan {
        /** What the scanner typed: GS1 element strings, the bracketed form or a Digital Link URI. */
        @NotNull
        @Size(max = Gs1BarcodeParser.MAX_INPUT_LENGTH)
        public String barcode;
    }

    /** A vial found by its label: where it is, and whether its lot may be used. */
    public record ScannedVial(UUID vialId, String serial, VialState state, String location, String lotNumber, String productCode,
                              LocalDate expiresOn, LotStatus lotStatus) {
    }

    /** What a label says; {@code vial} is absent while no vial of that GTIN and serial was received. */
    public record ScannedLabelView(String gtin, String lotNumber, LocalDate expiresOn, String serial, ScannedVial vial) {
        static ScannedLabelView of(Stock.ScannedLabel scanned) {
            Gs1Label l = scanned.label();
            return new ScannedLabelView(l.gtin().value(), l.lot().orElse(null), l.expiry().orElse(null), l.serial().orElseThrow(),
                    scanned.vial().map(v -> new ScannedVial(v.id(), v.serial(), v.state(), v.location(), v.lot().lotNumber(),
                            v.lot().product().code(), v.lot().expiresOn(), v.lot().status())).orElse(null));
        }
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
        return Response.status(201).entity(view(stock.count(request.location.strip(), request.vialIds, caller.getUserPrincipal().getName())))
                .build();
    }

    private static CountView view(Stock.CountResult r) {
        return new CountView(r.location(), r.expected(), r.counted(), r.matched(),
                r.missing().stream().map(VialsResource.VialSummary::of).toList(),
                r.relocated().stream().map(VialsResource.VialSummary::of).toList(),
                r.notInStock().stream().map(VialsResource.VialSummary::of).toList(), r.unknown());
    }

    @POST
    @Path("counts/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INVENTORY_NAME)
    @Operation(summary = "What a physical count would find and change, changing nothing",
            description = "The body of POST /api/stock/counts; answers what that count would answer now (missing, relocated, "
                + "not in stock, unknown), so that the counter sees it before applying it. Records nothing.",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Count.class),
                    examples = @ExampleObject(name = "example", value = "{\"location\":\"FREEZER-1\",\"vialIds\":[\"5d51d971-b656-4a72-8d28-56c366671400\"]}")))
    @APIResponse(responseCode = "200", description = "The count as it would be recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CountView.class)))
    public CountView previewCount(@Valid @Required Count request) {
        return view(stock.previewCount(request.location.strip(), request.vialIds));
    }

    @POST
    @Path("scans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INVENTORY_NAME)
    @Operation(summary = "Read a vial's label for the inventory: what it says, and the vial it names if one was received",
            description = "Records nothing. Used to receive a lot by scanning the CPC's labels (no vial yet), and to move, "
                + "waste and count vials by scanning them. 422 BARCODE_INVALID when the barcode cannot be read or carries no "
                + "serial (AI 21).",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LabelScan.class),
                    examples = @ExampleObject(name = "example", value = "{\"barcode\":\"(01)04912345000019(17)270531(10)NFC2611A(21)0001\"}")))
    @APIResponse(responseCode = "200", description = "The label, and its vial when one was received",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScannedLabelView.class)))
    @APIResponse(responseCode = "422", description = "BARCODE_INVALID: unreadable, or no serial")
    public ScannedLabelView scan(@Valid @Required LabelScan request) {
        return ScannedLabelView.of(stock.read(request.barcode));
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
