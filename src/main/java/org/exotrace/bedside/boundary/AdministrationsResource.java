package org.exotrace.bedside.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.bedside.control.Correcting;
import org.exotrace.bedside.control.Dosing;
import org.exotrace.bedside.entity.DoseCorrection;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.platform.boundary.Required;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.control.SignIns;
import org.exotrace.security.entity.Role;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Doses given at the clinic. */
@Path("administrations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdministrationsResource {

    /** A dose as the API answers it: the example in /openapi. */
    static final String DOSE_EXAMPLE = "{\"administeredAt\":\"2026-11-25T18:31:45.636240Z\","
            + "\"administrationId\":\"7751375e-2c05-4ca7-8cab-6ba0250ec296\",\"indication\":\"knee osteoarthritis\","
            + "\"kind\":\"ADMINISTERED\",\"nurse\":\"nurse1\",\"particles\":780000000000,\"patientId\":\"P-1001\","
            + "\"purpose\":\"THERAPY\",\"recordedAt\":\"2026-11-25T18:31:45.636240Z\",\"route\":\"IV_DRIP\","
            + "\"vials\":[{\"cpcCode\":\"CPC-TOKYO-1\",\"expiresOn\":\"2027-05-31\",\"lotNumber\":\"NFC2611A\","
            + "\"productCode\":\"MAXNFC-2\",\"productName\":\"max NFC 2cc\",\"remainderMl\":0.0,\"scanned\":true,"
            + "\"serial\":\"0001\",\"vialId\":\"549ac932-8402-42f9-9e93-56894780ab42\",\"volumeMl\":2.0}],\"volumeMl\":2.0,"
            + "\"warnings\":[]}";

    /** The body of a correction: VOID, or REPLACE with the dose as it was given. */
    public static class CorrectionRequest {
        @NotNull
        public DoseCorrection.Action action;
        @NotBlank
        @Size(max = 500)
        public String reason;
        @NotNull
        @Size(min = 1, max = 200)
        public String password;
        /** Whether the vials the dose no longer uses were opened: required when it gives any back. */
        public Boolean vialOpened;
        @Valid
        public DoseRequest replacement;
    }

    /** A correction as the API answers it: the correction, the dose it corrected, the replacement, the vials given back. */
    public record CorrectedView(DoseView.CorrectionView correction, DoseView corrected, DoseView replacement,
                                List<VialGivenBack> vialsGivenBack) {
    }

    /** A vial the corrected dose no longer uses: back IN_STOCK at its location, or WASTED as RECORDED_IN_ERROR. */
    public record VialGivenBack(UUID vialId, String state, String location, long ledgerSeq, long reverses) {
    }

    @Inject
    Dosing dosing;

    @Inject
    Correcting correcting;

    @Inject
    SignIns signIns;

    @Context
    HttpServletRequest http;

    @Context
    SecurityContext caller;

    @POST
    @RolesAllowed(Role.NURSE_NAME)
    @Operation(summary = "Record a dose given at the clinic; the nurse is the signed-in user",
            description = "Header Idempotency-Key (required): a retry with the same key and body within 24 h answers 201 with "
                + "the same dose (header Idempotent-Replayed: true) and writes nothing. Give barcode (scanned), vialId "
                + "(chosen by hand, scanned:false) or vials (several).",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DoseRequest.class),
                    examples = @ExampleObject(name = "example", value = "{\"barcode\":\"(01)04912345000019(17)270531(10)NFC2611A(21)0001\",\"patientId\":\"P-1001\","
                        + "\"route\":\"IV_DRIP\",\"volumeMl\":2.0,\"purpose\":\"THERAPY\",\"indication\":\"knee osteoarthritis\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the dose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DoseView.class),
                    examples = @ExampleObject(name = "example", value = DOSE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = Doses.REFUSED_400)
    @APIResponse(responseCode = "409", description = Doses.REFUSED_409)
    @APIResponse(responseCode = "422", description = Doses.REFUSED_422)
    public Response administer(@Valid @Required DoseRequest request, @HeaderParam(Doses.IDEMPOTENCY_KEY) String key, @Context UriInfo uri) {
        return Doses.record(dosing, DoseKind.ADMINISTERED, request, key, caller.getUserPrincipal().getName(), uri.getAbsolutePathBuilder());
    }

    @POST
    @Path("{administrationId}/corrections")
    @RolesAllowed({Role.NURSE_NAME, Role.QA_NAME})
    @Operation(summary = "Correct a dose recorded in error, administered or dispensed: VOID it, or REPLACE it with the dose as it was "
                + "given (electronic signature: re-enter the password)",
            description = "The dose stays, marked as corrected; a replacement is a new dose (201 with both). A NURSE corrects her own dose "
                + "within exotrace.correction.nurse-window of recording it, QA any dose. replacement is a dose's body (as POST "
                + "/api/administrations) without Idempotency-Key; with no vial named it uses the dose's own vials, and administeredAt "
                + "defaults to the dose's. vialOpened (required when the dose gives a vial back): false puts the vial back in stock "
                + "where it was taken from, true wastes it as RECORDED_IN_ERROR. A correction touching a recalled lot is flagged "
                + "(recalledLot) for QA.",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\", \"QA\"]", parseValue = true))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CorrectionRequest.class),
                    examples = {@ExampleObject(name = "void", value = "{\"action\":\"VOID\",\"reason\":\"scanned, then not given: the patient "
                        + "left\",\"vialOpened\":false,\"password\":\"the nurse's own password\"}"),
                        @ExampleObject(name = "replace", value = "{\"action\":\"REPLACE\",\"reason\":\"entered for the wrong patient\","
                        + "\"password\":\"the nurse's own password\",\"replacement\":{\"patientId\":\"P-1002\",\"route\":\"IV_DRIP\","
                        + "\"volumeMl\":2.0,\"purpose\":\"THERAPY\",\"indication\":\"knee osteoarthritis\"}}")}))
    @APIResponse(responseCode = "201", description = "Corrected; Location names the replacement (REPLACE) or the corrected dose (VOID)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CorrectedView.class)))
    @APIResponse(responseCode = "403", description = "NOT_YOUR_DOSE: a nurse corrects her own doses only; SIGNATURE_REFUSED, SIGNER_IS_ADMIN, "
            + "PASSWORD_CHANGE_REQUIRED: the signature is refused; nothing was corrected")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no dose has this id")
    @APIResponse(responseCode = "409", description = "DOSE_ALREADY_CORRECTED: the dose was corrected (correct its replacement); "
            + "CORRECTION_WINDOW_PASSED: a nurse's window is over, QA corrects it; VIAL_BLOCKED: a vial the replacement names may not be given")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: no action, reason or password, or a field breaks its format")
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: vialOpened missing when a vial is given back, a replacement "
            + "with VOID or none with REPLACE, or a rule about the replacement dose names its field")
    @APIResponse(responseCode = "429", description = "SIGN_IN_LOCKED: wrong passwords are counted with sign-in's")
    public Response correct(@PathParam("administrationId") String id, @Valid @Required CorrectionRequest request, @Context UriInfo uri) {
        UUID doseId = doseId(id);
        boolean replacing = request.action == DoseCorrection.Action.REPLACE;
        if (replacing != (request.replacement != null)) {
            throw ProblemException.invalid("replacement", replacing ? "REPLACE gives the dose as it was given" : "VOID takes no replacement");
        }
        List<Dosing.VialRef> vials = replacing ? request.replacement.vialRefsIfAny() : List.of();
        if (request.vialOpened == null && (!replacing || !vials.isEmpty())) {
            throw ProblemException.invalid("vialOpened", "say whether the vial was opened: false puts it back in stock, true wastes it");
        }
        Optional<Correcting.Replacement> replacement = replacing
                ? Optional.of(new Correcting.Replacement(request.replacement.details(dosing.kindOf(doseId)
                        .orElseThrow(() -> ProblemException.notFound("administration", id)) == DoseKind.DISPENSED), vials))
                : Optional.empty();
        Correcting.Corrected done = correcting.correct(doseId, request.reason, Boolean.TRUE.equals(request.vialOpened), replacement,
                caller.getUserPrincipal().getName(), caller.isUserInRole(Role.QA_NAME), request.password,
                signIns.clientAddress(http.getRemoteAddr(), http.getHeaders("X-Forwarded-For")));
        UUID shown = done.replacement().map(r -> r.dose().id()).orElse(doseId);
        List<VialGivenBack> back = done.returned().stream().map(m -> new VialGivenBack(m.vialId(), m.stateAfter().name(), m.locationAfter(),
                m.seq(), m.reverses().orElseThrow())).toList();
        return Response.created(uri.getBaseUriBuilder().path("administrations").path(shown.toString()).build())
                .entity(new CorrectedView(DoseView.CorrectionView.of(done.correction()), DoseView.of(done.corrected()),
                        done.replacement().map(DoseView::of).orElse(null), back)).build();
    }

    @GET
    @Path("{administrationId}")
    @RolesAllowed({Role.NURSE_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "One recorded dose, administered or dispensed (audited as DOSE_READ)",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\", \"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The dose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DoseView.class),
                    examples = @ExampleObject(name = "example", value = DOSE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no dose has this id")
    public DoseView get(@PathParam("administrationId") String id) {
        return dosing.read(doseId(id), caller.getUserPrincipal().getName()).map(DoseView::of).orElseThrow(() -> ProblemException.notFound("administration", id));
    }

    private static UUID doseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("administration", id.length() > 40 ? id.substring(0, 40) + "…" : id);
        }
    }
}
