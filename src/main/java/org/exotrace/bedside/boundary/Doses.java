package org.exotrace.bedside.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.exotrace.audit.control.AuditHash;
import org.exotrace.bedside.control.Dosing;
import org.exotrace.bedside.entity.DoseKind;
import org.exotrace.platform.problem.ProblemException;

/** What administrations and dispenses share at the boundary: the key, the request's hash and the answer. */
final class Doses {

    /** The 422 answer of a dose, administered or dispensed, in /openapi. */
    static final String REFUSED_422 = "IDEMPOTENCY_KEY_REUSED, VALIDATION_FAILED: the key was used with another body; or a rule about the "
            + "dose (INJECTION needs site, THERAPY needs indication, a required provision field, a late entry "
            + "outside the window) names its field";

    /** The 409 answer of a dose, administered or dispensed, in /openapi. */
    static final String REFUSED_409 = "VIAL_BLOCKED: a vial may not be given; reasons holds the scan's reason words (LOT_RECALLED, EXPIRED,"
            + " ALREADY_USED, ...) and nothing was recorded";

    /** The 400 answer of a dose, administered or dispensed, in /openapi. */
    static final String REFUSED_400 = "IDEMPOTENCY_KEY_REQUIRED, VALIDATION_FAILED: no Idempotency-Key header, or a field breaks its format";

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Jsonb JSONB = JsonbBuilder.create();

    private Doses() {
    }

    static Response record(Dosing dosing, DoseKind kind, DoseRequest request, String key, String nurse, UriBuilder location) {
        if (key == null || key.isBlank()) {
            throw new ProblemException(400, "IDEMPOTENCY_KEY_REQUIRED", "Bad request",
                    "send a fresh Idempotency-Key header with every dose, and the same one when you retry it");
        }
        if (key.length() > 100) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "at most 100 characters");
        }
        String hash = AuditHash.sha256(kind + "\n" + JSONB.toJson(request));
        boolean dispensing = kind == DoseKind.DISPENSED;
        Dosing.Recorded recorded = dosing.record(kind, request.vialRefs(), request.details(dispensing), nurse, key.strip(), hash);
        Response.ResponseBuilder response = Response.created(location.path(recorded.dose().id().toString()).build())
                .entity(DoseView.of(recorded));
        if (recorded.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
