package org.exotrace.qc.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.catalog.entity.AssaySpec;
import org.exotrace.catalog.entity.QualitativeOutcome;
import org.exotrace.lot.control.Lots;
import org.exotrace.lot.entity.Lot;
import org.exotrace.lot.entity.LotDecision;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.boundary.Instants;
import org.exotrace.platform.boundary.Patterns;
import org.exotrace.platform.boundary.Required;
import org.exotrace.qc.control.QaDecisions;
import org.exotrace.qc.control.QcResults;
import org.exotrace.qc.entity.AssayEntry;
import org.exotrace.qc.entity.AssayResult;
import org.exotrace.qc.entity.Judgement;
import org.exotrace.qc.entity.QcReview;
import org.exotrace.qc.entity.Reading;
import org.exotrace.qc.entity.ReleasePolicy;
import org.exotrace.qc.entity.ReleaseSignature;
import org.exotrace.qc.entity.ResultSource;
import org.exotrace.security.control.SignIns;
import org.exotrace.security.entity.Role;
import org.exotrace.vial.boundary.VialsResource.VialSummary;
import org.exotrace.vial.control.LotVials;
import org.exotrace.vial.entity.VialState;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** QA's work on a lot: assay results, the signed release, rejection and recall. */
@Path("lots")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QcResource {

    /** The 422 answer of POST /api/lots/{lotNumber}/qc-results. */
    static final String RESULTS_422 = "UNIT_MISMATCH, RESULT_KIND_MISMATCH, VALUE_OUT_OF_RANGE, NEGATIVE_VALUE, ASSAY_NOT_SPECIFIED, UNKNOWN_RESULT, "
            + "VALIDATION_FAILED: not the specification's unit or kind, a value with more than 18 digits before the point or 12 "
            + "after it, a value below zero where the specification has no limit below zero, an assay the product does not "
            + "require, supersedes names no result of the lot, or a field or CSV row is wrong (errors names it)";

    /** The 409 answer of POST /api/lots/{lotNumber}/qc-results. */
    static final String RESULTS_409 = "RESULT_EXISTS, RESULT_SUPERSEDED, LOT_STATUS_CONFLICT: the assay has a current result (correct it "
            + "with supersedes), the corrected result was already corrected, or the lot is no longer QUARANTINED";

    /** The description of POST /api/lots/{lotNumber}/qc-results. */
    static final String RESULTS_DESCRIPTION = "application/json: quantitative {assay, value, unit (the specification's own), method, performedAt, "
            + "performer?} or qualitative {assay, outcome}; a correction names the result it corrects in "
            + "supersedes and gives a reason. text/csv: header assay,value,unit,outcome,method,performedAt,"
            + "performer (supersedes, reason optional), one row per assay; all rows or none, faults named by row "
            + "(row 3 unit).";

    /** The summary of POST /api/lots/{lotNumber}/qc-results (JSON and CSV): one operation in /openapi, annotated on both methods (Payara keeps the last one read). */
    /** Examples of both entry methods (JSON and CSV), which Payara documents as one operation. */
    static final String RESULT_EXAMPLE = "{\"assay\":\"ENDOTOXIN\",\"value\":0.1,\"unit\":\"EU/mL\",\"method\":\"LAL\",\"performedAt\":\"2026-11-20T09:00:00Z\"}";
    /** Examples of both entry methods (JSON and CSV), which Payara documents as one operation. */
    static final String CERTIFICATE_EXAMPLE = "assay,value,unit,outcome,method,performedAt,performer\nENDOTOXIN,0.1,EU/mL,,LAL,2026-11-20T09:00:00Z,"
            + "CPC lab\nSTERILITY,,,NEGATIVE,,,CPC lab\n";
    /** Examples of both entry methods (JSON and CSV), which Payara documents as one operation. */
    static final String ENTERED_EXAMPLE = "{\"lotNumber\":\"NFC2611A\",\"productCode\":\"MAXNFC-2\",\"qc\":{\"failing\":[],\"missing\":[\"PARTICLE_COUNT\"],"
            + "\"releasable\":false},\"results\":[{\"assay\":\"ENDOTOXIN\",\"current\":true,"
            + "\"enteredAt\":\"2026-11-25T18:31:42.288650Z\",\"enteredBy\":\"qa1\",\"judgement\":\"PASS\",\"method\":\"LAL\","
            + "\"performedAt\":\"2026-11-20T09:00:00Z\",\"resultId\":\"fe46bca6-4db0-4fcf-a493-0ab331392978\","
            + "\"source\":\"API\",\"specification\":\"<= 0.5 EU/mL\",\"unit\":\"EU/mL\",\"value\":0.1}]}";
    static final String RESULTS_SUMMARY = "Enter assay results: one as JSON, or a CPC's certificate of analysis as CSV; the service judges "
            + "each PASS/FAIL against the product's specification";


    public static class NewResult {
        @NotNull
        @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "2-40 upper-case letters, digits or '_'")
        public String assay;
        public BigDecimal value;
        @Size(min = 1, max = 32)
        public String unit;
        public QualitativeOutcome outcome;
        @Size(min = 1, max = 64)
        public String method;
        @Size(max = 40)
        public String performedAt;
        @Size(min = 1, max = 128)
        public String performer;
        @Pattern(regexp = Patterns.UUID, message = "the resultId of the result this one corrects")
        public String supersedes;
        @Size(min = 1, max = 500)
        public String reason;
    }

    public static class Signature {
        @NotNull
        @Size(min = 1, max = 200)
        public String password;
        @NotBlank
        @Size(min = 3, max = 200)
        public String meaning;
    }

    public static class Decision {
        @NotBlank
        @Size(max = 500)
        public String reason;
    }

    public record ResultView(UUID resultId, String assay, BigDecimal value, String unit, QualitativeOutcome outcome, String method,
                             Instant performedAt, String performer, Judgement judgement, String specification, boolean current,
                             UUID supersedes, UUID supersededBy, String reason, ResultSource source, Instant enteredAt, String enteredBy) {
        static ResultView of(AssayResult r, QcReview review, Map<UUID, UUID> supersededBy) {
            return new ResultView(r.id(), r.assay(), r.value().orElse(null), r.unit().orElse(null), r.outcome().orElse(null),
                    r.method().orElse(null), r.performedAt().orElse(null), r.performer().orElse(null), r.judgement(), r.specification(),
                    review.current().contains(r), r.supersedes().orElse(null), supersededBy.get(r.id()), r.reason().orElse(null),
                    r.source(), r.enteredAt(), r.enteredBy());
        }
    }

    /** One line of the specification against the lot's current result; {@code judgement} is MISSING without one. */
    public record SpecLine(String assay, String specification, String judgement, UUID resultId, String reading) {
    }

    public record QcSummary(boolean releasable, List<String> missing, List<String> failing) {
        static QcSummary of(QcReview review) {
            return new QcSummary(review.passed(), review.missing(), review.failing());
        }
    }

    /** {@code signerPasswordResetAt}, present only then: an ADMIN had reset the signer's password shortly before they signed. */
    public record SignatureView(UUID signatureId, String signer, Instant signedAt, String meaning, String contentDigest,
                                JsonArray signedResults, Instant signerPasswordResetAt) {
        static SignatureView of(ReleaseSignature s) {
            try (var reader = Json.createReader(new StringReader(s.signedContent()))) {
                return new SignatureView(s.id(), s.signer(), s.signedAt(), s.meaning(), s.contentDigest(), reader.readArray(),
                        s.signerPasswordResetAt().orElse(null));
            }
        }
    }

    public record DecisionView(LotStatus from, LotStatus to, String reason, Instant decidedAt, String decidedBy) {
        static DecisionView of(LotDecision d) {
            return new DecisionView(d.from(), d.to(), d.reason(), d.decidedAt(), d.decidedBy());
        }
    }

    public record Entered(String lotNumber, String productCode, List<ResultView> results, QcSummary qc) {
    }

    public record Dossier(String lotNumber, String productCode, LotStatus status, List<SpecLine> specification, QcSummary qc,
                          List<ResultView> results, List<SignatureView> signatures, List<DecisionView> decisions) {
    }

    public record Released(String lotNumber, String productCode, LotStatus status, boolean released, String awaiting,
                           SignatureView signature) {
    }

    /** A decision, the lot's vials by state, and those still on a shelf, to be set aside physically. */
    public record Decided(String lotNumber, String productCode, LotStatus status, DecisionView decision, Map<VialState, Long> vials,
                          List<VialSummary> onHand) {
    }

    @Inject
    QcResults results;

    @Inject
    QaDecisions decisions;

    @Inject
    SignIns signIns;

    @Inject
    Lots lots;

    @Inject
    LotVials lotVials;

    @Context
    SecurityContext caller;

    @Context
    HttpServletRequest http;

    @POST
    @Path("{lotNumber}/qc-results")
    @RolesAllowed(Role.QA_NAME)
    @Operation(summary = RESULTS_SUMMARY,
            description = RESULTS_DESCRIPTION,
            extensions = @Extension(name = "x-roles", value = "[\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewResult.class),
                    examples = @ExampleObject(name = "example", value = RESULT_EXAMPLE)),
            @Content(mediaType = "text/csv",
                    examples = @ExampleObject(name = "example", value = CERTIFICATE_EXAMPLE))})
    @APIResponse(responseCode = "201", description = "Entered, with the lot's QC summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Entered.class),
                    examples = @ExampleObject(name = "example", value = ENTERED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a field breaks its format")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    @APIResponse(responseCode = "409", description = RESULTS_409)
    @APIResponse(responseCode = "422", description = RESULTS_422)
    public Response enter(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                          @Valid @Required NewResult request) {
        Reading reading = Reading.of(request.value, request.unit, request.outcome);
        AssayEntry entry = new AssayEntry(request.assay, reading, request.method, Instants.parse("performedAt", request.performedAt),
                request.performer, request.supersedes == null ? null : UUID.fromString(request.supersedes), request.reason);
        return entered(lotNumber, productCode, List.of(entry), ResultSource.API);
    }

    @POST
    @Path("{lotNumber}/qc-results")
    @Consumes("text/csv")
    @RolesAllowed(Role.QA_NAME)
    @Operation(summary = RESULTS_SUMMARY,
            description = RESULTS_DESCRIPTION,
            extensions = @Extension(name = "x-roles", value = "[\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewResult.class),
                    examples = @ExampleObject(name = "example", value = RESULT_EXAMPLE)),
            @Content(mediaType = "text/csv",
                    examples = @ExampleObject(name = "example", value = CERTIFICATE_EXAMPLE))})
    @APIResponse(responseCode = "201", description = "Entered, with the lot's QC summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Entered.class),
                    examples = @ExampleObject(name = "example", value = ENTERED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a field breaks its format")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    @APIResponse(responseCode = "409", description = RESULTS_409)
    @APIResponse(responseCode = "422", description = RESULTS_422)
    public Response importCertificate(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                                      String csv) {
        return entered(lotNumber, productCode, CertificateCsv.parse(csv), ResultSource.CSV);
    }

    private Response entered(String lotNumber, String productCode, List<AssayEntry> entries, ResultSource source) {
        QcResults.Entered entered = results.enter(lotNumber, productCode, entries, source, caller.getUserPrincipal().getName());
        QcReview review = entered.review();
        Map<UUID, UUID> supersededBy = supersededBy(entered.history());
        return Response.status(Response.Status.CREATED).entity(new Entered(entered.lot().lotNumber(), entered.lot().product().code(),
                entered.results().stream().map(r -> ResultView.of(r, review, supersededBy)).toList(), QcSummary.of(review))).build();
    }

    @GET
    @Path("{lotNumber}/qc-results")
    @RolesAllowed({Role.QA_NAME, Role.INVENTORY_NAME})
    @Operation(summary = "The lot's QC dossier: specification against current results, every result entered, signatures and "
            + "status history",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"INVENTORY\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The dossier",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Dossier.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    public Dossier dossier(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode) {
        QcResults.Dossier d = results.dossier(lotNumber, productCode);
        Map<String, AssayResult> current = d.review().current().stream().collect(Collectors.toMap(AssayResult::assay, Function.identity()));
        List<SpecLine> lines = d.lot().product().requiredAssays().stream()
                .sorted(Comparator.comparing(AssaySpec::assay))
                .map(spec -> Optional.ofNullable(current.get(spec.assay()))
                        .map(r -> new SpecLine(spec.assay(), spec.describe(), r.judgement().name(), r.id(), r.reading()))
                        .orElse(new SpecLine(spec.assay(), spec.describe(), "MISSING", null, null)))
                .toList();
        Map<UUID, UUID> supersededBy = supersededBy(d.history());
        return new Dossier(d.lot().lotNumber(), d.lot().product().code(), d.lot().status(), lines, QcSummary.of(d.review()),
                d.history().stream().map(r -> ResultView.of(r, d.review(), supersededBy)).toList(),
                d.signatures().stream().map(SignatureView::of).toList(), d.decisions().stream().map(DecisionView::of).toList());
    }

    @POST
    @Path("{lotNumber}/release")
    @RolesAllowed(Role.QA_NAME)
    @Operation(summary = "Sign the lot's release (electronic signature: re-enter the password, state the meaning)",
            description = "200 when the lot is RELEASED; 202 when exotrace.release.second-signer=true and a different QA user "
                + "must co-sign. The signature keeps a digest of exactly the results it signed.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Signature.class),
                    examples = @ExampleObject(name = "example", value = "{\"password\":\"the signer's own password\",\"meaning\":\"QC reviewed and approved for use\"}")))
    @APIResponse(responseCode = "200", description = "RELEASED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Released.class),
                    examples = @ExampleObject(name = "example", value = "{\"lotNumber\":\"NFC2611A\",\"productCode\":\"MAXNFC-2\",\"released\":true,"
                        + "\"signature\":{\"contentDigest\":\"c26da668844a65250a1ed2f3b32385e8013d2dffd20bbee7d0273a3d8c27736c\","
                        + "\"meaning\":\"QC reviewed and approved for use\",\"signatureId\":\"7fdbb164-7a4d-4bd0-88ac-e7ac62c1c716\","
                        + "\"signedAt\":\"2026-11-25T18:31:42.691154Z\","
                        + "\"signedResults\":[{\"resultId\":\"fe46bca6-4db0-4fcf-a493-0ab331392978\",\"assay\":\"ENDOTOXIN\","
                        + "\"reading\":\"0.1 EU/mL\",\"specification\":\"<= 0.5 EU/mL\",\"judgement\":\"PASS\",\"method\":\"LAL\","
                        + "\"performedAt\":\"2026-11-20T09:00:00Z\",\"enteredBy\":\"qa1\",\"enteredAt\":\"2026-11-25T18:31:42.288650Z\"},"
                        + "{\"resultId\":\"436d8247-8f6d-4710-804d-04d31a805bff\",\"assay\":\"STERILITY\",\"reading\":\"NEGATIVE\","
                        + "\"specification\":\"NEGATIVE\",\"judgement\":\"PASS\",\"enteredBy\":\"qa1\","
                        + "\"enteredAt\":\"2026-11-25T18:31:41.985775Z\"}],\"signer\":\"qa1\"},\"status\":\"RELEASED\"}")))
    @APIResponse(responseCode = "202", description = "Signed; awaiting a second signer (awaiting: SECOND_SIGNATURE)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Released.class)))
    @APIResponse(responseCode = "403", description = "SIGNATURE_REFUSED: the password is not the signed-in user's; SIGNER_IS_ADMIN: the "
            + "account also holds ADMIN; PASSWORD_CHANGE_REQUIRED: the password is an ADMIN's temporary one; nothing signed")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    @APIResponse(responseCode = "409", description = "QC_INCOMPLETE, QC_FAILED, LOT_STATUS_CONFLICT, LOT_EXPIRED, SECOND_SIGNER_REQUIRED: assays missing "
            + "or failing (assays names them), the lot is not QUARANTINED (currentState), it expired, or this QA "
            + "user already signed")
    @APIResponse(responseCode = "429", description = "SIGN_IN_LOCKED: wrong passwords are counted with sign-in's, per name and address; "
            + "their lock holds for both")
    public Response release(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                            @Valid @Required Signature request) {
        QaDecisions.Signed signed = decisions.release(lotNumber, productCode, request.password, request.meaning,
                caller.getUserPrincipal().getName(), signIns.clientAddress(http.getRemoteAddr(), http.getHeaders("X-Forwarded-For")));
        boolean released = signed.step() == ReleasePolicy.Step.RELEASE;
        Lot lot = signed.lot();
        return Response.status(released ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(new Released(lot.lotNumber(), lot.product().code(), lot.status(), released,
                        released ? null : "SECOND_SIGNATURE", SignatureView.of(signed.signature()))).build();
    }

    @POST
    @Path("{lotNumber}/reject")
    @RolesAllowed(Role.QA_NAME)
    @Operation(summary = "Reject a quarantined lot, with a reason",
            extensions = @Extension(name = "x-roles", value = "[\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Decision.class),
                    examples = @ExampleObject(name = "example", value = "{\"reason\":\"sterility test positive\"}")))
    @APIResponse(responseCode = "200", description = "REJECTED, with the lot's vials by state and those on hand",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Decided.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    @APIResponse(responseCode = "409", description = "LOT_STATUS_CONFLICT: only a QUARANTINED lot can be rejected (currentState names its state)")
    public Decided reject(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                          @Valid @Required Decision request) {
        return decided(decisions.reject(lotNumber, productCode, request.reason, caller.getUserPrincipal().getName()), lotNumber, productCode);
    }

    @POST
    @Path("{lotNumber}/recall")
    @RolesAllowed(Role.QA_NAME)
    @Operation(summary = "Recall a released lot, with a reason: every vial of it is blocked at once",
            description = "From the commit on, every scan and dose of the lot's vials is blocked (LOT_RECALLED). Answers with "
                + "the lot's vials by state and the vials on hand, by location, to be set aside.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Decision.class),
                    examples = @ExampleObject(name = "example", value = "{\"reason\":\"CPC notice 2026-11-25: endotoxin retest out of specification\"}")))
    @APIResponse(responseCode = "200", description = "RECALLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Decided.class),
                    examples = @ExampleObject(name = "example", value = "{\"decision\":{\"decidedAt\":\"2026-11-25T18:31:45.841814Z\",\"decidedBy\":\"qa1\",\"from\":\"RELEASED\","
                        + "\"reason\":\"CPC notice 2026-11-25: endotoxin retest out of specification\",\"to\":\"RECALLED\"},"
                        + "\"lotNumber\":\"NFC2611A\",\"onHand\":[{\"location\":\"FREEZER-1\",\"serial\":\"0002\",\"state\":\"IN_STOCK\","
                        + "\"vialId\":\"5d51d971-b656-4a72-8d28-56c366671400\"}],\"productCode\":\"MAXNFC-2\",\"status\":\"RECALLED\","
                        + "\"vials\":{\"IN_STOCK\":1,\"ADMINISTERED\":1,\"DISPENSED\":0,\"WASTED\":0}}")))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such lot (or, with ?productCode, not of that product)")
    @APIResponse(responseCode = "409", description = "LOT_STATUS_CONFLICT: only a RELEASED lot can be recalled (currentState names its state)")
    public Decided recall(@PathParam("lotNumber") String lotNumber, @QueryParam("productCode") String productCode,
                          @Valid @Required Decision request) {
        return decided(decisions.recall(lotNumber, productCode, request.reason, caller.getUserPrincipal().getName()), lotNumber, productCode);
    }

    private Decided decided(LotDecision decision, String lotNumber, String productCode) {
        Lot lot = lots.find(lotNumber, productCode).orElseThrow();
        return new Decided(lot.lotNumber(), lot.product().code(), decision.to(), DecisionView.of(decision), lotVials.counts(lot),
                lotVials.inStock(lot).stream().map(VialSummary::of).toList());
    }

    private static Map<UUID, UUID> supersededBy(List<AssayResult> history) {
        return history.stream().filter(r -> r.supersedes().isPresent())
                .collect(Collectors.toMap(r -> r.supersedes().get(), AssayResult::id));
    }
}
