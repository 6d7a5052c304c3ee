package org.exotrace.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.report.control.RegulatoryExport;
import org.exotrace.report.control.Reports;
import org.exotrace.report.control.ScanCompliance;
import org.exotrace.report.control.StockSummary;
import org.exotrace.report.control.Wastage;
import org.exotrace.security.entity.Role;

/** QA's reports; integrations may read them too. Periods are dates in the clinic's time zone, both inclusive. */
@Path("reports")
@RolesAllowed({Role.QA_NAME, Role.INTEGRATION_NAME})
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {

    /** The 422 answer of GET /api/reports/regulatory-export. */
    static final String EXPORT_422 = "VALIDATION_FAILED: from or to (or year) not a date, to before from, or a period over 3 years "
            + "(errors names it)";

    /** The description of GET /api/reports/regulatory-export. */
    static final String EXPORT_DESCRIPTION = "Accept: text/csv gives the doses as an RFC 4180 CSV attachment with a header row.";

    /** The summary of GET /api/reports/regulatory-export (JSON and CSV): one operation in /openapi, annotated on both methods (Payara keeps the last one read). */
    static final String EXPORT_SUMMARY = "Provision records of a year (?year) or period (?from&to): every dose by product and route, with a "
            + "summary per product and route (audited as REGULATORY_EXPORT_READ)";

    @Context
    SecurityContext caller;

    @Inject
    Reports reports;

    @GET
    @Path("stock")
    @Operation(summary = "Vials on hand by product and location with the earliest expiry, and the vials in stock past expiry",
            description = "vials: every vial IN_STOCK (whatever its lot's status). expiredVials: in stock after their lot's "
                + "expiry date; they may not be given and must be wasted; expired lists them by lot and location.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The stock summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StockSummary.class),
                    examples = @ExampleObject(name = "example", value = "{\"asOf\":\"2026-11-26\",\"expired\":[],\"expiredVials\":0,\"lines\":[{\"earliestExpiry\":\"2027-05-31\","
                        + "\"expiredVials\":0,\"location\":\"FREEZER-1\",\"lots\":1,\"productCode\":\"MAXNFC-2\",\"productName\":\"max NFC "
                        + "2cc\",\"vials\":1}],\"timeZone\":\"Asia/Tokyo\",\"vials\":1}")))
    public StockSummary stock() {
        return reports.stock();
    }

    @GET
    @Path("wastage")
    @Operation(summary = "Vials wasted in a period (?from&to, default the last 30 days, at most 3 years) by reason and product",
            description = "vials: whole vials wasted or missing at a count, ml their volume; partialVials: vials a dose used "
                + "in part, under PARTIAL_USE_REMAINDER with the ml left in them.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The wastage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Wastage.class)))
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: from or to (or year) not a date, to before from, or a period over 3 years "
            + "(errors names it)")
    public Wastage wastage(@Valid @BeanParam Periods.Span span) {
        return reports.wastage(span.period(reports.today()));
    }

    @GET
    @Path("scan-compliance")
    @Operation(summary = "The share of vials recorded without a bedside scan in a period, overall, by nurse and by ISO week",
            description = "unscannedPercent has one decimal and is null when no vial was recorded. Doses given and dispensed "
                + "count.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The compliance figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScanCompliance.class)))
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: from or to (or year) not a date, to before from, or a period over 3 years "
            + "(errors names it)")
    public ScanCompliance scanCompliance(@Valid @BeanParam Periods.Span span) {
        return reports.scanCompliance(span.period(reports.today()));
    }

    @GET
    @Path("regulatory-export")
    @Operation(summary = EXPORT_SUMMARY,
            description = EXPORT_DESCRIPTION,
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The export",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegulatoryExport.class)),
                    @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "422", description = EXPORT_422)
    public RegulatoryExport regulatoryExport(@Valid @BeanParam Periods.YearOrSpan period) {
        return reports.regulatory(period.period(reports.today()), caller.getUserPrincipal().getName());
    }

    @GET
    @Path("regulatory-export")
    // CSV only when asked for: with Accept */* (or none) JAX-RS would otherwise pick either method, and which one
    // changed from one start of the service to the next.
    @Produces("text/csv;qs=0.5")
    @Operation(summary = EXPORT_SUMMARY,
            description = EXPORT_DESCRIPTION,
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The export",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegulatoryExport.class)),
                    @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "422", description = EXPORT_422)
    public Response regulatoryExportCsv(@Valid @BeanParam Periods.YearOrSpan period) {
        RegulatoryExport export = reports.regulatory(period.period(reports.today()), caller.getUserPrincipal().getName());
        return Response.ok(RegulatoryCsv.of(export), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + RegulatoryCsv.filename(export) + "\"").build();
    }
}
