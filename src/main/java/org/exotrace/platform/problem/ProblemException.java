package org.exotrace.platform.problem;

import org.exotrace.platform.error.DomainError;

import java.util.List;

/**
 * A boundary's refusal of the HTTP request itself (a header, a parameter, a body it cannot read, a media type): an
 * HTTP status, a stable reason word and a sentence, written as problem+json by {@link ProblemExceptionMapper}. Controls
 * and entities throw {@link org.exotrace.platform.error.DomainError} instead, which carries no status (docs/adr/0034);
 * the read classes of trace/ still throw this until the read lane replaces them.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final String currentState;

    private ProblemException(int status, String code, String title, String detail, List<Problem.FieldError> errors, String currentState) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.currentState = currentState;
    }

    /** A refusal naming the fields at fault. */
    public ProblemException(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        this(status, code, title, detail, errors, null);
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), null);
    }

    /** 404: the thing named in the path does not exist; the same answer as {@link DomainError#notFound}. */
    public static ProblemException notFound(String what, String key) {
        return new ProblemException(404, "NOT_FOUND", "Not found", DomainError.notFound(what, key).getMessage());
    }

    /** 409: the thing is in a state that does not allow this move; names the state. */
    public static ProblemException wrongState(String code, String detail, String currentState) {
        return new ProblemException(409, code, "Conflict with the current state", detail, List.of(), currentState);
    }

    /** 422: the request is well formed but breaks a rule about its content; names the field. */
    public static ProblemException invalid(String field, String message) {
        return unprocessable("VALIDATION_FAILED", field, message);
    }

    /** 422 with a specific reason word. */
    public static ProblemException unprocessable(String code, String field, String message) {
        return new ProblemException(422, code, "The request breaks a rule",
                field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public String currentState() {
        return currentState;
    }
}
