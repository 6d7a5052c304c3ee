package org.exotrace.platform.problem;

import jakarta.ws.rs.core.Response;
import org.exotrace.platform.error.DomainError;

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
        return response(p.status(), p.code(), p.title(), p.getMessage(), requestId, p.errors(), null, p.currentState(), null);
    }

    public static Response response(DomainError e, String requestId) {
        return written(problem(e, requestId));
    }

    /** The problem details of a domain refusal: its kind's status and title, its field named in the detail and the errors. */
    static Problem problem(DomainError e, String requestId) {
        return problem(DomainErrorMapper.status(e.kind()), e.code(), DomainErrorMapper.title(e), e.detail(), requestId,
                e.field() == null ? null : List.of(new Problem.FieldError(e.field(), e.getMessage())), e.reasons(), e.currentState(), e.assays());
    }

    private static Response response(int status, String code, String title, String detail, String requestId,
                                     List<Problem.FieldError> errors, List<String> reasons, String currentState, List<String> assays) {
        return written(problem(status, code, title, detail, requestId, errors, reasons, currentState, assays));
    }

    private static Problem problem(int status, String code, String title, String detail, String requestId,
                                   List<Problem.FieldError> errors, List<String> reasons, String currentState, List<String> assays) {
        return new Problem(Problem.typeFor(code), title, status, detail, code, requestId,
                errors == null || errors.isEmpty() ? null : errors,
                reasons == null || reasons.isEmpty() ? null : reasons,
                currentState,
                assays == null || assays.isEmpty() ? null : assays);
    }

    private static Response written(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
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
