package org.exotrace.platform.problem;

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
    private final List<String> reasons;
    private final String currentState;
    private final List<String> assays;

    public ProblemException(int status, String code, String title, String detail,
                            List<Problem.FieldError> errors, List<String> reasons) {
        this(status, code, title, detail, errors, reasons, null, List.of());
    }

    private ProblemException(int status, String code, String title, String detail, List<Problem.FieldError> errors,
                             List<String> reasons, String currentState, List<String> assays) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
        this.currentState = currentState;
        this.assays = List.copyOf(assays);
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), List.of());
    }

    /** 404: the thing named in the path does not exist. A key longer than any real one is shown cut short. */
    public static ProblemException notFound(String what, String key) {
        String shown = key == null || key.length() <= 64 ? key : key.substring(0, Character.isHighSurrogate(key.charAt(63)) ? 63 : 64) + "...";
        return new ProblemException(404, "NOT_FOUND", "Not found", what + " '" + shown + "' does not exist");
    }

    /** 409: the request is well formed but the current state forbids it. */
    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict with the current state", detail);
    }

    /** 409: the thing is in a state that does not allow this move; names the state. */
    public static ProblemException wrongState(String code, String detail, String currentState) {
        return new ProblemException(409, code, "Conflict with the current state", detail, List.of(), List.of(), currentState, List.of());
    }

    /** 409 about QC assays (a refused release); names them. */
    public static ProblemException assays(String code, String detail, List<String> assays) {
        return new ProblemException(409, code, "Conflict with the current state", detail, List.of(), List.of(), null, assays);
    }

    /** 422: the request is well formed but breaks a rule about its content; names the field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(422, "VALIDATION_FAILED", "The request breaks a rule",
                field + ": " + message, List.of(new Problem.FieldError(field, message)), List.of());
    }

    /** 422 with a specific reason word. */
    public static ProblemException unprocessable(String code, String field, String message) {
        return new ProblemException(422, code, "The request breaks a rule",
                field + ": " + message, List.of(new Problem.FieldError(field, message)), List.of());
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

    public List<String> reasons() {
        return reasons;
    }

    public String currentState() {
        return currentState;
    }

    public List<String> assays() {
        return assays;
    }
}
