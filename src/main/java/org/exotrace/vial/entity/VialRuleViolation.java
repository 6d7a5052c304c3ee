package org.exotrace.vial.entity;

/** A stock change the vial's current state forbids; carries the reason word. */
public class VialRuleViolation extends RuntimeException {

    private final String code;

    public VialRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
