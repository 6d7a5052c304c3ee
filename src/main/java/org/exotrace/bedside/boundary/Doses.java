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
