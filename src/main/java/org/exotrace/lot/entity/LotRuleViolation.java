package org.exotrace.lot.entity;

/** A lot that may not be received as given; names the offending field. */
public class LotRuleViolation extends RuntimeException {

    private final String field;

    public LotRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
