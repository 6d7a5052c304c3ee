package org.exotrace.vial.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.gs1.Gs1LotAndSerial;
import org.exotrace.lot.boundary.LotsResource.LotSummary;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.platform.boundary.Required;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.Role;
import org.exotrace.vial.boundary.VialsResource.VialSummary;
import org.exotrace.vial.control.LotVials;
import org.exotrace.vial.control.Receiving;
import org.exotrace.vial.entity.VialState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.exotrace.lot.boundary.LotsResource.date;

/**
 * A lot as stock (the path {@code /api/lots} is shared with lot's {@code LotsResource}): receiving a lot with its vials
 * (INVENTORY), and one lot with its counts by vial state and a page of its vials (INVENTORY, QA). Here, not in lot,
 * because a vial knows its lot and a lot knows nothing of vials.
 */
@Path("lots")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LotStockResource {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    public static class NewLot {
        @NotNull
        @Pattern(regexp = Gs1LotAndSerial.PATTERN, message = Gs1LotAndSerial.RULE)
        public String lotNumber;
        @NotBlank
        @Size(max = 32)
        public String productCode;
        @NotBlank
        @Size(max = 32)
        public String cpcCode;
        @NotNull
        public DonorSource donorSource;
        @NotNull
        @Pattern(regexp = DATE, message = "a date such as 2026-11-01")
        public String manufacturedOn;
        @NotNull
        @Pattern(regexp = DATE, message = "a date such as 2027-05-31")
        public String expiresOn;
        @NotBlank
        @Size(max = 64)
        public String location;
        @Size(min = 1, max = Receiving.MAX_VIALS)
        public List<@NotNull @Pattern(regexp = Gs1LotAndSerial.PATTERN, message = Gs1LotAndSerial.RULE) String> serials;
        @Min(1)
        @Max(Receiving.MAX_VIALS)
        public Integer vialCount;
    }

    public record LotView(String lotNumber, String productCode, String productName, String gtin, String cpcCode, String cpcName,
                          String cpcLicenceNumber, DonorSource donorSource, LocalDate manufacturedOn, LocalDate expiresOn,
                          LotStatus status, Instant receivedAt, String receivedBy, Map<VialState, Long> counts,
                          List<VialSummary> vials, int vialsPage, int vialsPageSize) {
    }

    @Inject
    Receiving receiving;

    @Inject
    Lots lots;

    @Inject
    LotVials lotVials;

    @Context
    SecurityContext caller;

    @POST
    @RolesAllowed(Role.INVENTORY_NAME)
    @Operation(summary = "Receive a lot from a CPC, with its vials",
            description = "Give serials (as printed) or vialCount (serials assigned, 10 digits), not both; at most 100 000 "
                + "vials, in one transaction. The lot starts QUARANTINED. lotNumber and each serial: " + Gs1LotAndSerial.RULE
                + " (what GS1 AIs (10) and (21) carry).",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewLot.class),
                    examples = @ExampleObject(name = "example", value = "{\"lotNumber\":\"NFC2611A\",\"productCode\":\"MAXNFC-2\",\"cpcCode\":\"CPC-TOKYO-1\",\"donorSource\":\"CORD_BLOOD\","
                        + "\"manufacturedOn\":\"2026-11-01\",\"expiresOn\":\"2027-05-31\",\"location\":\"FREEZER-1\",\"serials\":[\"0001\","
                        + "\"0002\"]}")))
    @APIResponse(responseCode = "201", description = "Received; Location names the lot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Received.class),
                    examples = @ExampleObject(name = "example", value = "{\"lot\":{\"cpcCode\":\"CPC-TOKYO-1\",\"donorSource\":\"CORD_BLOOD\",\"expiresOn\":\"2027-05-31\","
                        + "\"lotNumber\":\"NFC2611A\",\"manufacturedOn\":\"2026-11-01\",\"productCode\":\"MAXNFC-2\","
                        + "\"receivedAt\":\"2026-11-25T18:31:37.925917Z\",\"receivedBy\":\"inv1\",\"status\":\"QUARANTINED\"},\"vials\":2}")))
    @APIResponse(responseCode = "409", description = "LOT_EXISTS, SERIAL_EXISTS: the lot number (for this product) or a serial is taken")
    @APIResponse(responseCode = "422", description = "UNKNOWN_PRODUCT, UNKNOWN_CPC, VALIDATION_FAILED: donor source not the product's, expiry not after "
            + "manufacture or already past, duplicate serial, both or neither of serials and vialCount (errors "
            + "names the field)")
    public Response receive(@Valid @Required NewLot request, @Context UriInfo uri) {
        var delivery = new Receiving.Delivery(request.lotNumber, request.productCode, request.cpcCode, request.donorSource,
                date("manufacturedOn", request.manufacturedOn), date("expiresOn", request.expiresOn), request.location.strip(),
                request.serials, request.vialCount);
        Receiving.Received received = receiving.receive(delivery, caller.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(received.lot().lotNumber()).build())
                .entity(new Received(LotSummary.of(received.lot()), received.vials())).build();
    }

    public record Received(LotSummary lot, int vials) {
    }

    @GET
    @Path("{lotNumber}")
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME})
    @Operation(summary = "One lot with counts by vial state and a page of its vials",
            description = "?productCode= when several products share the lot number; ?page&size page the vials.",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\", \"QA\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The lot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LotView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: page or size out of range (page 0..1000000, size 1..500)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot")
    public LotView get(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                       @Valid @BeanParam PageRequest page) {
        Lot l = lots.find(lotNumber, productCode).orElseThrow(() -> ProblemException.notFound("lot", lotNumber));
        List<VialSummary> vials = lotVials.page(l, page.page(), page.size()).stream().map(VialSummary::of).toList();
        return new LotView(l.lotNumber(), l.product().code(), l.product().name(), l.product().gtin().value(), l.cpc().code(),
                l.cpc().name(), l.cpc().licenceNumber(), l.donorSource(), l.manufacturedOn(), l.expiresOn(), l.status(),
                l.receivedAt(), l.receivedBy(), lotVials.counts(l), vials, page.page(), page.size());
    }
}
