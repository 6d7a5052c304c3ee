package org.exotrace.trace.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.exotrace.bedside.entity.DoseLine;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.boundary.Instants;
import org.exotrace.platform.boundary.Required;
import org.exotrace.security.entity.Role;
import org.exotrace.trace.control.Traces;
import org.exotrace.trace.entity.NotificationChannel;
import org.exotrace.trace.entity.NotificationOutcome;
import org.exotrace.trace.entity.RecallNotification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Forward trace of a lot, and the recall follow-up of its patients. */
@Path("lots")
public class TraceResource {

    /** The description of GET /api/lots/{lotNumber}/trace. */
    static final String TRACE_DESCRIPTION = "?history=true adds each vial's ledger rows. Accept: text/csv gives the recall notification list, "
            + "one row per dose and vial, with whether the patient was reached.";

    /** The summary of GET /api/lots/{lotNumber}/trace (JSON and CSV): one operation in /openapi, annotated on both methods (Payara keeps the last one read). */
    static final String TRACE_SUMMARY = "Forward trace: every vial of the lot, every dose given or dispensed from it, and each patient's "
            + "recall follow-up (audited as LOT_TRACE_READ)";

    public static class Notification {
        @NotNull
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "1-64 letters, digits, '.', '_' or '-'")
        public String patientId;
        @NotNull
        public NotificationChannel channel;
        @NotNull
        public NotificationOutcome outcome;
        @Size(max = 40)
        public String notifiedAt;
        @Size(min = 1, max = 500)
        public String note;
    }

    public record RecallView(Instant recalledAt, String recalledBy, String reason) {
    }

    public record NotificationView(String patientId, NotificationChannel channel, NotificationOutcome outcome, Instant notifiedAt,
                                   String note, String recordedBy, Instant recordedAt) {
        static NotificationView of(RecallNotification n) {
            return new NotificationView(n.patientId(), n.channel(), n.outcome(), n.notifiedAt(), n.note().orElse(null), n.recordedBy(),
                    n.recordedAt());
        }
    }

    /** The forward trace's JSON as /openapi describes it; written member by member, as it is read, by {@link TraceJson}. */
    public record TraceView(String lotNumber, String productCode, String productName, String cpcCode, LotStatus status,
                            LocalDate expiresOn, RecallView recall, int vialCount, int doseCount, int patientCount, int patientsToReach,
                            List<Traces.Recipient> patients, List<DoseLine> doses, List<Traces.VialLine> vials,
                            List<NotificationView> notifications) {
    }

    @Inject
    Traces traces;

    @Context
    SecurityContext caller;

    @GET
    @Path("{lotNumber}/trace")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = TRACE_SUMMARY,
            description = TRACE_DESCRIPTION,
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The trace",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TraceView.class)),
                    @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    public Response trace(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                          @QueryParam("history") boolean history) {
        // Looked up and audited now, so that an unknown lot is a 404 problem; the doses and vials are read while they are written.
        Traces.TraceHead head = traces.head(lotNumber, productCode, caller.getUserPrincipal().getName());
        return Response.ok(new TraceJson(head, reader -> traces.snapshot(head.lotId(), history, reader)),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{lotNumber}/trace")
    // CSV only when asked for: with Accept */* (or none) JAX-RS would otherwise pick either method, and which one
    // changed from one start of the service to the next.
    @Produces("text/csv;qs=0.5")
    @RolesAllowed({Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = TRACE_SUMMARY,
            description = TRACE_DESCRIPTION,
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The trace",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TraceView.class)),
                    @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    public Response traceCsv(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode) {
        Traces.TraceHead head = traces.head(lotNumber, productCode, caller.getUserPrincipal().getName());
        return Response.ok(new TraceCsv(head, reader -> traces.snapshot(head.lotId(), false, reader)), TraceCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"trace-" + LotFileName.of(head.lotNumber()) + ".csv\"").build();
    }

    @POST
    @Path("{lotNumber}/notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.QA_NAME)
    @Operation(summary = "Record an attempt to tell a patient of the recall",
            extensions = @Extension(name = "x-roles", value = "[\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Notification.class),
                    examples = @ExampleObject(name = "example", value = "{\"patientId\":\"P-1001\",\"channel\":\"PHONE\",\"outcome\":\"REACHED\",\"notifiedAt\":\"2026-11-26T01:30:00Z\","
                        + "\"note\":\"told to stop; follow-up visit booked\"}")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    @APIResponse(responseCode = "409", description = "LOT_STATUS_CONFLICT: the lot is not RECALLED")
    @APIResponse(responseCode = "422", description = "NOT_A_RECIPIENT, VALIDATION_FAILED: the patient received no vial of the lot; notifiedAt not an "
            + "instant")
    public Response notify(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                           @Valid @Required Notification request) {
        Instant at = Instants.parse("notifiedAt", request.notifiedAt);
        RecallNotification n = traces.notify(lotNumber, productCode, request.patientId, request.channel, request.outcome, at, request.note,
                caller.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(NotificationView.of(n)).build();
    }
}
