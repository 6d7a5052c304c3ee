package org.exotrace.platform.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem+json responses; the only place that does. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String code, String title, String detail, String requestId,
                                    List<Problem.FieldError> errors, List<String> reasons) {
        return response(status, code, title, detail, requestId, errors, reasons, null, null);
    }

    public static Response response(ProblemException p, String requestId) {
        return response(p.status(), p.code(), p.title(), p.getMessage(), requestId, p.errors(), p.reasons(), p.currentState(), p.assays());
    }

    private static Response response(int status, String code, String title, String detail, String requestId,
                                     List<Problem.FieldError> errors, List<String> reasons, String currentState, List<String> assays) {
        Problem problem = new Problem(Problem.typeFor(code), title, status, detail, code, requestId,
                errors == null || errors.isEmpty() ? null : errors,
                reasons == null || reasons.isEmpty() ? null : reasons,
                currentState,
                assays == null || assays.isEmpty() ? null : assays);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A query parameter that is not of its type ({@code ?page=abc}): 400 naming it. */
    public static Response invalidQueryParameter(String field, String requestId) {
        return response(400, "VALIDATION_FAILED", "The request is not valid", "Invalid fields: " + field, requestId,
                List.of(new Problem.FieldError(field, "not of the documented type")), null);
    }

    public static Response response(int status, String code, String title, String detail, String requestId) {
        return response(status, code, title, detail, requestId, null, null);
    }
}
