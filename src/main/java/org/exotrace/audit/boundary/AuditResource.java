package org.exotrace.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.exotrace.audit.control.AuditLog;
import org.exotrace.audit.control.Checkpoint;
import org.exotrace.audit.entity.AuditEntry;
import org.exotrace.platform.boundary.Instants;
import org.exotrace.platform.boundary.Page;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.platform.problem.ProblemException;
import org.exotrace.security.entity.Role;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.exotrace.platform.entity.Texts.blankToNull;

/** The append-only audit trail, for QA and administrators. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.QA_NAME, Role.ADMIN_NAME})
public class AuditResource {

    /**
     * One entry; {@code change} is the JSON recorded with it. Once sealed ({@code sealed} true), {@code position} is its place
     * in the log and {@code hash} its seal, keyed over {@code prevHash} (the seal before it) and the entry; until then
     * (within a second of its commit) those three are null.
     */
    public record EntryView(long seq, Instant recordedAt, String actor, String action, String subjectType, String subjectId,
                            JsonValue change, String digest, String prevHash, String hash, boolean sealed, Long position) {
        static EntryView of(AuditEntry e, AuditLog.Seal seal) {
            return new EntryView(e.seq(), e.recordedAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(), json(e.change()),
                    e.digest(), seal == null ? null : seal.previousSeal(), seal == null ? null : seal.seal(), seal != null,
                    seal == null ? null : seal.position());
        }

        private static JsonValue json(String text) {
            try (var reader = Json.createReader(new StringReader(text))) {
                return reader.readValue();
            } catch (JsonException e) {
                return Json.createValue(text);
            }
        }
    }

    @Inject
    AuditLog log;

    @GET
    @Operation(summary = "Audit entries, newest first",
            description = "Filters: subjectType (lot, vial, user, product, cpc, location, ...), subjectId, actor, action, from "
                + "and to (UTC instants, to exclusive).",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: from or to not an instant")
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: page or size out of range (page 0..1000000, size 1..500)")
    public Page<EntryView> search(@QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
                                  @QueryParam("actor") String actor, @QueryParam("action") String action,
                                  @QueryParam("from") String from, @QueryParam("to") String to, @Valid @BeanParam PageRequest page) {
        var filter = new AuditLog.Filter(blankToNull(subjectType), blankToNull(subjectId), blankToNull(actor), blankToNull(action),
                Instants.parse("from", from), Instants.parse("to", to));
        List<AuditEntry> entries = log.search(filter, page.page(), page.size());
        Map<Long, AuditLog.Seal> seals = log.seals(entries.stream().map(AuditEntry::seq).toList());
        return Page.of(entries.stream().map(e -> EntryView.of(e, seals.get(e.seq()))).toList(), page, log.count(filter));
    }

    @GET
    @Path("verify")
    @Operation(summary = "Verify the sealed audit trail against its checkpoints",
            description = "Recomputes every entry's keyed seal in log order and checks every checkpoint (in the database, in the "
                + "export file, and the one given as checkpoint=size.root). intact=false names the entry where it breaks "
                + "(firstBrokenSeq) and what changed (problem). Always 200 when it could be read: the answer is the report.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The verification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditLog.Verification.class),
                    examples = @ExampleObject(name = "example", value = "{\"entries\":1742,\"intact\":true,"
                        + "\"lastHash\":\"9b1f0c4e2a7d3b58e6c1f09a4d2e7b3c5a8f1d6e0b9c2a4f7e3d1b5c8a0f6e2d\","
                        + "\"verifiedAt\":\"2026-11-26T01:40:00.512Z\",\"unsealed\":0,"
                        + "\"checkpoint\":\"1742.9b1f0c4e2a7d3b58e6c1f09a4d2e7b3c5a8f1d6e0b9c2a4f7e3d1b5c8a0f6e2d\","
                        + "\"checkpointMadeAt\":\"2026-11-26T01:39:59.900Z\"}")))
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: checkpoint is not size.root (digits, a dot, 64 hex digits)")
    public AuditLog.Verification verify(@QueryParam("checkpoint") String checkpoint) {
        Checkpoint kept = null;
        if (blankToNull(checkpoint) != null) {
            kept = Checkpoint.ofText(checkpoint.strip());
            if (kept == null) {
                throw ProblemException.invalid("checkpoint", "not a checkpoint: size.root, such as 1742.9b1f…(64 hex digits)");
            }
        }
        return log.verify(kept);
    }
}
