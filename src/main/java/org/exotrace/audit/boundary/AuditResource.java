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
import org.exotrace.audit.entity.AuditEntry;
import org.exotrace.platform.boundary.Instants;
import org.exotrace.platform.boundary.Page;
import org.exotrace.platform.boundary.PageRequest;
import org.exotrace.security.entity.Role;

import java.io.StringReader;
import java.time.Instant;

import static org.exotrace.platform.entity.Texts.blankToNull;

/** The append-only audit trail, for QA and administrators. */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.QA_NAME, Role.ADMIN_NAME})
public class AuditResource {

    /** One entry; {@code change} is the JSON recorded with it, {@code hash} links it to {@code prevHash}. */
    public record EntryView(long seq, Instant recordedAt, String actor, String action, String subjectType, String subjectId,
                            JsonValue change, String digest, String prevHash, String hash) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.seq(), e.recordedAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(), json(e.change()),
                    e.digest(), e.prevHash(), e.hash());
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
        return Page.of(log.search(filter, page.page(), page.size()).stream().map(EntryView::of).toList(), page, log.count(filter));
    }

    @GET
    @Path("verify")
    @Operation(summary = "Recompute the hash chain over every entry",
            description = "intact=false names the first broken entry (firstBrokenSeq) and what does not match. Always 200 when "
                + "it could be read: the answer is the report.",
            extensions = @Extension(name = "x-roles", value = "[\"QA\", \"ADMIN\"]", parseValue = true))
    @APIResponse(responseCode = "200", description = "The verification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditLog.Verification.class),
                    examples = @ExampleObject(name = "example", value = "{\"entries\":1742,\"intact\":true,"
                        + "\"lastHash\":\"9b1f0c4e2a7d3b58e6c1f09a4d2e7b3c5a8f1d6e0b9c2a4f7e3d1b5c8a0f6e2d\","
                        + "\"verifiedAt\":\"2026-11-26T01:40:00.512Z\"}")))
    public AuditLog.Verification verify() {
        return log.verify();
    }
}
