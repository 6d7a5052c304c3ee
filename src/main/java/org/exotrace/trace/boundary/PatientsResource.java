package org.exotrace.trace.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.bedside.entity.InjectionSite;
import org.exotrace.bedside.entity.Purpose;
import org.exotrace.catalog.entity.DonorSource;
import org.exotrace.catalog.entity.Route;
import org.exotrace.lot.entity.LotStatus;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.qc.entity.AssayResult;
import org.exotrace.qc.entity.Judgement;
import org.exotrace.security.entity.Role;
import org.exotrace.trace.control.Traces;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Backward trace: what a patient received, and everything behind each dose. */
@Path("patients")
@Produces(MediaType.APPLICATION_JSON)
public class PatientsResource {

    private static final java.util.regex.Pattern PATIENT_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public record AssayLine(String assay, String reading, String specification, Judgement judgement) {
        static AssayLine of(AssayResult r) {
            return new AssayLine(r.assay(), r.reading(), r.specification(), r.judgement());
        }
    }

    public record QcSummary(boolean passed, List<String> missing, List<String> failing, List<AssayLine> assays) {
    }

    public record Signer(String signer, Instant signedAt, String meaning) {
    }

    public record DoseLine(UUID administrationId, DoseKind kind, Instant administeredAt, Route route, InjectionSite site, String siteDetail,
                           BigDecimal volumeMl, Purpose purpose, String nurse, UUID vialId, String serial, boolean scanned,
                           String lotNumber, LotStatus lotStatus, LocalDate expiresOn, String productCode, String productName,
                           DonorSource donorSource, String cpcCode, String cpcName, QcSummary qc, List<Signer> releasedBy) {
    }

    public record PatientDoses(String patientId, int doses, boolean anyRecalled, List<DoseLine> items, List<Traces.CorrectedDose> corrections) {
    }

    @Inject
    Traces traces;

    @Context
    SecurityContext caller;

    @GET
    @Path("{patientId}/doses")
    @RolesAllowed({Role.NURSE_NAME, Role.QA_NAME, Role.INTEGRATION_NAME})
    @Operation(summary = "Every dose a patient received, newest first, with vial, lot, product, donor source, CPC, QC summary "
            + "and release signers (audited as PATIENT_DOSES_READ)",
            extensions = @Extension(name = "x-roles", value = "[\"NURSE\", \"QA\", \"INTEGRATION\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The doses; anyRecalled is true when a lot of them was recalled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PatientDoses.class)))
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: a patientId not of 1-64 letters, digits, '.', '_' or '-'")
    public PatientDoses doses(@PathParam("patientId") String patientId) {
        if (!PATIENT_ID.matcher(patientId).matches()) {
            throw ProblemException.invalid("patientId", "1-64 letters, digits, '.', '_' or '-'");
        }
        Traces.PatientHistory history = traces.patient(patientId, caller.getUserPrincipal().getName());
        List<DoseLine> lines = history.doses().stream().map(p -> {
            var d = p.dose();
            return new DoseLine(d.administrationId(), d.kind(), d.administeredAt(), d.route(), d.site(), d.siteDetail(), d.vialVolumeMl(),
                    d.purpose(), d.nurse(), d.vialId(), d.serial(), d.scanned(), d.lotNumber(), d.lotStatus(), d.expiresOn(), d.productCode(),
                    d.productName(), d.donorSource(), d.cpcCode(), d.cpcName(),
                    new QcSummary(p.qc().passed(), p.qc().missing(), p.qc().failing(), p.qc().current().stream().map(AssayLine::of).toList()),
                    p.signatures().stream().map(s -> new Signer(s.signer(), s.signedAt(), s.meaning())).toList());
        }).toList();
        return new PatientDoses(patientId, (int) lines.stream().map(DoseLine::administrationId).distinct().count(),
                lines.stream().anyMatch(l -> l.lotStatus() == LotStatus.RECALLED), lines, history.corrections());
    }
}
