package org.exotrace.platform.error;

import java.util.List;

/**
 * A request the domain refuses: a {@link Kind}, a stable reason word ({@code code}), the offending field when there
 * is one, and a sentence. Controls and entities throw it; one mapper at the boundary writes it as problem details, and
 * nobody catches it on the way. It carries no HTTP status.
 */
public final class DomainError extends RuntimeException {

    /** What kind of refusal it is; the boundary gives each kind its status. */
    public enum Kind {
        /** The thing named does not exist. */
        NOT_FOUND,
        /** Well formed, but the current state forbids it. */
        CONFLICT,
        /** Well formed, but its content breaks a rule; names the field. */
        INVALID,
        /** The caller may not do this. */
        FORBIDDEN,
        /** Refused after too many failed attempts, for a while. */
        LOCKED_OUT
    }

    private final Kind kind;
    private final String code;
    private final String field;
    private final String title;
    private final List<String> reasons;
    private final String currentState;
    private final List<String> assays;

    private DomainError(Kind kind, String code, String field, String message, String title, List<String> reasons,
                        String currentState, List<String> assays) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.title = title;
        this.reasons = List.copyOf(reasons);
        this.currentState = currentState;
        this.assays = List.copyOf(assays);
    }

    private DomainError(Kind kind, String code, String field, String message) {
        this(kind, code, field, message, null, List.of(), null, List.of());
    }

    /** The thing named does not exist. A key longer than any real one is shown cut short. */
    public static DomainError notFound(String what, String key) {
        String shown = key == null || key.length() <= 64 ? key : key.substring(0, Character.isHighSurrogate(key.charAt(63)) ? 63 : 64) + "...";
        return new DomainError(Kind.NOT_FOUND, "NOT_FOUND", null, what + " '" + shown + "' does not exist");
    }

    /** The current state forbids it. */
    public static DomainError conflict(String code, String message) {
        return new DomainError(Kind.CONFLICT, code, null, message);
    }

    /** The thing is in a state that does not allow this move; names the state. */
    public static DomainError wrongState(String code, String message, String currentState) {
        return new DomainError(Kind.CONFLICT, code, null, message, null, List.of(), currentState, List.of());
    }

    /** The current state forbids it for these reason words (a blocked vial's), under its own title. */
    public static DomainError blocked(String code, String title, String message, List<String> reasons) {
        return new DomainError(Kind.CONFLICT, code, null, message, title, reasons, null, List.of());
    }

    /** A refusal about QC assays (a refused release); names them. */
    public static DomainError assays(String code, String message, List<String> assays) {
        return new DomainError(Kind.CONFLICT, code, null, message, null, List.of(), null, assays);
    }

    /** The content breaks a rule ({@code VALIDATION_FAILED}); names the field. */
    public static DomainError invalid(String field, String message) {
        return invalid("VALIDATION_FAILED", field, message);
    }

    /** The content breaks a rule with a reason word of its own; names the field. */
    public static DomainError invalid(String code, String field, String message) {
        return new DomainError(Kind.INVALID, code, field, message);
    }

    /** The caller may not do this. */
    public static DomainError forbidden(String code, String message) {
        return new DomainError(Kind.FORBIDDEN, code, null, message);
    }

    /** Refused after too many failed attempts. */
    public static DomainError lockedOut(String code, String message) {
        return new DomainError(Kind.LOCKED_OUT, code, null, message);
    }

    /** The same refusal under a title of its own, where the kind's general title says too little. */
    public DomainError titled(String title) {
        return new DomainError(kind, code, field, getMessage(), title, reasons, currentState, assays);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The offending field, or null when the refusal is not about one field. */
    public String field() {
        return field;
    }

    /** The sentence a client reads: the message, after the field it is about. */
    public String detail() {
        return field == null ? getMessage() : field + ": " + getMessage();
    }

    /** A title of its own, or null for the kind's. */
    public String title() {
        return title;
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
