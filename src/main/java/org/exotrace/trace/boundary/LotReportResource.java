package org.exotrace.trace.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Variant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.security.entity.Role;
import org.exotrace.trace.control.LotReports;
import org.exotrace.trace.control.LotReports.Heading;
import org.exotrace.trace.control.LotReports.LotReport;

import java.util.List;

/** QA's lot report, in the form the {@code Accept} header asks for: JSON (the default), CSV or PDF. */
@Path("lots")
public class LotReportResource {

    private static final List<Variant> FORMS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf("text/csv"),
            MediaType.valueOf(LotReportPdf.MEDIA_TYPE)).add().build();

    @Inject
    LotReports reports;

    @Context
    SecurityContext caller;

    @GET
    @Path("{lotNumber}/report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", LotReportPdf.MEDIA_TYPE})
    @RolesAllowed(Role.QA_NAME)
    @Operation(summary = "The lot report: identity, CPC, QC against specification, signatures, decisions, vial counts and "
            + "every dose (audited as LOT_REPORT_READ)",
            description = "By Accept: application/json (default), text/csv (the dose list, one row per vial used, lot columns "
                + "on every row), application/pdf (A4). ?productCode= when several products share the lot number.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LotReport.class)),
                    @Content(mediaType = "text/csv"),
                    @Content(mediaType = LotReportPdf.MEDIA_TYPE)})
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    @APIResponse(responseCode = "406", description = "NOT_ACCEPTABLE: Accept names none of the three")
    public Response report(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                           @Context Request request) {
        Variant form = request.selectVariant(FORMS);
        if (form == null) {
            throw new NotAcceptableException();
        }
        String reader = caller.getUserPrincipal().getName();
        if (form.getMediaType().getSubtype().equals("pdf")) {
            LotReport report = reports.report(lotNumber, productCode, reader);
            return Response.ok(LotReportPdf.render(report, reports.recallFollowUp(report)), LotReportPdf.MEDIA_TYPE)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + file(report.lot()) + ".pdf\"").build();
        }
        // Looked up and audited now, so that an unknown lot is a 404 problem; the doses are read while they are written.
        Heading head = reports.heading(lotNumber, productCode, reader);
        LotReportJson.Doses doses = r -> reports.doses(head.lotId(), r);
        if (form.getMediaType().getSubtype().equals("csv")) {
            return Response.ok(new LotReportCsv(head, doses), LotReportCsv.MEDIA_TYPE)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file(head.lot()) + ".csv\"").build();
        }
        return Response.ok(new LotReportJson(head, doses), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static String file(LotReports.Identity lot) {
        return "lot-" + LotFileName.of(lot.lotNumber()) + "-report";
    }
}
