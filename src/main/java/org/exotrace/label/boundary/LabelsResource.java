package org.exotrace.label.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.label.control.LabelPdf;
import org.exotrace.label.control.LabelPrinting;
import org.exotrace.label.control.LabelZpl;
import org.exotrace.label.entity.LabelFormat;
import org.exotrace.label.entity.LabelStock;
import org.exotrace.platform.boundary.Patterns;
import org.exotrace.platform.boundary.Required;
import org.exotrace.security.entity.Role;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Printable GS1 DataMatrix labels for a lot's vials. */
@Path("lots")
public class LabelsResource {

    public static class LabelRequest {
        @NotNull
        public LabelFormat format;
        public LabelStock.Layout layout;
        public BigDecimal widthMm;
        public BigDecimal heightMm;
        @Size(max = LabelPrinting.MAX_LABELS)
        public List<@NotNull @Pattern(regexp = Patterns.UUID, message = "a vialId") String> vialIds;
    }

    @Inject
    LabelPrinting printing;

    @Context
    SecurityContext caller;

    @POST
    @Path("{lotNumber}/labels")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({LabelPdf.MEDIA_TYPE, LabelZpl.MEDIA_TYPE})
    @RolesAllowed({Role.INVENTORY_NAME, Role.QA_NAME})
    @Operation(summary = "Print GS1 DataMatrix labels for the lot's vials, as a PDF or as ZPL (audited as LABELS_PRINTED; reprints counted)",
            description = "The symbol carries (01) GTIN, (17) expiry, (10) lot and (21) serial, FNC1 first and after the lot; beside it the "
                + "product and the human-readable interpretation. format PDF or ZPL (203 dpi); layout LABEL (one label a page, the "
                + "label's size; default) or A4 (a grid on A4 sheets); widthMm 15-100 (30) and heightMm 10-100 (15); vialIds: the vials "
                + "to print (default: every vial of the lot in stock), at most 5 000. ?productCode= when two products share the lot number.",
            extensions = @Extension(name = "x-roles", value = "[\"INVENTORY\",\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LabelRequest.class),
            examples = @ExampleObject(name = "example", value = "{\"format\":\"PDF\",\"layout\":\"LABEL\",\"widthMm\":30,\"heightMm\":15}")))
    @APIResponse(responseCode = "200", description = "The labels",
            content = {@Content(mediaType = LabelPdf.MEDIA_TYPE), @Content(mediaType = LabelZpl.MEDIA_TYPE)})
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    @APIResponse(responseCode = "409", description = "NO_VIALS_IN_STOCK, LOT_AMBIGUOUS: no vial of the lot is in stock and none was named; "
            + "several products share the lot number")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: a size out of range, a vial not of the lot or named twice, "
            + "more than 5 000 labels")
    public Response print(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                          @Valid @Required LabelRequest request) {
        LabelStock stock = LabelStock.of(request.layout, request.widthMm, request.heightMm);
        List<UUID> vials = request.vialIds == null ? List.of() : request.vialIds.stream().map(UUID::fromString).toList();
        LabelPrinting.Job job = printing.print(lotNumber, productCode, vials, request.format, stock, caller.getUserPrincipal().getName());
        String file = "labels-" + job.printId();
        if (request.format == LabelFormat.ZPL) {
            return Response.ok(LabelZpl.render(job.labels(), stock), LabelZpl.MEDIA_TYPE + ";charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + ".zpl\"").build();
        }
        return Response.ok(LabelPdf.render(job.labels(), stock), LabelPdf.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + file + ".pdf\"").build();
    }
}
