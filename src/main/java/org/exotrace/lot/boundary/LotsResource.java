package org.exotrace.lot.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.boundary.Page;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Finding lots (INVENTORY, QA); receiving one and a lot with its vials are answered by vial.boundary.LotStockResource. */
@Path("lots")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LotsResource {

    public record LotSummary(String lotNumber, String productCode, String cpcCode, DonorSource donorSource, LocalDate manufacturedOn,
                             LocalDate expiresOn, LotStatus status, Instant receivedAt, String receivedBy) {
        public static LotSummary of(Lot l) {
            return new LotSummary(l.lotNumber(), l.product().code(), l.cpc().code(), l.donorSource(), l.manufacturedOn(),
                    l.expiresOn(), l.status(), l.receivedAt(), l.receivedBy());
        }
    }

    @Inject
    Lots lots;

    @GET
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME})
    @Operation(summary = "Lots, newest first",
            description = "Optional filters, all of which must hold: lotNumber (part of it, any case), productCode, status, "
                + "expiresBefore (a date; lots expiring before it).",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\", \"QA\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "A page of lots",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "example", value = "{\"items\":[{\"cpcCode\":\"CPC-TOKYO-1\",\"donorSource\":\"CORD_BLOOD\",\"expiresOn\":\"2027-05-31\","
                        + "\"lotNumber\":\"NFC2611A\",\"manufacturedOn\":\"2026-11-01\",\"productCode\":\"MAXNFC-2\","
                        + "\"receivedAt\":\"2026-11-25T18:31:37.925917Z\",\"receivedBy\":\"inv1\",\"status\":\"QUARANTINED\"}],\"page\":0,"
                        + "\"size\":50,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: page or size out of range, lotNumber, status or expiresBefore not of its form")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: expiresBefore is not a calendar date (2027-02-30)")
    public Page<LotSummary> list(@Valid @BeanParam PageRequest page, @Valid @BeanParam LotSearch search) {
        Lots.Filter filter = search.filter();
        return Page.of(lots.list(filter, page.page(), page.size()).stream().map(LotSummary::of).toList(), page, lots.count(filter));
    }

    /** A date of a request: 422 naming the field when it is not a calendar date (2027-02-30). */
    public static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + text + "' is not a calendar date");
        }
    }
}
