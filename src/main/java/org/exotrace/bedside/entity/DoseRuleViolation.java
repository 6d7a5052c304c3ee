package org.exotrace.bedside.entity;

/** A dose that cannot be recorded as described; names the offending field. */
public class DoseRuleViolation extends RuntimeException {

    private final String field;

    public DoseRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
